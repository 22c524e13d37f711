/**
 * The ordering task in the session: on its step of a lesson (lesson 12), or
 * as a practice problem, the learner builds the backward order by picking
 * nodes with ORDER_KEYS. The state is the lesson's OrderTask, kept in the
 * session while the lesson is open (or the problem is on screen); the pure
 * rules are the lesson's (src/lesson/backward-order.ts).
 */
import type { Trace } from '../engine/index.js';
import { actionFor, bindingOf, ORDER_KEYS, type KeyName } from '../keys/index.js';
import { kindAt, newTask, pick, undo, type Lesson, type OrderTask } from '../lesson/index.js';
import type { Session } from './state.js';

/** The task after a key, or undefined for a key that is not the task's (it then does what it does elsewhere). */
export function orderKey(trace: Trace, task: OrderTask, key: KeyName): OrderTask | undefined {
  switch (actionFor(ORDER_KEYS, key)) {
    case 'pick': {
      // The nth key picks the node numbered n; a number no node has, or a node picked already, changes nothing.
      const node = task.listed[bindingOf(ORDER_KEYS, 'pick').keys.indexOf(key)];
      return node === undefined ? task : pick(trace, task, node);
    }
    case 'undo':
      return undo(task);
    default:
      return undefined;
  }
}

const steps = new WeakMap<Lesson, number>();

/** The lesson's task step (-1: none), found once per lesson: the footer and the reducer ask on every key. */
export function orderTaskStep(lesson: Lesson): number {
  let at = steps.get(lesson);
  if (at === undefined) steps.set(lesson, (at = lesson.steps.findIndex((_, i) => kindAt(lesson.steps, i).orderTask?.(lesson, i) === true)));
  return at;
}

/** A key on a lesson's task step: the task after it, or undefined where the step is not the task's or the key not its own. */
export function lessonOrderKey(state: Session, lesson: Lesson, key: KeyName): Session | undefined {
  if (!state.open || orderTaskStep(lesson) !== state.open.step) return undefined;
  const task = orderKey(lesson.trace, state.order ?? newTask(lesson.trace), key);
  return task && { ...state, order: task };
}
