import { afterEach, describe, expect, it } from 'vitest';
import { backprop, OPS, type Trace } from '../../src/engine/index.js';
import { pathsOf } from '../../src/lesson/paths.js';
import { parseScenario } from '../../src/scenario/index.js';
import { scenario } from '../helpers/session.js';

const traceOf = (yaml: string): Trace => backprop(parseScenario(yaml, 't.yaml').graph);

/** A ladder of `rungs` diamonds: each rung splits d into two halves and adds them again, so d_k = x and ∂d/∂x = 1. */
function ladder(rungs: number): string {
  const nodes = ['  d0: x * 1'];
  for (let k = 1; k <= rungs; k++) nodes.push(`  u${k}: d${k - 1} * 0.5`, `  v${k}: d${k - 1} * 0.5`, `  d${k}: u${k} + v${k}`);
  return ['title: ladder', 'inputs:', '  x: 3', 'nodes:', ...nodes, ''].join('\n');
}

describe("one node's every path to the output", () => {
  it('a diamond: z = u·v with u = x·y and v = x + y; two paths of x, their products and sum by hand', () => {
    const trace = traceOf('title: d\ninputs:\n  x: 2\n  y: 5\nnodes:\n  u: x * y\n  v: x + y\n  z: u * v\n');
    const paths = pathsOf(trace, 'x', 10);
    expect(paths.count).toBe(2n);
    // Through u: ∂u/∂x = y = 5, ∂z/∂u = v = 7: 35. Through v: ∂v/∂x = 1, ∂z/∂v = u = 10: 10.
    expect(paths.listed).toEqual([
      { nodes: ['x', 'u', 'z'], locals: [5, 7], product: 35 },
      { nodes: ['x', 'v', 'z'], locals: [1, 10], product: 10 },
    ]);
    // z = x²y + xy², so ∂z/∂x = 2xy + y² = 20 + 25 = 45 = 35 + 10.
    expect(paths.gradient).toBe(45);
    expect(new Set(paths.nodes)).toEqual(new Set(['x', 'u', 'v', 'z']));
    expect(paths.edges).toEqual([
      ['x', 'u'],
      ['x', 'v'],
      ['u', 'z'],
      ['v', 'z'],
    ]);
  });

  it("lesson 8, z = (a + b) + b: b's two paths, through c and direct, 1 each, summing to its gradient 2", () => {
    const trace = backprop(scenario('reuse-add').graph);
    const b = pathsOf(trace, 'b', 10);
    expect(b.count).toBe(2n);
    expect(b.listed.map((p) => [p.nodes, p.product])).toEqual([
      [['b', 'c', 'z'], 1],
      [['b', 'z'], 1],
    ]);
    expect(b.gradient).toBe(2);
    const a = pathsOf(trace, 'a', 10);
    expect(a.count).toBe(1n);
    expect(a.listed.map((p) => p.nodes)).toEqual([['a', 'c', 'z']]);
  });

  it('x · x is two paths: each slot is an edge of its own', () => {
    const paths = pathsOf(traceOf('title: s\ninputs:\n  x: 3\nnodes:\n  z: x * x\n'), 'x', 10);
    expect(paths.count).toBe(2n);
    // Each slot's local derivative is the other factor, 3: 3 + 3 = 6 = 2x.
    expect(paths.listed.map((p) => p.product)).toEqual([3, 3]);
    expect(paths.gradient).toBe(6);
  });

  it('a node that does not reach the output has no path', () => {
    const paths = pathsOf(traceOf('title: s\ninputs:\n  x: 3\n  y: 2\nnodes:\n  w: y * 2\n  z: x * 2\n'), 'y', 10);
    expect(paths.count).toBe(0n);
    expect(paths.listed).toEqual([]);
  });

  it('on a small ladder, the count and the sum of the products agree with listing every path', () => {
    const trace = traceOf(ladder(8));
    const paths = pathsOf(trace, 'x', 10_000);
    expect(paths.count).toBe(256n);
    expect(paths.listed.length).toBe(256);
    expect(new Set(paths.listed.map((p) => p.nodes.join(' '))).size).toBe(256);
    // Every path: ·1 at d0, then ·0.5 ·1 at each rung.
    for (const p of paths.listed) expect(p.product).toBe(0.5 ** 8);
    expect(paths.listed.reduce((s, p) => s + p.product, 0)).toBe(paths.gradient);
    expect(paths.gradient).toBe(1);
  });

  describe('a ladder of 60 diamonds: 2^60 paths, counted, never listed', () => {
    const calls = { n: 0 };
    const originals = { '*': OPS['*'].local, '+': OPS['+'].local };
    afterEach(() => {
      OPS['*'].local = originals['*'];
      OPS['+'].local = originals['+'];
    });

    it('counts them exactly, lists the first three, and works out as few local derivatives as the three paths have edges', () => {
      const trace = traceOf(ladder(60));
      // Counted from here on: the local derivatives the listing works out.
      for (const op of ['*', '+'] as const)
        OPS[op].local = (...args) => {
          calls.n++;
          return originals[op](...args);
        };
      const paths = pathsOf(trace, 'x', 3);
      expect(paths.count).toBe(2n ** 60n);
      expect(paths.listed.length).toBe(3);
      // x → d0, then u or v and d at each rung: 1 + 2·60 edges a path.
      expect(paths.listed.every((p) => p.locals.length === 121)).toBe(true);
      expect(calls.n).toBeLessThanOrEqual(3 * 121);
      expect(paths.gradient).toBe(1);
      expect(paths.nodes.length).toBe(1 + 1 + 3 * 60);
    });
  });
});
