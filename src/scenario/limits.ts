import type { Scenario } from './types.js';
import { PROMPT_GRAPH } from './typed.js';

/** Past this a graph is no lesson (100,000 steps), and its document runs to hundreds of megabytes. */
export const MAX_NODES = 100_000;

/** A training run longer than this is no lesson anyone steps through. */
export const MAX_STEPS = 1000;

/** Rows of `examples`: the lesson shows each row's backward pass as a step, as it shows each update. */
export const MAX_EXAMPLES = 1000;

/*
 * Work that multiplies: every row of `examples` runs forward and backward
 * through every node for the lesson's steps, and again in every update of
 * `train`; each row and each update is a step that lists the params. All is
 * done before the first frame (a learner's 20,000 rows left the tutor blank
 * for minutes), so it is refused up front. The limits come from
 * `npx tsx bench/limits.ts`, which runs `show --json` on files at each corner:
 * on 2 shared cores none took more than 3.3 s, the work bounded here at most
 * 2.3 s of it (a graph of 20,000 nodes alone takes 2.2 s). A lesson's row
 * costs what dozens of updates do, so each product has its own limit.
 */

/** Rows × nodes: the lesson's own passes over the examples. */
export const MAX_EXAMPLE_WORK = 250_000;

/** Rows × nodes × steps: the passes of training (a graph without examples is one row). */
export const MAX_TRAINING_WORK = 20_000_000;

/** Steps × params: each update is a step of the lesson that lists every param, its gradient and its move. */
export const MAX_TRAINING_LINES = 50_000;

/** A count as a learner reads it: 20,000. */
export const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Why a scenario is too large to teach with, or undefined when it is not:
 * the one sentence the command line, the tutor's file prompt and a resumed
 * lesson all give, refused up front rather than left to take minutes and
 * gigabytes. The file name is raw: whoever prints it shows it visibly.
 */
export function tooLargeToTeach(scenario: Scenario): string | undefined {
  const nodes = scenario.graph.nodes.length;
  if (nodes <= MAX_NODES) return undefined;
  const limit = `${count(nodes)} nodes, more than the ${count(MAX_NODES)} the tutor can teach with`;
  // A graph typed at the prompt has no file to name, nor scenarios to split into.
  if (scenario.file === PROMPT_GRAPH) return `${PROMPT_GRAPH} has ${limit} — type a smaller one.`;
  return `${scenario.file}: the graph has ${limit} — split it into smaller scenarios.`;
}
