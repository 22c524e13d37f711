/**
 * Random graphs for the property tests and the benchmark: any DAG the Graph
 * type allows, with operands drawn from earlier nodes (repeats allowed, as in
 * `a * a`), names of varied length, and now and then three operands.
 */

import fc from 'fast-check';
import type { Graph, GraphNode, OpName } from '../../src/engine/graph.js';

const OPS: OpName[] = ['+', '-', '*', '/', '^', 'neg', 'tanh', 'exp', 'relu', 'sigmoid'];
const UNARY = new Set<OpName>(['neg', 'tanh', 'exp', 'log', 'relu', 'sigmoid']);

export interface GraphRecipe {
  inputs: number;
  nodes: { op: number; arity: number; picks: number[]; nameLength: number; generated: boolean }[];
}

export function graphFrom(recipe: GraphRecipe): Graph {
  const nodes: GraphNode[] = [];
  for (let i = 0; i < recipe.inputs; i++) nodes.push({ name: `x${i}`, op: 'input', inputs: [], value: i - 1, generated: false });
  recipe.nodes.forEach((spec, k) => {
    const op = OPS[spec.op % OPS.length];
    const arity = UNARY.has(op) ? 1 : spec.arity;
    const inputs = spec.picks.slice(0, arity).map((p) => nodes[p % nodes.length].name);
    // Long names make wide layers; `#k` keeps them unique.
    const name = `${'n'.repeat(Math.max(1, spec.nameLength))}${k}`;
    nodes.push({ name, op, inputs, generated: spec.generated });
  });
  return { nodes, inputs: nodes.filter((n) => n.op === 'input').map((n) => n.name), output: nodes[nodes.length - 1].name };
}

export const recipes = (maxNodes: number): fc.Arbitrary<GraphRecipe> =>
  fc.record({
    inputs: fc.integer({ min: 1, max: 6 }),
    nodes: fc.array(
      fc.record({
        op: fc.nat(),
        arity: fc.constantFrom(2, 2, 2, 2, 3),
        picks: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        nameLength: fc.integer({ min: 1, max: 12 }),
        generated: fc.boolean(),
      }),
      { maxLength: maxNodes },
    ),
  });
