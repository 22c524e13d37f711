/**
 * A lesson's keys: the key table's, with the keys of the phase kinds the
 * lesson has (the Train phase's z) after the knobs, and on a course lesson's
 * summary Enter for the next lesson in place of `next`. The reducer, the
 * footer and the help read this one list.
 */
import { lessonKeysOn, type Binding } from '../keys/index.js';
import { kindKeys, newTask, type Lesson } from '../lesson/index.js';
import { orderKeysFor, orderTaskStep } from './order.js';

/** A lesson's key: the table's, or a phase kind's (`phase` names it: the footer shows it on that phase's steps). */
export type LessonBinding = Binding<string> & { phase?: string; task?: boolean };

const kindBindings = new WeakMap<Lesson, LessonBinding[]>();

/** The keys of the phase kinds the lesson has. A kind's key does nothing in a lesson without its phase, so there it is not listed. */
function ownKeys(lesson: Lesson): LessonBinding[] {
  let keys = kindBindings.get(lesson);
  if (!keys) {
    keys = kindKeys(lesson.steps).map(({ kind, key }) => ({
      action: key.action,
      keys: key.keys,
      does: key.does,
      footer: key.footer,
      phase: kind.phase,
    }));
    kindBindings.set(lesson, keys);
  }
  return keys;
}

/** The lesson's keys on a step; `nextLesson`: the step is a course lesson's summary, where Enter opens the next. */
export function lessonKeysOf(lesson: Lesson | undefined, nextLesson = false): LessonBinding[] {
  const table: LessonBinding[] = lessonKeysOn(nextLesson);
  if (!lesson) return table;
  const own = ownKeys(lesson);
  // The ordering task's keys first, in a lesson that has it: on its step the footer shows them (frame.ts), and keeps the first.
  const task: LessonBinding[] =
    orderTaskStep(lesson) === -1 ? [] : orderKeysFor(newTask(lesson.trace).listed.length).map((b) => ({ ...b, task: true }));
  if (own.length === 0 && task.length === 0) return table;
  const at = table.findIndex((b) => b.action === 'less') + 1;
  return [...task, ...table.slice(0, at), ...own, ...table.slice(at)];
}
