import { isLeaf, type Contribution, type Data, type Estimate, type Grads, type Nudge, type Trace, type Values } from '../engine/index.js';
import type { Scenario } from '../scenario/types.js';
import type { Training } from './phases/train.js';

/** A step's phase: the name of a phase kind (`./phases/`), or one it also answers to (the seed's). */
export type Phase = string;

import type { GraphState, Highlight } from '../engine/graph.js';
export type { GraphState, Highlight };

export interface Step {
  phase: Phase;
  /** A few words for the step's heading: "Forward: c", "Backward: c → a". */
  title: string;
  /** The step in one line, as `show` prints it and a screen reader reads it. */
  text: string;
  /** Further lines: the chain rule at three levels, a running sum, a table. */
  lines: string[];
  highlight: Highlight;
  /**
   * How far the passes have got at this step: how many operations the forward
   * pass has computed, and how many backward edges have run (-1: not even the
   * seed yet). `shownAt` turns this into the numbers the drawing shows; a
   * count, not a copy, so a long lesson stays linear in size.
   */
  reached: Reached;
  /** The backward edge this step runs, for views that lay the chain rule out themselves. */
  contribution?: Contribution;
  /** A Train step: how many updates have been made once it has run (index into `lesson.training.history`). */
  update?: number;
}

export interface Reached {
  forward: number;
  backward: number;
  /**
   * The Wrong order phase: how many of the replay's edges have run, whose
   * gradients are shown instead of the real pass's (Infinity: the replay is
   * over, every gradient as it left them). A count, as `backward` is.
   */
  replay?: { run: WrongOrder; ran: number };
}

/** A scenario worked through: the passes, and the steps every phase kind made of them. */
export interface Lesson {
  scenario: Scenario;
  /** The forward and backward pass over the first example row (the graph's own values without examples). */
  trace: Trace;
  check: Estimate[];
  h: number;
  /** What moves (the params) and the rows of data the nudge and training sum over. */
  data: Data;
  /** With examples: each row's output at the starting params. */
  examples?: { inputs: Values; output: number }[];
  nudge: Nudge;
  /** With `train:` in the scenario: the run the Train phase steps through. */
  training?: Training;
  /** With `slope:`: the output at each nudge of one input, and the exact slope beside them. */
  slope?: SlopeRun;
  /** With `wrong_order:`: the backward pass out of topological order, and the gradients it leaves. */
  wrongOrder?: WrongOrder;
  steps: Step[];
}

export interface SlopeRun {
  of: string;
  at: number;
  value: number;
  /** The exact derivative, as the backward pass finds it. */
  exact: number;
  rows: { h: number; value: number; rise: number; ratio: number }[];
}

export interface WrongOrder {
  /** The node that passes its gradient on before all its paths have arrived. */
  early: string;
  contributions: Contribution[];
  grads: Grads;
}

export interface LessonOptions {
  /** Overrides the learning rate: the nudge's and the training's. */
  rate?: number;
  /** The numeric check's step. */
  h?: number;
  /** Overrides the scenario's zero_grad: false replays training without zeroing the gradients. */
  zeroGrad?: boolean;
}

/** The values and gradients the drawing shows once the passes have got as far as `reached`. */
export function shownAt(trace: Trace, reached: Reached): GraphState {
  const values: Partial<Values> = {};
  let computed = 0;
  for (const node of trace.graph.nodes) {
    const known = isLeaf(node) || computed++ < reached.forward;
    if (known) values[node.name] = trace.values[node.name];
  }
  const out = trace.graph.output;
  if (reached.replay) {
    const { run, ran } = reached.replay;
    return { values, grads: ran === Infinity ? { ...run.grads } : gradsAfter(run.contributions, ran, out) };
  }
  if (reached.backward < 0) return { values, grads: {} };
  if (reached.backward >= trace.contributions.length) return { values, grads: { ...trace.grads } };
  return { values, grads: gradsAfter(trace.contributions, reached.backward, out) };
}

/** The gradients once the first `ran` edges of a backward pass have run: the seed, and each operand's sum so far. */
function gradsAfter(contributions: Contribution[], ran: number, out: string): Partial<Values> {
  const grads: Partial<Values> = { [out]: 1 };
  for (let k = 0; k < ran; k++) grads[contributions[k].operand] = contributions[k].sumAfter;
  return grads;
}

/**
 * A description as the lines a view wraps to its width. Written as a YAML
 * block (`|`), it carries the author's line breaks, which a narrower window
 * would turn into ragged half-lines: lines join into paragraphs, which a
 * blank line separates, and a line starting a list item (`- `, `* `) stays.
 */
export function paragraphs(text: string): string[] {
  const out: string[] = [];
  let open = false;
  for (const raw of text.trim().split('\n')) {
    const line = raw.trim();
    if (line === '') {
      open = false;
    } else if (open && !/^[-*] /.test(line)) {
      out[out.length - 1] += ` ${line}`;
    } else {
      out.push(line);
      open = true;
    }
  }
  return out;
}

/** `make` run on the first call only; later calls give the same value. */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
