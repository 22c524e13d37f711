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
      // An input always has a gradient; only constants have none.
      exact: grads[input] ?? NaN,
      forwardDifference: (up - base) / h,
      centralDifference: (up - down) / (2 * h),
    };
  });
}
