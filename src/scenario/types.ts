import type { Graph } from '../engine/graph.js';
import type { TrainSettings } from '../engine/train.js';

/** A loaded, validated scenario: everything the engine and the lesson need. */
export interface Scenario {
  /** The bundled id (`04-add-then-mul.yaml` → `add-then-mul`), the file's base name without extension, or `typed` for a typed graph. */
  id: string;
  title: string;
  description?: string;
  /** The path it was read from, as given (for a typed graph, `--expr` or, typed at the prompt, `your graph`). */
  file: string;
  graph: Graph;
  /** The nudge rate: each input moves by rate × grad. Default 0.01. */
  nudge: number;
  /** Each named node's expression as written in the file (`c: a + b` → { c: 'a + b' }). */
  expressions: Record<string, string>;
  /** The inputs the nudge and training move (`params:`); the rest are data. Default: every input. */
  params: string[];
  /** Rows of data (`examples:`), each setting the same data inputs; the output is summed over the rows. */
  examples?: Record<string, number>[];
  /** The training loop (`train:`), when the scenario has one. */
  train?: TrainSettings;
  /** `slope:`: a Slope phase after the forward pass, the derivative by nudging one input. */
  slope?: Slope;
  /** `wrong_order:`: the node that passes its gradient on too early in the Wrong order phase. */
  wrongOrder?: string;
  /** What the keys of phase kinds without a field of their own read, by key (a kind added later, or by a test). */
  settings?: Record<string, unknown>;
  /** Where a bundled lesson stands in the course (set by the course, never by the file). */
  course?: CoursePlace;
}

/** `slope:` in a scenario file. */
export interface Slope {
  /** The input nudged. */
  of: string;
  /** The nudges, one step each. */
  h: number[];
  /** false (the default): the lesson ends after the slope, before any chain rule. */
  backward: boolean;
}

/** A bundled lesson's number in the course (1-based) and the lesson after it. */
export interface CoursePlace {
  number: number;
  next?: { id: string; title: string; number: number };
}

/**
 * A user's mistake in a scenario file. Never a stack trace: the CLI prints
 * `file:line:col: problem — fix` and exits 2.
 */
export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    /** 1-based. */
    readonly line: number,
    /** 1-based. */
    readonly col: number,
    /** What is wrong, as a clause without a final full stop. */
    problem: string,
    /** How to fix it, as a clause without a final full stop. */
    fix: string,
    /** Where, as the message says it: `file:line:col`, or in other words for what the learner typed. */
    readonly place = `${file}:${line}:${col}`,
  ) {
    super(`${place}: ${oneLine(problem)} — ${oneLine(fix)}.`);
    this.name = 'ScenarioError';
    this.problem = oneLine(problem);
    this.fix = oneLine(fix);
  }

  /** What is wrong, as a clause without a final full stop. */
  readonly problem: string;
  /** How to fix it, as a clause without a final full stop. */
  readonly fix: string;
}

/**
 * A problem quotes what the author wrote (a key, a name, a value), which may hold a
 * line break or a control character; written as an escape, the message stays one line
 * and cannot move the terminal's cursor.
 */
function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, (ch) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
