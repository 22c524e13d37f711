import { describe, expect, it } from 'vitest';
import { drawGraph, drawingToText, layoutGraph, LEGEND } from '../../src/layout/index.js';
import { expectGolden } from './golden.js';
import { SEEDS } from './seeds.js';

describe('the nudge on the drawing', () => {
  // mul-mul at rate 0.01: each input moves by 0.01 · its gradient, worked out by hand.
  const nudged = { a: 3 - 0.1, b: -5 + 0.06, d: 2 - 0.15, z: (3 - 0.1) * (-5 + 0.06) * (2 - 0.15) };
  const seed = SEEDS['mul-mul'];

  it.each([false, true])('shows each param and the output old → new (compact: %s)', (compact) => {
    const layout = layoutGraph(seed.graph, { compact });
    const text = drawingToText(drawGraph(layout, seed.done, { nodes: ['a', 'b', 'd', 'z'], edges: [], current: 'z' }, { nudged }));
    expectGolden(`mul-mul.nudge${compact ? '.compact' : ''}.txt`, text);
    expect(text).toContain('→  2.9');
    expect(text).toContain('→ -4.94');
    expect(text).toContain('→  1.85');
    expect(text).toContain(`→ -26.5`);
    // c is recomputed, not nudged: it keeps its gradient row.
    expect(text).toMatch(/× c[\s\S]*g  2/);
  });

  it('keeps every box the shape it has on the other steps', () => {
    const layout = layoutGraph(seed.graph);
    const plain = drawingToText(drawGraph(layout, seed.done))
      .split('\n')
      .map((l) => l.length);
    const moved = drawingToText(drawGraph(layout, seed.done, undefined, { nudged }))
      .split('\n')
      .map((l) => l.length);
    expect(moved).toEqual(plain);
  });
});

describe('the legend', () => {
  it('is one short line naming the current node, the lit lines and the pending dot', () => {
    expect([...LEGEND].length).toBeLessThanOrEqual(80);
    expect(LEGEND).not.toContain('\n');
    for (const mark of ['╔', '▸', '━', '·']) expect(LEGEND).toContain(mark);
  });
});
