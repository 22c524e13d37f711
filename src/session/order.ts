/**
 * The ordering task in the session: on its step of a lesson (lesson 12), or
 * as a practice problem, the learner builds the backward order by picking
 * nodes with ORDER_KEYS. The state is the lesson's OrderTask, kept in the
 * session while the lesson is open (or the problem is on screen); the pure
 * rules are the lesson's (src/lesson/backward-order.ts).
 */
import { backprop, type Trace } from '../engine/index.js';
import {
  actionFor,
  bindingOf,
  keyOf,
  ORDER_KEYS,
  PRACTICE_DONE_KEYS,
  PRACTICE_SURE_KEYS,
  type Binding,
  type KeyName,
} from '../keys/index.js';
import {
  finished,
  isTopological,
  kindAt,
  kindOf,
  newTask,
  orderView,
  phaseNames,
  pick,
  undo,
  type GraphState,
  type Highlight,
  type Lesson,
  type OrderTask,
  type Outcome,
} from '../lesson/index.js';
import type { Problem } from '../practice/index.js';
import type { PracticeEffect, PracticeState } from './practice.js';
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
  if (at === undefined) {
    // Most lessons have no kind with a task: no walk over their steps (a large one has 100,000s).
    const any = phaseNames(lesson.steps).some((name) => kindOf(name).orderTask);
    at = any ? lesson.steps.findIndex((_, i) => kindAt(lesson.steps, i).orderTask?.(lesson, i) === true) : -1;
    steps.set(lesson, at);
  }
  return at;
}

/** A key on a lesson's task step: the task after it, or undefined where the step is not the task's or the key not its own. */
export function lessonOrderKey(state: Session, lesson: Lesson, key: KeyName): Session | undefined {
  if (!state.open || orderTaskStep(lesson) !== state.open.step) return undefined;
  const task = orderKey(lesson.trace, state.order ?? newTask(lesson.trace), key);
  return task && { ...state, order: task };
}

const traces = new WeakMap<Problem, Trace>();

/** A problem's passes, worked out once: the reducer and the frame ask on every key. */
function traceOf(problem: Problem): Trace {
  let trace = traces.get(problem);
  if (!trace) traces.set(problem, (trace = backprop(problem.scenario.graph)));
  return trace;
}

/** The ordering task of the practice problem on screen, if it is asked as one (never in the self-test: one key an item). */
function taskOf(state: Session, round: PracticeState, problem: Problem): OrderTask | undefined {
  if (!problem.order || round.test) return undefined;
  return state.order ?? newTask(traceOf(problem), problem.order);
}

/**
 * A key while a practice problem's ordering task waits: the session with the task after it, and once every node is
 * picked the order as the answer (`given`); undefined where the problem is no such task or the key not the task's.
 */
export function practiceOrderKey(
  state: Session,
  round: PracticeState,
  problem: Problem,
  key: KeyName,
): { state: Session; given?: string } | undefined {
  const task = taskOf(state, round, problem);
  const next = task && orderKey(traceOf(problem), task, key);
  if (!next) return undefined;
  return { state: { ...state, order: next }, ...(finished(next) ? { given: next.picks.join(', ') } : {}) };
}

/** A finished task's outcome: right only with no node picked too early, even one taken back (the first try counts). */
function outcomeOf(task: OrderTask | undefined): Outcome | undefined {
  if (!task || !finished(task)) return undefined;
  return task.early.length === 0 ? 'right' : 'wrong';
}

/** The outcome of a practice problem's finished task. */
export function orderOutcome(state: Session, problem: Problem): Outcome | undefined {
  return problem.order ? outcomeOf(state.order) : undefined;
}

/** The outcome of the open lesson's task, once finished (undefined in a lesson without one). */
export function lessonOrderOutcome(state: Session, lesson: Lesson): Outcome | undefined {
  return state.screen === 'lesson' && orderTaskStep(lesson) !== -1 ? outcomeOf(state.order) : undefined;
}

/**
 * Each time the lesson's task is finished (its last node picked, again after an undo), it counts for backward-order
 * as a lesson's answer does: on the lesson's graph, so not fresh. In either mode, not only in predict mode as a
 * question is: the task asks for the order in both, and no right order is on the screen before the picks.
 */
export function lessonOrderPractice(before: Session, after: Session, lesson: Lesson): PracticeEffect[] {
  const outcome = lessonOrderOutcome(after, lesson);
  if (!outcome || after.order === before.order || (before.order && finished(before.order))) return [];
  return [{ type: 'practiced', skill: 'backward-order', answer: { outcome, sure: false, fresh: false } }];
}

/** The practice problem's ordering task on screen: its lines for the stage, the drawing's numbers and highlight, its keys. */
export function orderProblem(
  state: Session,
  round: PracticeState,
  problem: Problem,
): { lines: string[]; shown: GraphState; highlight: Highlight } | undefined {
  const task = taskOf(state, round, problem);
  if (!task) return undefined;
  const trace = traceOf(problem);
  const view = orderView(trace, task);
  if (round.stage === 'ask')
    return {
      ...view,
      lines: ["Build the backward order: which node's _backward runs first, which next, until all have run?", ...view.lines],
    };
  if (round.stage === 'sure') {
    const sure = `${keyOf(PRACTICE_SURE_KEYS, 'sure')} sure, ${keyOf(PRACTICE_SURE_KEYS, 'unsure')} not sure`;
    return { ...view, lines: [`Your order: ${task.picks.join(', ')}.`, `Before you see: were you sure? ${sure}.`] };
  }
  const early = task.early.join(' and ');
  const verdict =
    orderOutcome(state, problem) === 'right'
      ? 'Correct: each node ran after every node that uses it.'
      : isTopological(trace, task.picks)
        ? `Not quite: ${early} went too early at first; taken back, the order is right now.`
        : `Not quite: the order runs a node before every node that uses it is done.`;
  return { ...view, lines: [verdict, ...view.lines.slice(view.lines.findIndex((l) => l.startsWith('Your order')))] };
}

/**
 * The task's keys for `count` numbered nodes: a pick key for each number there is (`1-2 pick` for two), so the
 * footer and the help never offer a 9 that no node has. The reducer still takes every digit (a number no node has
 * changes nothing).
 */
export function orderKeysFor(count: number): Binding<'pick' | 'undo'>[] {
  return ORDER_KEYS.map((binding) => {
    if (binding.action !== 'pick') return binding;
    const keys = binding.keys.slice(0, Math.max(1, count));
    const shown = keys.length === 1 ? keys[0] : `${keys[0]}-${keys.at(-1)}`;
    return { ...binding, keys, shown: { help: shown, footer: shown } };
  });
}

/** The footer's keys while a problem's task waits: its own, for the nodes it numbers, and quit. */
export const orderProblemKeys = (problem: Problem) => [...orderKeysFor(problem.order?.length ?? 9), ...PRACTICE_DONE_KEYS];
