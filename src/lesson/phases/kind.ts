/**
 * What a kind of lesson phase is: everything about it in one module, as an
 * op row holds everything about an op. Its scenario key and how to read it,
 * its name and label, its steps and questions, its knobs and keys, and how
 * the screen shows it. The loader, `buildLesson`, the session, the frame
 * builder and the views read the table of kinds (`./index.ts`); none of them
 * names a phase. A new kind is one module and one row in that table.
 */
import type { Node } from 'yaml';
import type { Entry, SectionReader } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/types.js';
import type { Question } from '../quiz.js';
import type { Lesson, LessonOptions, Step } from '../steps.js';
import type { Situation } from '../tutoring.js';

export type { Entry, Node, SectionReader };

export interface PhaseKind {
  /** The phase's name: its steps' `phase`, as `show --json` prints it. */
  phase: string;
  /** Further step phases that belong to it (the seed goes with the backward pass): one place on the bar, one Tab. */
  alsoNamed?: string[];
  /** Its name on the phase bar. */
  label: string;
  /** The scenario key that asks for it, read with errors at the file's line and column. */
  key?: ScenarioKey;
  /** Its steps come only in a lesson that goes on to the chain rule (one that ends after the slope has none). */
  chainRule?: boolean;
  /** Whether, in this scenario, the lesson ends before the chain rule (after this kind's steps). */
  endsBeforeChainRule?(scenario: Scenario): boolean;
  /** Its steps; it may keep what they are worked out from on the lesson (its `training`, `slope`, …). */
  steps(lesson: Lesson, options: LessonOptions): Step[];
  /** The question step `i` (one of its steps) asks in predict mode, if any. */
  question?(lesson: Lesson, i: number): Question | undefined;
  /** Lines under one of its steps, for where the learner is: what its knob does, the score. */
  footnotes?(lesson: Lesson, situation: Situation, step: Step): string[];
  /** What + and - change on its steps; without it, the nudge's rate. */
  knob?(lesson: Lesson, direction: 1 | -1): LessonOptions;
  /** Keys of its own. They work in any step of a lesson that has its steps; the footer shows them on its steps. */
  keys?: KindKey[];
  /** Where Tab goes from one of its steps, if not to the next phase. */
  tab?(lesson: Lesson, from: number): number | undefined;
  /**
   * Whether step `i` (one of its steps) is the ordering task's, where the learner builds the backward order by
   * picking nodes (ORDER_KEYS): the session keeps the task's state, and the step's text and drawing show it.
   */
  orderTask?(lesson: Lesson, i: number): boolean;
  /** How the screen shows its steps. */
  screen?: Screen;
  /** The lesson's closing kind: it asks the missed questions again, and Enter on it, last, opens the next lesson. */
  closes?: boolean;
  /** In a handout with questions, part of the setup the student's page shows (before any answer). */
  setup?: boolean;
}

/** A top-level key of a scenario file that a phase kind reads. */
export interface ScenarioKey {
  name: string;
  /** The keys it takes indented below it (`train:` → steps, rate, zero_grad), which the README documents. */
  settings?: readonly string[];
  /** Reads the key's entry into the scenario (its own field, or `scenario.settings[name]`); mistakes via `reader.fail`. */
  read(reader: SectionReader, entry: Entry, scenario: Scenario): void;
}

/** A key a phase kind adds to the lesson's key table. */
export interface KindKey {
  action: string;
  keys: string[];
  /** What it does, for the help. */
  does: string;
  /** Its short form in the footer, on this kind's steps. */
  footer?: string;
  /** The knobs after the key, or undefined where it does nothing here. */
  press(lesson: Lesson, options: LessonOptions): LessonOptions | undefined;
}

export interface Screen {
  /**
   * The drawing: 'graph' (the default) where the step has a current node, else
   * only where there is room; 'always', even where the text must scroll for it;
   * 'none': the step is its text (a chart, a table) and a drawing of the values
   * before would contradict it.
   */
  drawing?: 'graph' | 'always' | 'none';
  /** Values the drawing shows in place of the pass's: the nudge's new ones. */
  moved?(lesson: Lesson): Record<string, number>;
}
