/**
 * The nine seed graphs, built by hand so the layout tests need neither the
 * scenario loader nor the engine, with their values and gradients after the
 * backward pass worked out by hand (a = 3, b = -5, d = 2; the neuron as in the lecture).
 */

import type { Graph, GraphNode, OpName } from '../../src/engine/graph.js';
import type { GraphState } from '../../src/layout/index.js';

type Row = [name: string, op: OpName, operands: string[], generated?: boolean];

export function graphOf(inputs: Record<string, number>, rows: Row[]): Graph {
  const nodes: GraphNode[] = [
    ...Object.entries(inputs).map(([name, value]): GraphNode => ({ name, op: 'input', inputs: [], value, generated: false })),
    ...rows.map(([name, op, inputs, generated]): GraphNode => ({ name, op, inputs, generated: generated ?? false })),
  ];
  return { nodes, inputs: Object.keys(inputs), output: rows[rows.length - 1][0] };
}

export interface Seed {
  graph: Graph;
  /** After the backward pass. */
  done: GraphState;
}

const ab = { a: 3, b: -5 };
const abd = { a: 3, b: -5, d: 2 };
const b = 6.8813735870195432;
const n = 2 * -3 + 0 * 1 + b;
const o = Math.tanh(n); // 1/√2: b was chosen for that
const dn = 1 - o * o; // 0.5

export const SEEDS: Record<string, Seed> = {
  add: {
    graph: graphOf(ab, [['z', '+', ['a', 'b']]]),
    done: { values: { a: 3, b: -5, z: -2 }, grads: { a: 1, b: 1, z: 1 } },
  },
  mul: {
    graph: graphOf(ab, [['z', '*', ['a', 'b']]]),
    done: { values: { a: 3, b: -5, z: -15 }, grads: { a: -5, b: 3, z: 1 } },
  },
  'add-then-mul': {
    graph: graphOf(abd, [
      ['c', '+', ['a', 'b']],
      ['z', '*', ['c', 'd']],
    ]),
    done: { values: { a: 3, b: -5, d: 2, c: -2, z: -4 }, grads: { a: 2, b: 2, d: -2, c: 2, z: 1 } },
  },
  'mul-then-add': {
    graph: graphOf(abd, [
      ['c', '*', ['a', 'b']],
      ['z', '+', ['c', 'd']],
    ]),
    done: { values: { a: 3, b: -5, d: 2, c: -15, z: -13 }, grads: { a: -5, b: 3, d: 1, c: 1, z: 1 } },
  },
  'mul-mul': {
    graph: graphOf(abd, [
      ['c', '*', ['a', 'b']],
      ['z', '*', ['c', 'd']],
    ]),
    done: { values: { a: 3, b: -5, d: 2, c: -15, z: -30 }, grads: { a: -10, b: 6, d: -15, c: 2, z: 1 } },
  },
  'add-add': {
    graph: graphOf(abd, [
      ['c', '+', ['a', 'b']],
      ['z', '+', ['c', 'd']],
    ]),
    done: { values: { a: 3, b: -5, d: 2, c: -2, z: 0 }, grads: { a: 1, b: 1, d: 1, c: 1, z: 1 } },
  },
  'reuse-add': {
    graph: graphOf(ab, [
      ['c', '+', ['a', 'b']],
      ['z', '+', ['c', 'b']],
    ]),
    done: { values: { a: 3, b: -5, c: -2, z: -7 }, grads: { a: 1, b: 2, c: 1, z: 1 } },
  },
  'reuse-mul': {
    graph: graphOf(ab, [
      ['c', '+', ['a', 'b']],
      ['z', '*', ['c', 'b']],
    ]),
    done: { values: { a: 3, b: -5, c: -2, z: 10 }, grads: { a: -5, b: -7, c: -5, z: 1 } },
  },
  neuron: {
    graph: graphOf({ x1: 2, x2: 0, w1: -3, w2: 1, b }, [
      ['x1*w1', '*', ['x1', 'w1'], true],
      ['x2*w2', '*', ['x2', 'w2'], true],
      ['x1w1x2w2', '+', ['x1*w1', 'x2*w2']],
      ['n', '+', ['x1w1x2w2', 'b']],
      ['o', 'tanh', ['n']],
    ]),
    done: {
      values: { x1: 2, x2: 0, w1: -3, w2: 1, b, 'x1*w1': -6, 'x2*w2': 0, x1w1x2w2: -6, n, o },
      grads: { x1: -3 * dn, x2: 1 * dn, w1: 2 * dn, w2: 0, b: dn, 'x1*w1': dn, 'x2*w2': dn, x1w1x2w2: dn, n: dn, o: 1 },
    },
  },
};

/** Everything known before the forward pass: the leaves' values, no gradients. */
export function before(graph: Graph): GraphState {
  const values: Record<string, number | undefined> = {};
  for (const node of graph.nodes) if (node.value !== undefined) values[node.name] = node.value;
  return { values, grads: {} };
}
