import { describe, expect, it } from 'vitest';
import { backprop, type Graph } from '../../src/engine/index.js';
import { parseScenario } from '../../src/scenario/index.js';
import { graphOf } from '../helpers/graphs.js';

/** A graph with a literal, the way the loader builds `y: x ^ 2`. */
function withConstant(inputs: Record<string, number>, op: '^' | '*', value: number): Graph {
  const graph = graphOf(inputs, [['y', op, [Object.keys(inputs)[0], 'k']]]);
  graph.nodes.splice(Object.keys(inputs).length, 0, { name: 'k', op: 'const', inputs: [], value, generated: true });
  return graph;
}

describe('a number literal is a constant', () => {
  it.each([-3, -0.5, 0, 2])('x ^ 2 at x = %d has ∂y/∂x = 2x and no step into the 2', (x) => {
    const trace = backprop(withConstant({ x }, '^', 2));
    expect(trace.grads.x).toBe(2 * x);
    expect(trace.grads.k).toBeUndefined();
    expect(trace.contributions.map((c) => c.operand)).toEqual(['x']);
  });

  it('(o - y) ^ 2 with o - y < 0 gives no NaN anywhere, through the loader', () => {
    const text = 'title: t\ninputs:\n  o: 0.2\n  y: 1\nnodes:\n  loss: (o - y) ^ 2\n';
    const { graph } = parseScenario(text, 't.yaml');
    const trace = backprop(graph);
    // (0.2 - 1)² = 0.64; ∂/∂o = 2(o - y) = -1.6, ∂/∂y = 1.6.
    expect(trace.values.loss).toBeCloseTo(0.64, 12);
    expect(trace.grads.o).toBeCloseTo(-1.6, 12);
    expect(trace.grads.y).toBeCloseTo(1.6, 12);
    expect([...Object.values(trace.grads), ...trace.contributions.map((c) => c.local)].some(Number.isNaN)).toBe(false);
    expect(trace.contributions.some((c) => graph.nodes.find((n) => n.name === c.operand)?.op === 'const')).toBe(false);
  });

  it('3 * x: the 3 counts no path, so x is reached once', () => {
    const trace = backprop(withConstant({ x: 5 }, '*', 3));
    expect(trace.grads.x).toBe(3);
    expect(trace.contributions).toHaveLength(1);
    expect(trace.contributions[0].paths).toBe(1);
  });
});

describe('PyTorch’s rules at the edges', () => {
  it('a zero base gives the exponent a gradient of 0 where the power is 0', () => {
    // ln(0) = -∞ and 0 · -∞ would be NaN; torch.pow gives 0.
    const trace = backprop(graphOf({ a: 0, p: 3 }, [['y', '^', ['a', 'p']]]));
    expect(trace.values.y).toBe(0);
    expect(trace.grads.p).toBe(0);
    expect(trace.grads.a).toBe(0); // 3 · 0²
  });

  it('a dead relu(w) ^ p leaves the upstream gradients at 0, not NaN', () => {
    const trace = backprop(
      graphOf({ w: -1, p: 2 }, [
        ['r', 'relu', ['w']],
        ['y', '^', ['r', 'p']],
      ]),
    );
    expect(trace.grads.p).toBe(0);
    expect(trace.grads.w).toBe(0);
  });

  it('0 ^ 0 gives its base 0 (0 · 0^-1 would be NaN)', () => {
    const trace = backprop(graphOf({ a: 0, p: 0 }, [['y', '^', ['a', 'p']]]));
    expect(trace.values.y).toBe(1);
    expect(trace.grads.a).toBe(0);
  });

  it('a positive base keeps ∂(a^b)/∂b = a^b · ln a', () => {
    const trace = backprop(graphOf({ a: 2, p: 3 }, [['y', '^', ['a', 'p']]]));
    expect(trace.grads.p).toBeCloseTo(8 * Math.log(2), 12);
    expect(trace.grads.a).toBe(12);
  });

  it('/ takes its divisor’s derivative as -(a/b)/b, which stays finite for a tiny b', () => {
    const b = 1e-170;
    const trace = backprop(graphOf({ a: 1e-170, b }, [['q', '/', ['a', 'b']]]));
    // a/b = 1, so ∂q/∂b = -1/b = -1e170; -a/(b·b) would be -1e-170/0 = -∞.
    expect(trace.grads.b).toBeCloseTo(-1e170, -158);
    expect(Number.isFinite(trace.grads.b)).toBe(true);
    expect(backprop(graphOf({ a: 6, b: -2 }, [['q', '/', ['a', 'b']]])).grads.b).toBe(-1.5);
  });
});
