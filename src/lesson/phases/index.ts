/**
 * The table of phase kinds, in the order a lesson goes through them. Each
 * row is a module of its own (./kind.ts says what a row holds); everything
 * else reads the table: the loader its keys, `buildLesson` the steps, the
 * session the knobs, keys and Tab, the frame builder and the views the screen
 * and the labels. Made when first read, not at load: the kinds' modules and
 * the modules that read the table import each other.
 */
import type { Step } from '../steps.js';
import { backward } from './backward.js';
import { check } from './check.js';
import { forward } from './forward.js';
import type { KindKey, PhaseKind } from './kind.js';
import { nudge, rateKnob } from './nudge.js';
import { order } from './order.js';
import { overview } from './overview.js';
import { practice } from './practice.js';
import { slope } from './slope.js';
import { summary } from './summary.js';
import { training } from './train.js';
import { wrongOrder } from './wrong-order.js';

export type { KindKey, PhaseKind, ScenarioKey, Screen } from './kind.js';

let table: PhaseKind[] | undefined;

/** The kinds in lesson order. A kind added to this array (as a test does) is read everywhere at once. */
export function phaseKinds(): PhaseKind[] {
  return (table ??= [overview, forward, slope, backward, wrongOrder, order, check, nudge, training, summary, practice]);
}

/** The kind a step's phase belongs to. */
export function kindOf(phase: string): PhaseKind {
  const kind = phaseKinds().find((k) => k.phase === phase || k.alsoNamed?.includes(phase));
  if (!kind) throw new Error(`no phase kind is named ${phase}`);
  return kind;
}

/** The kind of a lesson's step. */
export function kindAt(steps: Step[], i: number): PhaseKind {
  return kindOf(steps[i].phase);
}

/** What + and - change on a step: its kind's knob, or the nudge's rate. */
export function knobAt(steps: Step[], i: number): NonNullable<PhaseKind['knob']> {
  return kindAt(steps, i).knob ?? rateKnob;
}

const named = new WeakMap<Step[], string[]>();

/**
 * The phases a lesson has, in order (the seed's with the backward pass): the phase bar's. Worked out once per
 * lesson, not on every frame and key (a large lesson has 100,000s of steps).
 */
export function phaseNames(steps: Step[]): string[] {
  const known = named.get(steps);
  if (known) return known;
  const names: string[] = [];
  let last: string | undefined;
  for (const step of steps) {
    if (step.phase === last) continue; // most steps share their phase with the one before: one lookup per run of them
    last = step.phase;
    const name = kindOf(step.phase).phase;
    if (!names.includes(name)) names.push(name);
  }
  named.set(steps, names);
  return names;
}

/** A phase's label on the bar. */
export function phaseLabel(phase: string): string {
  return kindOf(phase).label;
}

/** The keys of the kinds whose steps the lesson has, each with the kind it belongs to. */
export function kindKeys(steps: Step[]): { kind: PhaseKind; key: KindKey }[] {
  const kinds = phaseNames(steps).map(kindOf);
  return kinds.flatMap((kind) => (kind.keys ?? []).map((key) => ({ kind, key })));
}

/** The top-level keys the kinds read from a scenario file, in table order. */
export function phaseKeys(): string[] {
  return phaseKinds().flatMap((k) => (k.key ? [k.key.name] : []));
}
