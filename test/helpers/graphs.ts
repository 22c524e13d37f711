import type { Graph, GraphNode, OpName } from '../../src/engine/graph.js';

/** A graph written by hand for tests: inputs in order, then [name, op, operands] rows in topological order. */
export function graphOf(inputs: Record<string, number>, rows: [string, OpName, string[]][], output?: string): Graph {
  const nodes: GraphNode[] = [
    ...Object.entries(inputs).map(([name, value]) => ({ name, op: 'input' as const, inputs: [], value, generated: false })),
    ...rows.map(([name, op, operands]) => ({ name, op, inputs: operands, generated: false })),
  ];
  return { nodes, inputs: Object.keys(inputs), output: output ?? rows[rows.length - 1][0] };
}

const abd = { a: 3, b: -5, d: 2 };
const ab = { a: 3, b: -5 };

/** The eight graphs of the source notebook, as the engine sees them. */
export const SEED_GRAPHS: Record<string, Graph> = {
  add: graphOf(ab, [['z', '+', ['a', 'b']]]),
  mul: graphOf(ab, [['z', '*', ['a', 'b']]]),
  'add-then-mul': graphOf(abd, [
    ['c', '+', ['a', 'b']],
    ['z', '*', ['c', 'd']],
  ]),
  'mul-then-add': graphOf(abd, [
    ['e', '*', ['a', 'b']],
    ['z', '+', ['e', 'd']],
  ]),
  'mul-mul': graphOf(abd, [
    ['e', '*', ['a', 'b']],
    ['z', '*', ['e', 'd']],
  ]),
  'add-add': graphOf(abd, [
    ['c', '+', ['a', 'b']],
    ['z', '+', ['c', 'd']],
  ]),
  'reuse-add': graphOf(ab, [
    ['c', '+', ['a', 'b']],
    ['z', '+', ['c', 'b']],
  ]),
  'reuse-mul': graphOf(ab, [
    ['c', '+', ['a', 'b']],
    ['z', '*', ['c', 'b']],
  ]),
};

import type { Scenario } from '../../src/scenario/types.js';

/** Wrap a hand-built graph as a scenario, for lesson tests that must not depend on the loader. */
export function scenarioOf(id: string, graph: Graph, expressions: Record<string, string> = {}, nudge = 0.01): Scenario {
  return { id, title: id, file: `${id}.yaml`, graph, nudge, expressions, params: [...graph.inputs] };
}
