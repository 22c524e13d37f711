import type { Graph } from './graph.js';
import { forward, type Trace, type Values } from './autograd.js';

/** The source notebook's step for the numeric check. */
export const DEFAULT_H = 0.001;

export interface Estimate {
  input: string;
  exact: number;
  /** (f(x + h) − f(x)) / h — the source's method. */
  forwardDifference: number;
  /** (f(x + h) − f(x − h)) / 2h — error shrinks with h², not h. */
  centralDifference: number;
}

function outputWith(graph: Graph, overrides: Values): number {
  return forward(graph, overrides)[graph.output];
}

/** Finite-difference estimates for every input, beside the exact gradient. */
export function numericCheck(trace: Trace, h = DEFAULT_H): Estimate[] {
  const { graph, values, grads } = trace;
  const base = values[graph.output];
  return graph.inputs.map((input) => {
    const x = values[input];
    const up = outputWith(graph, { [input]: x + h });
    const down = outputWith(graph, { [input]: x - h });
    return {
      input,
      exact: grads[input],
      forwardDifference: (up - base) / h,
      centralDifference: (up - down) / (2 * h),
    };
  });
}

export interface Nudge {
  rate: number;
  /** Each input before and after moving by rate × grad. */
  moves: { input: string; before: number; grad: number; after: number }[];
  /** The output before and after; intermediate nodes are recomputed, not nudged. */
  before: number;
  after: number;
  /** First-order prediction: Δz ≈ Σ grad · Δx = rate · Σ grad². */
  predicted: number;
  actual: number;
}

export function nudge(trace: Trace, rate: number): Nudge {
  const { graph, values, grads } = trace;
  const moves = graph.inputs.map((input) => ({
    input,
    before: values[input],
    grad: grads[input],
    after: values[input] + rate * grads[input],
  }));
  const after = outputWith(graph, Object.fromEntries(moves.map((m) => [m.input, m.after])));
  const before = values[graph.output];
  const predicted = rate * moves.reduce((sum, m) => sum + m.grad * m.grad, 0);
  return { rate, moves, before, after, predicted, actual: after - before };
}
