import type { Scenario } from './types.js';

/** Past this a graph is no lesson (100,000 steps), and its document runs to hundreds of megabytes. */
export const MAX_NODES = 100_000;

/**
 * Why a scenario is too large to teach with, or undefined when it is not:
 * the one sentence the command line, the tutor's file prompt and a resumed
 * lesson all give, refused up front rather than left to take minutes and
 * gigabytes. The file name is raw: whoever prints it shows it visibly.
 */
export function tooLargeToTeach(scenario: Scenario): string | undefined {
  const nodes = scenario.graph.nodes.length;
  if (nodes <= MAX_NODES) return undefined;
  return `${scenario.file}: the graph has ${nodes.toLocaleString('en-US')} nodes, more than the ${MAX_NODES.toLocaleString('en-US')} the tutor can teach with — split it into smaller scenarios.`;
}
