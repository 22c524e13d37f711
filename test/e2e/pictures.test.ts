// The lecture's pictures through the built CLI, at 80×24 and at 140×40 (where the drawing sits beside the text),
// with NO_COLOR: the screen a learner reads, keys sent as a person types them, several in a burst.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, DOWN, RIGHT, TAB, type Tui } from './pty.js';
import { trackedTuis } from './tracked.js';

const tui = trackedTuis();

async function open(lesson: string, cols: number, rows: number): Promise<Tui> {
  const home = mkdtempSync(join(tmpdir(), 'gt-pictures-'));
  const t = await tui([lesson], {
    cols,
    rows,
    env: { HOME: home, XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache'), NO_COLOR: '1' },
  });
  await t.waitFor('step 1/');
  return t;
}

/**
 * The first plot or chart on screen, cut out of its column (at 140×40 the drawing is on its left): from its top
 * row (a number and ┤) to its x axis (└), and the two lines under it; each row from the column its axis is in.
 */
function picture(screen: string): string[] {
  const lines = screen.split('\n').map((l) => [...l]);
  const top = lines.findIndex((l) => /-?\d[\d.e-]* ┤/.test(l.join('')));
  expect(top, screen).toBeGreaterThanOrEqual(0);
  const axis = lines[top].indexOf('┤');
  const bottom = lines.findIndex((l, i) => i > top && l[axis] === '└');
  expect(bottom, screen).toBeGreaterThan(top);
  // The labels' 11 columns left of the axis, the axis, and the plot.
  return lines.slice(top, bottom + 3).map((l) =>
    l
      .slice(axis - 11)
      .join('')
      .trimEnd(),
  );
}

/** The plot's cells in a row: the text after its axis column. */
const cells = (line: string) => [...line.slice(12)];

describe.each([
  [80, 24],
  [140, 40],
])('the pictures at %i×%i', (cols, rows) => {
  beforeAll(() => assertBuilt());

  it('lesson 1: the secant through x and x + h beside the tangent; after the nudges the slopes at −3, 2/3 and 3', async () => {
    const t = await open('slope', cols, rows);
    // Overview → Forward → Slope.
    t.write(TAB + TAB);
    let shown = picture(await t.waitFor('▸ Slope: h = 1'));
    const plotted = shown.slice(0, 8).flatMap(cells);
    // Both points of the secant, at x = 3 and x + h = 4, and the curve, the secant and the tangent.
    expect(plotted.filter((c) => c === '◆')).toHaveLength(2);
    for (const mark of ['•', 'o', '·']) expect(plotted).toContain(mark);
    expect(shown[8].trim()).toMatch(/^└─{60}$/);
    expect(await t.waitFor('• f(x)   o secant through ◆ at x, x + h   · tangent at x, where the secants go')).toBeTruthy();

    // The four nudges, then the slope along the curve.
    t.write(RIGHT.repeat(4));
    const screen = await t.waitFor('▸ Slope: along the curve');
    shown = picture(screen);
    expect(shown[0].trim().startsWith('69 ┤')).toBe(true);
    // 3x² − 4x + 5 at −4 is 69 and at 2/3 its least, 11/3; its slope 6x − 4 at −3, 2/3 and 3, under each point.
    expect(shown[7].trim().startsWith('3.67 ┤')).toBe(true);
    expect(shown[10].trim().split(/\s+/).map(Number)).toEqual([6 * -3 - 4, 6 * (2 / 3) - 4, 6 * 3 - 4]);
    expect(
      shown
        .slice(0, 8)
        .flatMap(cells)
        .filter((c) => c === '◆'),
    ).toHaveLength(3);
    expect(screen).toContain('• f(x)   · its tangent at ◆   the tangent');
  });

  it('the neuron: tanh against n, its tangent at n with the slope 1 − o² = 0.5', async () => {
    const t = await open('neuron', cols, rows);
    // Overview → Forward → Backward (the seed), → the edge o → n; at 80×24 the picture is under the fold: ↓ shows it.
    t.write(TAB + TAB + RIGHT);
    await t.waitFor('▸ Backward: o → n');
    if (rows < 40) t.write(DOWN.repeat(8));
    const screen = await t.waitFor('slope 0.5, the local');
    const shown = picture(screen);
    // The window is n ± 2.5 around n = 0.881374: tanh(3.38) = 0.998 on top, tanh(−1.62) = −0.924 at the bottom.
    expect([Number(Math.tanh(0.881374 + 2.5).toPrecision(3)), Number(Math.tanh(0.881374 - 2.5).toPrecision(3))]).toEqual([0.998, -0.924]);
    expect(shown[0].trim().startsWith('0.998 ┤')).toBe(true);
    expect(shown[6].trim().startsWith('-0.924 ┤')).toBe(true);
    // Every row of the plot whole: the axis is 60 columns, as drawn, not wrapped beside the drawing.
    expect(shown[7].trim()).toMatch(/^└─{60}$/);
    expect(shown.slice(0, 7).flatMap(cells)).toContain('◆');
    // The key, on one line at 80 columns (beside the drawing at 140, its last word wraps).
    expect(screen).toContain('• tanh(n)   · its tangent at ◆, n = 0.881374: slope 0.5, the local');
  });

  it('lesson 15: the loss over training on a log scale, 0.5 → 9.15e-12', async () => {
    const t = await open('neuron-learns', cols, rows);
    // Overview → … → Train (its first update) → its last update → the summary.
    t.write(TAB.repeat(6));
    await t.waitFor('Train: update 20 of 20');
    t.write(RIGHT);
    const shown = picture(await t.waitFor('▸ Train: summary'));
    expect(shown[0].trim().startsWith('0.5 ┤')).toBe(true);
    expect(shown[7].trim().startsWith('9.15e-12 ┤')).toBe(true);
    expect(shown[9]).toContain('update (loss on a log scale)');
    // 21 points, one per update and the start, each lower than the last: on a log scale none sits on the bottom row but the last few.
    expect(
      shown
        .slice(0, 8)
        .flatMap(cells)
        .filter((c) => c === '•'),
    ).toHaveLength(21);
  });

  it('lesson 17: the four predictions against the targets 1, −1, −1, 1, before (○) and after (●) training', async () => {
    const t = await open('mlp', cols, rows);
    t.write(TAB.repeat(6));
    await t.waitFor('Train: update 30 of 30');
    t.write(RIGHT);
    const screen = await t.waitFor('▸ Train: summary');
    expect(screen).toContain("Each example's ypred against its target y (○ before training, ● after, ◆ y):");
    const rowsOf = screen.split('\n').filter((l) => /^[1-4] +-?1 /.test(l));
    expect(rowsOf.map((l) => l.split(/\s+/).slice(0, 4))).toEqual([
      ['1', '1', '-0.230128', '0.913227'],
      ['2', '-1', '-0.0793215', '-0.927919'],
      ['3', '-1', '-0.704738', '-0.904417'],
      ['4', '1', '0.0836322', '0.914575'],
    ]);
    // On each row's number line the prediction after training (●) sits beside its target (◆), the one before (○) farther off.
    for (const line of rowsOf) {
      const strip = [...line.slice(line.search(/[├◆○●]/))];
      const [target, before, after] = ['◆', '○', '●'].map((m) => strip.indexOf(m));
      expect(Math.abs(after - target), line).toBe(1);
      expect(Math.abs(before - target), line).toBeGreaterThan(1);
    }
  });
});

describe('side by side at 140×40', () => {
  beforeAll(() => assertBuilt());

  it('a wrapped line keeps the padding that aligns its label: local:    ∂n/∂… under upstream: ∂loss/∂n', async () => {
    const t = await open('neuron-learns', 140, 40);
    t.write(RIGHT.repeat(13));
    const screen = await t.waitFor('▸ Backward: n → x1*w1+x2*w2');
    const line = (label: string) => screen.split('\n').find((l) => l.includes(label))!;
    const [upstream, local, result] = [line('upstream: '), line('local: '), line('result: ')];
    expect(local).toMatch(/local: {4}∂n\/∂\(x1\*w1\+x2\*w2\) = 1/);
    expect(local.indexOf('∂')).toBe(upstream.indexOf('∂'));
    expect(result.indexOf('0.707107')).toBe(upstream.indexOf('∂'));
  });
});
