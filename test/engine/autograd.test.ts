import { describe, expect, it } from 'vitest';
import { backprop, backpropOverwriting, forward, nudge, numericCheck } from '../../src/engine/index.js';
import { graphOf, SEED_GRAPHS } from '../helpers/graphs.js';

// Every number here is worked by hand from a = 3, b = -5, d = 2.
const expected: Record<string, { z: number; grads: Record<string, number> }> = {
  add: { z: -2, grads: { a: 1, b: 1 } },
  mul: { z: -15, grads: { a: -5, b: 3 } },
  'add-then-mul': { z: -4, grads: { a: 2, b: 2, d: -2, c: 2 } },
  'mul-then-add': { z: -13, grads: { a: -5, b: 3, d: 1, e: 1 } },
  'mul-mul': { z: -30, grads: { a: -10, b: 6, d: -15, e: 2 } },
  'add-add': { z: 0, grads: { a: 1, b: 1, d: 1, c: 1 } },
  'reuse-add': { z: -7, grads: { a: 1, b: 2, c: 1 } },
  'reuse-mul': { z: 10, grads: { a: -5, b: -7, c: -5 } },
};

describe('the eight seed graphs, by hand', () => {
  for (const [id, want] of Object.entries(expected)) {
    it(id, () => {
      const trace = backprop(SEED_GRAPHS[id]);
      expect(trace.values.z).toBe(want.z);
      expect(trace.grads.z).toBe(1);
      for (const [name, grad] of Object.entries(want.grads)) expect(trace.grads[name], name).toBe(grad);
    });
  }
});

describe('the backward pass records every edge as it runs', () => {
  it('visits edges in reverse topological order with local × upstream', () => {
    const trace = backprop(SEED_GRAPHS['add-then-mul']);
    const seen = trace.contributions.map((c) => [c.node, c.operand, c.local, c.upstream, c.contribution]);
    expect(seen).toEqual([
      ['z', 'c', 2, 1, 2],
      ['z', 'd', -2, 1, -2],
      ['c', 'a', 1, 2, 2],
      ['c', 'b', 1, 2, 2],
    ]);
  });

  it('keeps a running sum where a node is reached along several paths', () => {
    const trace = backprop(SEED_GRAPHS['reuse-mul']);
    const intoB = trace.contributions.filter((c) => c.operand === 'b');
    expect(intoB.map((c) => [c.node, c.contribution, c.sumBefore, c.sumAfter, c.path, c.paths])).toEqual([
      ['z', -2, 0, -2, 1, 2],
      ['c', -5, -2, -7, 2, 2],
    ]);
  });

  it('gives a · a both slots: d(a²)/da = 2a', () => {
    const trace = backprop(graphOf({ a: 3 }, [['z', '*', ['a', 'a']]]));
    expect(trace.contributions.map((c) => c.slot)).toEqual([0, 1]);
    expect(trace.grads.a).toBe(6);
  });

  it('leaves nodes that do not reach the output at gradient 0', () => {
    const trace = backprop(
      graphOf({ a: 3, b: -5 }, [
        ['y', '*', ['a', 'b']],
        ['z', '+', ['a', 'a']],
      ]),
    );
    expect(trace.grads.y).toBe(0);
    expect(trace.grads.b).toBe(0);
    expect(trace.contributions.every((c) => c.node !== 'y')).toBe(true);
  });
});

describe('the lecture neuron', () => {
  it('o = tanh(x1·w1 + x2·w2 + b) = 0.7071 with ∂o/∂n = 0.5', () => {
    const g = graphOf({ x1: 2, x2: 0, w1: -3, w2: 1, b: 6.8813735870195432 }, [
      ['x1w1', '*', ['x1', 'w1']],
      ['x2w2', '*', ['x2', 'w2']],
      ['s', '+', ['x1w1', 'x2w2']],
      ['n', '+', ['s', 'b']],
      ['o', 'tanh', ['n']],
    ]);
    const { values, grads } = backprop(g);
    expect(values.o).toBeCloseTo(Math.SQRT1_2, 12);
    expect(grads.n).toBeCloseTo(0.5, 12);
    expect(grads.x1).toBeCloseTo(-1.5, 12);
    expect(grads.w1).toBeCloseTo(1, 12);
    expect(grads.x2).toBeCloseTo(0.5, 12);
    expect(grads.w2).toBeCloseTo(0, 12);
  });
});

describe('values that leave the reals', () => {
  it('log of a negative is NaN and 1/0 is Infinity, not an error', () => {
    const values = forward(
      graphOf({ a: -1, b: 0 }, [
        ['l', 'log', ['a']],
        ['q', '/', ['a', 'b']],
        ['z', '+', ['l', 'q']],
      ]),
    );
    expect(values.l).toBeNaN();
    expect(values.q).toBe(-Infinity);
    expect(values.z).toBeNaN();
  });
});

describe('the nudge', () => {
  it('a · b · d goes from -30 to -26.5031 at rate 0.01', () => {
    const n = nudge(backprop(SEED_GRAPHS['mul-mul']), 0.01);
    expect(n.before).toBe(-30);
    expect(n.after).toBeCloseTo(-26.5031, 10);
    expect(n.moves.map((m) => [m.input, m.after])).toEqual([
      ['a', 3 + 0.01 * -10],
      ['b', -5 + 0.01 * 6],
      ['d', 2 + 0.01 * -15],
    ]);
    // Δz ≈ rate · Σ grad² = 0.01 · (100 + 36 + 225)
    expect(n.predicted).toBeCloseTo(3.61, 12);
    expect(n.actual).toBeCloseTo(3.4969, 10);
  });

  it('a negative rate descends', () => {
    const n = nudge(backprop(SEED_GRAPHS['mul-mul']), -0.01);
    expect(n.after).toBeLessThan(n.before);
  });
});

describe('the numeric check', () => {
  it('the forward difference of a linear graph is the gradient', () => {
    const [a, b] = numericCheck(backprop(SEED_GRAPHS.add), 0.001);
    expect(a.forwardDifference).toBeCloseTo(1, 9);
    expect(b.centralDifference).toBeCloseTo(1, 9);
  });

  it('for (a + b) · b the forward difference of b is off by h, the central one is not', () => {
    // z = ab + b², ∂z/∂b = a + 2b = -7; the forward difference adds h (b's curvature is 2, times h/2).
    const [, b] = numericCheck(backprop(SEED_GRAPHS['reuse-mul']), 0.001);
    expect(b.exact).toBe(-7);
    expect(b.forwardDifference).toBeCloseTo(-7 + 0.001, 8);
    expect(b.centralDifference).toBeCloseTo(-7, 8);
  });
});

describe('the overwrite bug, replayed', () => {
  it('(a + b) + b keeps only the last path: ∂z/∂b = 1 instead of 2', () => {
    const trace = backprop(SEED_GRAPHS['reuse-add']);
    const wrong = backpropOverwriting(trace);
    expect(trace.grads.b).toBe(2);
    expect(wrong.b).toBe(1);
    expect(wrong.a).toBe(1);
  });

  it('(a + b) · b: the last path into b is via c, -5 instead of -7', () => {
    const wrong = backpropOverwriting(backprop(SEED_GRAPHS['reuse-mul']));
    expect(wrong.b).toBe(-5);
  });

  it('changes nothing where every node has one path', () => {
    const trace = backprop(SEED_GRAPHS['mul-mul']);
    expect(backpropOverwriting(trace)).toEqual(trace.grads);
  });
});
