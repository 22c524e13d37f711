import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backprop, forward, type Graph, type OpName } from '../../src/engine/index.js';
import { graphOf } from '../helpers/graphs.js';

const BINARY: OpName[] = ['+', '-', '*', '/', '^'];
const UNARY: OpName[] = ['neg', 'tanh', 'exp', 'log', 'relu', 'sigmoid'];

/** A random DAG over three inputs: each node picks an op and earlier nodes as operands (reuse included). */
const randomGraph = fc
  .record({
    inputs: fc.tuple(...[0, 1, 2].map(() => fc.double({ min: -2, max: 2, noNaN: true }))),
    rows: fc.array(
      fc.record({
        op: fc.constantFrom(...BINARY, ...UNARY),
        left: fc.nat(),
        right: fc.nat(),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  })
  .map(({ inputs, rows }): Graph => {
    const names = ['x', 'y', 'w'];
    const built: [string, OpName, string[]][] = [];
    rows.forEach(({ op, left, right }, i) => {
      const pool = [...names, ...built.map((r) => r[0])];
      const pick = (k: number) => pool[k % pool.length];
      const operands = UNARY.includes(op) ? [pick(left)] : [pick(left), pick(right)];
      built.push([`n${i}`, op, operands]);
    });
    return graphOf({ x: inputs[0], y: inputs[1], w: inputs[2] }, built);
  });

/** Central difference of the output along one input, computed without the engine's backward pass. */
function slope(graph: Graph, input: string, h: number): number {
  const x = forward(graph)[input];
  const up = forward(graph, { [input]: x + h })[graph.output];
  const down = forward(graph, { [input]: x - h })[graph.output];
  return (up - down) / (2 * h);
}

/** Keep to graphs that are smooth and tame near the point, where finite differences are trustworthy. */
function wellBehaved(graph: Graph): boolean {
  const values = forward(graph);
  for (const node of graph.nodes) {
    const v = values[node.name];
    if (!Number.isFinite(v) || Math.abs(v) > 1e4) return false;
    const [p, q] = node.inputs.map((n) => values[n]);
    if (node.op === '/' && Math.abs(q) < 0.2) return false;
    if ((node.op === 'log' || node.op === '^') && p < 0.2) return false;
    if (node.op === 'relu' && Math.abs(p) < 0.01) return false;
  }
  return true;
}

describe('exact gradients agree with finite differences on random graphs', () => {
  it('for every input, within 1e-5 relative', () => {
    let checked = 0;
    fc.assert(
      fc.property(randomGraph, (graph) => {
        fc.pre(wellBehaved(graph));
        const { grads } = backprop(graph);
        for (const input of graph.inputs) {
          const estimate = slope(graph, input, 1e-6);
          const exact = grads[input] ?? NaN;
          expect(Math.abs(exact - estimate)).toBeLessThan(1e-5 * (1 + Math.abs(exact)));
        }
        checked++;
      }),
      { numRuns: 1500, seed: 20261127 },
    );
    expect(checked).toBeGreaterThan(300);
  });
});
