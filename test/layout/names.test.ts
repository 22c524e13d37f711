/**
 * Generated names as a learner reads them, in the boxes and in the graph: no
 * internal suffix, a repeated sub-expression primed in reading order, and a
 * constant shown as its number however often it is written.
 */

import { describe, expect, it } from 'vitest';
import { drawGraph, drawingToText, layoutGraph } from '../../src/layout/index.js';
import { parseScenario } from '../../src/scenario/index.js';
import { expectGolden } from './golden.js';
import { allProblems } from './invariants.js';
import { before } from './seeds.js';

const REPEATS = `title: repeats
inputs: {a: 1, b: 2, w: 3, x: 4}
nodes:
  y: w * x + w * x
  z: (a + b) * (a + b) + 1 / (1 + b ^ 2) + y
`;

describe('generated names', () => {
  const { graph } = parseScenario(REPEATS, 'repeats.yaml');
  const names = graph.nodes.map((n) => n.name);

  it('prime a repeated sub-expression in reading order and read a user of it by those names', () => {
    expect(names).toContain('w*x');
    expect(names).toContain('w*x′');
    expect(graph.nodes.find((n) => n.name === 'y')?.inputs).toEqual(['w*x', 'w*x′']);
    expect(names).toContain('(a+b)*(a+b′)');
  });

  it('read a constant as its number inside another name', () => {
    expect(names).toContain('1+b^2');
    expect(names).toContain('1/(1+b^2)');
    expect(names.filter((n) => n.startsWith('1') && graph.nodes.find((m) => m.name === n)?.op === 'const')).toEqual(['1', '1′']);
  });

  it('never show an internal suffix, and stay unique', () => {
    for (const name of names) expect(name).not.toMatch(/#/);
    expect(new Set(names).size).toBe(names.length);
  });

  it('draw as the golden file, each constant titled by its number', () => {
    const layout = layoutGraph(graph);
    expect(allProblems(layout, before(graph))).toEqual([]);
    const text = drawingToText(drawGraph(layout, before(graph)));
    expect(text).not.toMatch(/1′|#/);
    expectGolden('names.repeats.txt', text);
  });
});
