import type { Graph } from './graph.js';
import type { Trace, Values } from './autograd.js';
import { compile } from './program.js';

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

/**
 * Above this many inputs the check estimates a sample of them: two forward
 * passes per input made it quadratic (3,000 inputs took 36 s), and a table of
 * thousands of rows teaches nothing a few hundred do not.
 */
export const CHECK_SAMPLE = 200;

/**
 * How many inputs a graph of `nodes` nodes checks: CHECK_SAMPLE, and fewer
 * on a graph so large that 400 passes over it would dominate the lesson
 * (about two million node evaluations per pass at most; never under 10).
 */
export function checkSampleSize(nodes: number): number {
  return Math.max(10, Math.min(CHECK_SAMPLE, Math.floor(2_000_000 / Math.max(1, nodes))));
}

/** `count` inputs spread evenly over the list, first and last included, in display order. */
export function sampleInputs(inputs: string[], count = CHECK_SAMPLE): string[] {
  if (inputs.length <= count || inputs.length <= CHECK_SAMPLE) return inputs;
  const step = (inputs.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, i) => inputs[Math.round(i * step)]);
}

/**
 * One input moved to x, the rest of the graph as `values` has it: a forward
 * pass from that input on, over the graph's program, allocating nothing.
 */
function movedOne(graph: Graph, values: Values): (input: string, x: number) => number {
  const { names, index, rows, operands, output } = compile(graph);
  const base = Float64Array.from(names, (name) => values[name]);
  const scratch = [[], [0], [0, 0]] as number[][];
  const work = new Float64Array(base.length);
  return (input, x) => {
    work.set(base);
    const at = index.get(input) as number;
    work[at] = x;
    for (let i = at + 1; i < rows.length; i++) {
      const row = rows[i];
      if (!row) continue;
      const ids = operands[i];
      const args = scratch[ids.length] ?? new Array<number>(ids.length);
      for (let k = 0; k < ids.length; k++) args[k] = work[ids[k]];
      work[i] = row.forward(args);
    }
    return work[output];
  };
}

/**
 * Finite-difference estimates beside the exact gradient: for every input, or
 * for sampleInputs() of them above CHECK_SAMPLE (the check step says so).
 */
export function numericCheck(trace: Trace, h = DEFAULT_H): Estimate[] {
  const { graph, values, grads } = trace;
  const base = values[graph.output];
  const outputWithInput = movedOne(graph, values);
  return sampleInputs(graph.inputs, checkSampleSize(graph.nodes.length)).map((input) => {
    const x = values[input];
    const up = outputWithInput(input, x + h);
    const down = outputWithInput(input, x - h);
    return {
      input,
      // An input always has a gradient; only constants have none.
      exact: grads[input] ?? NaN,
      forwardDifference: (up - base) / h,
      centralDifference: (up - down) / (2 * h),
    };
  });
}
