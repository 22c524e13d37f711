import type { Trace, Values } from './autograd.js';
import { compile, slotsOf, sumOverRows } from './program.js';

export interface Nudge {
  rate: number;
  /** Each param before and after moving by rate × grad. The data stay. */
  moves: { input: string; before: number; grad: number; after: number }[];
  /** The output before and after (summed over the example rows); intermediate nodes are recomputed, not nudged. */
  before: number;
  after: number;
  /** First-order prediction: Δz ≈ Σ grad · Δx = rate · Σ grad². */
  predicted: number;
  actual: number;
}

/** What a nudge or a training run moves, and the rows of data it sums over. */
export interface Data {
  /** The inputs that move; the others are data. */
  params: string[];
  /** Each row overrides some data inputs; `[{}]` is the graph's own values. */
  rows: Values[];
}

/** The param values as the graph (or its first row's trace) holds them. */
export function paramValues(trace: Trace, params: string[]): Values {
  return Object.fromEntries(params.map((name) => [name, trace.values[name]]));
}

/**
 * One step of gradient descent (or ascent, for a positive rate): every param
 * moves by rate × its gradient summed over the rows. Without `data`, every
 * input is a param and there is one row, the graph's own values.
 */
export function nudge(trace: Trace, rate: number, data: Data = { params: trace.graph.inputs, rows: [{}] }): Nudge {
  const program = compile(trace.graph);
  const slots = slotsOf(program, data.params);
  const start = data.params.map((name) => trace.values[name]);
  const { output: before, grads } = sumOverRows(program, slots, start, data.rows);
  const moves = data.params.map((input, i) => ({
    input,
    before: start[i],
    grad: grads[i],
    after: start[i] + rate * grads[i],
  }));
  const { output: after } = sumOverRows(
    program,
    slots,
    moves.map((m) => m.after),
    data.rows,
  );
  const predicted = rate * moves.reduce((sum, m) => sum + m.grad * m.grad, 0);
  return { rate, moves, before, after, predicted, actual: after - before };
}
