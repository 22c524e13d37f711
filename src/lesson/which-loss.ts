import type { Scenario } from '../scenario/types.js';

/**
 * With examples a param has two gradients, both right: the backward pass, the
 * check and the summary work on the first example's output, while the nudge
 * and training move the params by the output summed over the examples. These
 * are the words that tell them apart, wherever a gradient is printed (the
 * steps, and the exports' lines). One row has one gradient: nothing to tell apart.
 */
export interface WhichLoss {
  /** "example 1's loss": the output of the row the backward pass steps through. */
  first: string;
  /** "loss summed over the 4 examples": what the nudge and training descend. */
  summed: string;
}

export function whichLoss(scenario: Pick<Scenario, 'examples' | 'graph'>): WhichLoss | undefined {
  const rows = scenario.examples?.length ?? 0;
  if (rows < 2) return undefined;
  const out = scenario.graph.output;
  return { first: `example 1's ${out}`, summed: `${out} summed over the ${rows} examples` };
}
