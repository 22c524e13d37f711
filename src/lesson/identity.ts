import type { Scenario } from '../scenario/types.js';
import { expressionOf } from './format.js';

/**
 * Which lesson a learner has open, as a thing of its own: a bundled lesson
 * by its id, a file by its absolute resolved path (so a relative path typed
 * in one folder still names it from another), a typed graph by what was
 * typed. Progress is keyed by it.
 */
export type LessonRef =
  { kind: 'bundled'; id: string } | { kind: 'file'; path: string } | { kind: 'typed'; expression: string; values: string[] };

/**
 * The key progress files and the menu use. A bundled lesson's key is its bare
 * id, as progress files have always had it; the others say what they are, so
 * a learner's own add.yaml never counts as the bundled "add".
 */
export function lessonKey(ref: LessonRef): string {
  if (ref.kind === 'bundled') return ref.id;
  if (ref.kind === 'file') return `file:${ref.path}`;
  return `typed:${ref.expression} with ${ref.values.join(' ')}`;
}

export function sameLesson(a: LessonRef, b: LessonRef): boolean {
  return lessonKey(a) === lessonKey(b);
}

/** One line of the menu. */
export interface MenuEntry {
  lesson: LessonRef;
  title: string;
  /** The output written in terms of the inputs: `z = (a + b) · d`. */
  expression: string;
  /** The inputs the nudge and training move, and the data that stay: the menu says which are which. */
  /** Absent for an entry kept from an older progress file, until the lesson is opened again. */
  params?: string[];
  data?: string[];
}

export function entryOf(lesson: LessonRef, s: Scenario): MenuEntry {
  const data = s.graph.inputs.filter((name) => !s.params.includes(name));
  return { lesson, title: s.title, expression: `${s.graph.output} = ${expressionOf(s.graph, s.graph.output)}`, params: s.params, data };
}
