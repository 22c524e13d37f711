import { describe, expect, it } from 'vitest';
import { edgesOf } from '../../src/engine/graph.js';
import { drawGraph, drawingToText, layoutGraph, toDot, toMermaid, type GraphState, type Highlight } from '../../src/layout/index.js';
import { expectGolden } from './golden.js';
import { allProblems, highlightStaysOnEdge } from './invariants.js';
import { before, SEEDS } from './seeds.js';

const seeds = Object.entries(SEEDS);

describe('the seed graphs', () => {
  it.each(seeds)('%s draws as its golden file, values and gradients after the backward pass', (name, seed) => {
    expectGolden(`${name}.txt`, drawingToText(drawGraph(layoutGraph(seed.graph), seed.done)));
  });

  it.each(seeds)('%s fits 80 columns and 24 rows, with every name visible and nothing overlapping', (_, seed) => {
    const layout = layoutGraph(seed.graph);
    expect(layout.width).toBeLessThanOrEqual(80);
    expect(layout.height).toBeLessThanOrEqual(24);
    expect(allProblems(layout, seed.done)).toEqual([]);
  });

  it.each(seeds)('%s draws the same twice', (_, seed) => {
    const once = drawGraph(layoutGraph(seed.graph), seed.done, { nodes: ['z'], edges: [], current: 'z' });
    const twice = drawGraph(layoutGraph(structuredClone(seed.graph)), seed.done, { nodes: ['z'], edges: [], current: 'z' });
    expect(twice).toEqual(once);
  });

  it.each(seeds)('%s lights each edge on its own cells only', (_, seed) => {
    const layout = layoutGraph(seed.graph);
    for (const edge of layout.edges) expect(highlightStaysOnEdge(layout, seed.done, [edge.from, edge.to])).toEqual([]);
  });

  it.each(seeds)('%s exports one DOT node per graph node and one edge per operand', (_, seed) => {
    const dot = toDot(seed.graph, seed.done.values, seed.done.grads);
    expect(dot.match(/^ {2}n\d+ \[label=/gm)).toHaveLength(seed.graph.nodes.length);
    expect(dot.match(/^ {2}n\d+ -> n\d+;$/gm)).toHaveLength(edgesOf(seed.graph).length);
    const mermaid = toMermaid(seed.graph, seed.done.values, seed.done.grads);
    expect(mermaid.match(/^ {2}n\d+\["/gm)).toHaveLength(seed.graph.nodes.length);
    expect(mermaid.match(/^ {2}n\d+ --> n\d+$/gm)).toHaveLength(edgesOf(seed.graph).length);
  });
});

/** Steps of the lesson as the learner sees them: what is known so far, and what lights up. */
const steps: [file: string, seed: string, state: (done: GraphState) => GraphState, highlight: Highlight][] = [
  [
    'add-then-mul.forward-c',
    'add-then-mul',
    () => ({ values: { a: 3, b: -5, d: 2, c: -2 }, grads: {} }),
    {
      nodes: ['c'],
      edges: [
        ['a', 'c'],
        ['b', 'c'],
      ],
      current: 'c',
    },
  ],
  [
    'add-then-mul.backward-c-to-a',
    'add-then-mul',
    (done) => ({ values: done.values, grads: { z: 1, c: 2, d: -2, a: 2 } }),
    { nodes: ['a', 'c'], edges: [['a', 'c']], current: 'a' },
  ],
  [
    'reuse-add.backward-b-direct',
    'reuse-add',
    (done) => ({ values: done.values, grads: { z: 1, c: 1, b: 1 } }),
    { nodes: ['b', 'z'], edges: [['b', 'z']], current: 'b' },
  ],
  [
    'reuse-mul.backward-b-via-c',
    'reuse-mul',
    (done) => ({ values: done.values, grads: { z: 1, c: -5, b: -7 } }),
    { nodes: ['b', 'c'], edges: [['b', 'c']], current: 'b' },
  ],
  ['neuron.forward-o', 'neuron', (done) => ({ values: done.values, grads: {} }), { nodes: ['o'], edges: [['n', 'o']], current: 'o' }],
];

describe('lesson steps', () => {
  it.each(steps)('%s draws as its golden file', (file, name, state, highlight) => {
    const seed = SEEDS[name];
    expectGolden(`${file}.txt`, drawingToText(drawGraph(layoutGraph(seed.graph), state(seed.done), highlight)));
  });

  it('shows · for everything not computed yet, in boxes of the same size', () => {
    const seed = SEEDS['add-then-mul'];
    const layout = layoutGraph(seed.graph);
    const overview = drawingToText(drawGraph(layout, before(seed.graph)));
    expectGolden('add-then-mul.overview.txt', overview);
    const done = drawingToText(drawGraph(layout, seed.done));
    expect(overview.split('\n').map((line) => line.length)).toEqual(done.split('\n').map((line) => line.length));
  });
});

describe('compact boxes', () => {
  it.each(['add-then-mul', 'reuse-mul', 'neuron'])('%s draws as its golden file, a whole border and v and g on one row', (name) => {
    const seed = SEEDS[name];
    const layout = layoutGraph(seed.graph, { compact: true });
    expect(allProblems(layout, seed.done)).toEqual([]);
    expectGolden(`${name}.compact.txt`, drawingToText(drawGraph(layout, seed.done, { nodes: ['z'], edges: [], current: 'z' })));
  });
});

describe('export', () => {
  it('writes DOT and Mermaid as golden files', () => {
    const seed = SEEDS['reuse-mul'];
    expectGolden('reuse-mul.dot', toDot(seed.graph, seed.done.values, seed.done.grads));
    expectGolden('reuse-mul.mmd', toMermaid(seed.graph, seed.done.values, seed.done.grads));
  });

  it('keeps both edges of a * a', () => {
    const graph = {
      nodes: [
        { name: 'a', op: 'input' as const, inputs: [], value: 3, generated: false },
        { name: 'z', op: '*' as const, inputs: ['a', 'a'], generated: false },
      ],
      inputs: ['a'],
      output: 'z',
    };
    expect(toDot(graph, {}, {}).match(/n0 -> n1;/g)).toHaveLength(2);
    expect(toMermaid(graph, {}, {}).match(/n0 --> n1/g)).toHaveLength(2);
  });
});
