import { describe, expect, it } from 'vitest';
import { LEGEND, type FramedDrawing } from '../../src/layout/index.js';
import { plot } from '../../src/lesson/plot.js';
import { BESIDE_COLUMNS, legendLines, planLesson, type DrawingRoom } from '../../src/session/plan.js';

/** A drawing room that records each size asked for and answers with a drawing of that size (or smaller, its natural one). */
function room(natural: { width: number; height: number }, needed = true) {
  const asked: [number, number][] = [];
  const drawing: DrawingRoom = {
    draw(width, height) {
      asked.push([width, height]);
      const w = Math.min(width, natural.width);
      const h = Math.min(height, natural.height);
      const cut = natural.width > width || natural.height > height;
      const lines = Array.from({ length: h }, () => [{ text: '│'.padEnd(w) }]);
      return {
        width: w,
        height: h,
        lines,
        boxes: {},
        style: 'full',
        origin: { row: 0, col: 0 },
        beyond: cut ? { below: 1 } : undefined,
      } as FramedDrawing;
    },
    width: natural.width,
    minimum: 6,
    needed,
  };
  return { drawing, asked };
}
const text = (n: number) => ['▸ Title', ...Array.from({ length: n - 1 }, (_, i) => `line ${i + 1}`)];

describe('planLesson stacked (below 120 columns)', () => {
  it('gives the drawing every row the text leaves: 24 - 1 free - 3 chrome - 5 text - 1 blank = 14', () => {
    const { drawing, asked } = room({ width: 47, height: 30 });
    const plan = planLesson(text(5), 0, drawing, 80, 24);
    expect(plan.arrangement).toBe('stacked');
    expect(asked).toEqual([[80, 14]]);
    expect(plan.panel).toHaveLength(5);
    // The cut drawing fills its room: no row for the legend.
    expect(plan.legend).toEqual([]);
  });

  it('puts the legend under a drawing that leaves a row for it', () => {
    const plan = planLesson(text(5), 0, room({ width: 47, height: 11 }).drawing, 80, 24);
    expect(plan.drawing!.height).toBe(11);
    expect(plan.legend).toEqual([LEGEND]);
  });

  it('squeezes long text to the drawing’s minimum where the step has a node to show; the text then scrolls', () => {
    const { drawing, asked } = room({ width: 77, height: 19 });
    const plan = planLesson(text(30), 0, drawing, 80, 24, { from: 0, keys: true });
    expect(asked).toEqual([[80, 6]]);
    // 20 rows: 6 drawing, 1 blank, 13 text (the title, 11 lines and the marker).
    expect(plan.panel).toHaveLength(13);
    expect(plan.panel.at(-1)).toBe('… 18 more lines (↓ shows them)');
    expect(plan.scrollLimit).toBe(30 - 1 - 12);
  });

  it('leaves the drawing out rather than squeeze: a step without a node, a waiting question, a small window', () => {
    expect(
      planLesson(text(30), 0, room({ width: 77, height: 19 }, false).drawing, 80, 24, { from: 0, keys: true }).drawing,
    ).toBeUndefined();
    expect(planLesson(text(16), 0, room({ width: 77, height: 19 }).drawing, 80, 24, { from: 0, keys: false }).drawing).toBeUndefined();
    // 60×16: 12 rows; text of 8 lines leaves 3, under the minimum of 6; squeezed it would keep 5 lines.
    expect(planLesson(text(8), 0, room({ width: 47, height: 11 }).drawing, 60, 16).drawing).toBeUndefined();
    // Short text at 60×16 leaves room: 12 - 3 - 1 = 8 rows.
    const { drawing, asked } = room({ width: 47, height: 11 });
    expect(planLesson(text(3), 0, drawing, 60, 16).drawing!.height).toBe(8);
    expect(asked).toEqual([[60, 8]]);
  });

  it('keeps the rows a question’s choices need', () => {
    const { drawing, asked } = room({ width: 47, height: 30 });
    planLesson(text(3), 4, drawing, 80, 24);
    expect(asked).toEqual([[80, 20 - 4 - 3 - 1]]);
  });
});

describe('planLesson beside (from 120 columns)', () => {
  it('gives the drawing the whole height and its natural width, the text the rest', () => {
    const { drawing, asked } = room({ width: 47, height: 11 });
    const plan = planLesson(text(5), 0, drawing, 140, 40);
    expect(plan.arrangement).toBe('beside');
    expect(asked).toEqual([[47, 36]]);
    expect(plan.textWidth).toBe(140 - 47 - 2);
    expect(plan.legend.length).toBeGreaterThan(0);
  });

  it('leaves the text at least 48 columns beside a wide drawing', () => {
    const { drawing, asked } = room({ width: 700, height: 71 });
    const plan = planLesson(text(5), 0, drawing, BESIDE_COLUMNS, 30);
    expect(asked).toEqual([[120 - 2 - 48, 26]]);
    expect(plan.textWidth).toBe(48);
    expect(plan.legend).toEqual([]);
  });

  it('is stacked one column short of it', () => {
    expect(planLesson(text(5), 0, room({ width: 47, height: 11 }).drawing, BESIDE_COLUMNS - 1, 30).arrangement).toBe('stacked');
  });
});

describe('legendLines', () => {
  it('is the legend on one line where it fits, else its entries packed, never wider than asked', () => {
    expect(legendLines(80)).toEqual([LEGEND]);
    // 80 columns with three spaces between entries, 76 with two.
    expect(legendLines(77)).toEqual([LEGEND.replace(/ {3}/g, '  ')]);
    for (const width of [70, 60, 40, 20]) {
      const lines = legendLines(width);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(width);
      // Every entry is there, in order.
      expect(lines.join(' ').replace(/ +/g, ' ')).toBe(LEGEND.replace(/ +/g, ' '));
    }
  });
});

describe('planLesson with a plot in the text', () => {
  const plotted = ['▸ Backward: o → n', ...plot([{ f: Math.tanh, mark: '•' }], { from: -2, to: 3, rows: 8 }), 'after the plot'];

  it('beside at 140 columns, gives the text the plot’s width so no row of it wraps (tanh’s broke apart)', () => {
    const { drawing, asked } = room({ width: 77, height: 20 });
    const plan = planLesson(plotted, 0, drawing, 140, 40);
    expect(plan.arrangement).toBe('beside');
    // 12 columns of labels and 60 of plot: the drawing gets 140 − 2 − 72 = 66.
    expect(asked).toEqual([[140 - 2 - 72, 36]]);
    expect(plan.textWidth).toBe(72);
    expect(plan.panel).toEqual(plotted);
  });

  it('goes above the text where a plot leaves the drawing too few columns beside it', () => {
    // 12 + 100 columns of plot at 130: 130 − 2 − 112 = 16 for the drawing, fewer than two boxes.
    const wide = ['▸ T', ...plot([{ f: Math.tanh, mark: '•' }], { from: -2, to: 3, rows: 4, columns: 100 })];
    const plan = planLesson(wide, 0, room({ width: 77, height: 10 }).drawing, 130, 40);
    expect(plan.arrangement).toBe('stacked');
    expect(plan.panel).toEqual(wide);
  });

  it('leaves a plot out where the window is narrower than it, saying so: wrapped, its rows broke into pieces (lesson 1 at 60×16)', () => {
    // 12 columns of labels and 60 of plot: 72, more than 60.
    const plan = planLesson(plotted, 0, undefined, 60, 40);
    expect(plan.panel).toEqual(['▸ Backward: o → n', '(a window 72 columns wide shows the picture)', 'after the plot']);
    // At 72 columns it fits, and is there whole.
    expect(planLesson(plotted, 0, undefined, 72, 40).panel).toEqual(plotted);
  });
});
