import type { Graph } from './graph.js';
import type { Values } from './autograd.js';
import type { Data } from './nudge.js';
import { compile, slotsOf, sumOverRows } from './program.js';

/** The training loop's settings, as a scenario's `train:` gives them (the lesson's `Training` is a run made with them). */
export interface TrainSettings {
  steps: number;
  /** Signed, as the nudge: negative descends. */
  rate: number;
  /** false replays the bug: each backward pass adds to the gradients the last one left. */
  zeroGrad: boolean;
}

/**
 * The state after k updates. `grads` are the gradients as they stand when
 * update k + 1 is made from these params (for the last entry, as a further
 * backward pass would leave them): with zero_grad, this point's gradient;
 * without it, the sum of every backward pass so far.
 */
export interface TrainingPoint {
  /** The output summed over the example rows: the loss. */
  output: number;
  params: Values;
  grads: Values;
}

/**
 * The lecture's loop, `steps` times: forward over every row, zero the
 * gradients (unless zero_grad is off), backward, then p += rate · p.grad.
 * history[k] is the state after k updates, k = 0 … steps. Each update costs
 * one forward and one backward pass per row: linear in the graph's size.
 */
export function train(graph: Graph, start: Values, data: Data, run: TrainSettings): TrainingPoint[] {
  const program = compile(graph);
  const slots = slotsOf(program, data.params);
  const history: TrainingPoint[] = [];
  // The params and gradients by position in data.params; each point of the history gets them by name.
  const byName = (xs: ArrayLike<number>): Values => Object.fromEntries(data.params.map((name, i) => [name, xs[i]]));
  let params = data.params.map((name) => start[name]);
  let carried: Float64Array | undefined;
  for (let k = 0; k <= run.steps; k++) {
    const pass = sumOverRows(program, slots, params, data.rows);
    const before = carried;
    const grads = run.zeroGrad || !before ? pass.grads : pass.grads.map((g, i) => before[i] + g);
    history.push({ output: pass.output, params: byName(params), grads: byName(grads) });
    carried = grads;
    params = params.map((p, i) => p + run.rate * grads[i]);
  }
  return history;
}
