import { describe, expect, it } from 'vitest';
import { buildLesson } from '../../src/lesson/index.js';
import { line, plot } from '../../src/lesson/plot.js';
import { loadScenarioFile } from '../../src/scenario/index.js';

const cells = (lines: string[], rows: number) => lines.slice(0, rows).map((l) => l.slice(12));

describe('the plot', () => {
  it('draws y = x over 0 … 9 on the diagonal of a 10 × 10 grid, top row the largest y', () => {
    const lines = plot([{ f: (x) => x, mark: '•' }], { from: 0, to: 9, rows: 10, columns: 10 });
    // Column x holds row 9 − x (and the cells halfway to the next column's, which round to the next row).
    cells(lines, 10).forEach((row, r) => expect(row.indexOf('•'), `row ${r}`).toBe(9 - r));
    expect(lines[0].trim().startsWith('9 ┤')).toBe(true);
    expect(lines[9].trim().startsWith('0 ┤')).toBe(true);
    expect(lines.at(-1)!.trim()).toMatch(/^0 +9$/);
  });

  it('draws later curves over earlier ones, and points over all', () => {
    const lines = plot(
      [
        { f: () => 0, mark: 'a' },
        { f: () => 0, mark: 'b' },
      ],
      { from: 0, to: 4, rows: 3, columns: 5, low: -1, high: 1, points: [{ x: 2, y: 0, mark: '◆' }] },
    );
    expect(cells(lines, 3)[1]).toBe('bb◆bb');
  });

  it('a line through a point with a slope', () => {
    expect(line(3, 20, 14)(4)).toBe(34);
  });
});

describe('the slope lesson’s picture', () => {
  const lesson = buildLesson(loadScenarioFile('scenarios/01-slope.yaml'));
  const slopes = lesson.steps.filter((s) => s.title.startsWith('Slope: h = '));
  const picture = (k: number) => slopes[k].lines.slice(0, 8).join('\n');

  it('shows the curve, the secant through x and x + h, and the tangent, on every nudge', () => {
    expect(slopes.length).toBe(4);
    for (const k of [0, 1, 2, 3]) {
      expect(picture(k)).toContain('•');
      expect(picture(k)).toContain('o');
      expect(picture(k)).toContain('◆');
    }
    expect(slopes[0].lines).toContain('• f(x)   o secant through ◆ at x, x + h   · tangent at x, where the secants go');
  });

  it('turns the secant onto the tangent as h shrinks: the tangent shows less beside it at each h', () => {
    // Secant slopes 17, 14.3, 14.03, 14.003 against the tangent's 14: the tangent's own cells (· where no o covers it) dwindle.
    const tangentShown = [0, 1, 2, 3].map((k) => picture(k).split('·').length - 1);
    expect(tangentShown[0]).toBeGreaterThan(8);
    expect(tangentShown[3]).toBeLessThanOrEqual(1);
    for (let k = 1; k < 4; k++) expect(tangentShown[k]).toBeLessThanOrEqual(tangentShown[k - 1]);
  });
});

describe('the slope lesson’s step along the curve: the slope at each x', () => {
  const lesson = buildLesson(loadScenarioFile('scenarios/01-slope.yaml'));
  const along = lesson.steps.find((s) => s.title === 'Slope: along the curve')!;
  const picture = along.lines.slice(0, 11);
  // f(x) = 3x² − 4x + 5, so f'(x) = 6x − 4: the lecture's three slopes, worked here, not read from the tutor.
  const slope = (x: number) => 6 * x - 4;

  it('writes under each point its slope: 6x − 4 at x = −3, at the bottom 2/3, and at 3', () => {
    // The last step of the Slope phase, before the summary.
    expect(along.phase).toBe('slope');
    expect(lesson.steps.indexOf(along)).toBe(lesson.steps.length - 2);
    const notes = picture[10].trim().split(/\s+/).map(Number);
    expect(notes).toEqual([slope(-3), slope(2 / 3), slope(3)]);
    expect(notes).toEqual([-22, 0, 14]);
    expect(along.lines).toContain(
      'The slope of f: at x = -3 it is -22 (falling), at x = 0.666667 it is 0 (flat: the bottom), at x = 3 it is 14 (rising).',
    );
  });

  it('draws each tangent tilted as its slope: falling at −3, flat at 2/3, rising at 3', () => {
    const rows = picture.slice(0, 8).map((l) => [...l.slice(12)]);
    const diamonds = rows
      .flatMap((cells, row) => cells.flatMap((c, col) => (c === '◆' ? [{ row, col }] : [])))
      .sort((a, b) => a.col - b.col);
    // The window is −4 … 4 over 60 columns: x sits in column (x + 4) / 8 × 59.
    expect(diamonds.map((d) => d.col)).toEqual([-3, 2 / 3, 3].map((x) => Math.round(((x + 4) / 8) * 59)));
    // The tangent's cells (·) each side of its point: above it on the side the curve climbs, level where it is flat.
    const side = (d: { row: number; col: number }, dir: 1 | -1) =>
      rows.flatMap((cells, row) =>
        cells.flatMap((c, col) => (c === '·' && Math.sign(col - d.col) === dir && Math.abs(col - d.col) <= 6 ? [row] : [])),
      );
    const [left, bottom, right] = diamonds;
    expect(Math.min(...side(left, -1))).toBeLessThan(left.row);
    expect(Math.max(...side(left, 1))).toBeGreaterThan(left.row);
    expect(new Set([...side(bottom, -1), ...side(bottom, 1)])).toEqual(new Set([bottom.row]));
    expect(Math.max(...side(right, -1))).toBeGreaterThan(right.row);
    expect(Math.min(...side(right, 1))).toBeLessThan(right.row);
  });
});

describe('the picture of a function’s slope at a backward edge', () => {
  const lesson = buildLesson(loadScenarioFile('scenarios/13-neuron.yaml'));

  it('draws tanh around n with its tangent, whose slope is the edge’s local derivative 1 − o²', () => {
    const step = lesson.steps.find((s) => s.title === 'Backward: o → n')!;
    const key = step.lines.at(-1)!;
    // o = tanh(0.881374) = 0.707107, so 1 − o² = 0.5. One line at 80 columns.
    expect(key).toBe('• tanh(n)   · its tangent at ◆, n = 0.881374: slope 0.5, the local derivative');
    expect(key.length).toBeLessThanOrEqual(80);
    const picture = step.lines.slice(-10, -3).join('\n');
    expect(picture).toContain('◆');
    expect(picture).toContain('·');
    // The window's top and bottom are tanh's at n ± 2.5: tanh(3.38) = 0.998, tanh(−1.62) = −0.924; 7 rows.
    expect(step.lines.at(-10)!.trim().startsWith('0.998 ┤')).toBe(true);
    expect(step.lines.at(-4)!.trim().startsWith('-0.924 ┤')).toBe(true);
  });

  it('is only where the node is a function of one number, not at a sum or a product', () => {
    const others = lesson.steps.filter((s) => s.contribution && !s.title.startsWith('Backward: o →'));
    expect(others.length).toBeGreaterThan(3);
    for (const s of others) expect(s.lines.join('\n')).not.toContain('its tangent at');
  });
});
