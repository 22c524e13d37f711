import { choiceKey, choiceKeys, keyOf, LESSON_KEYS, NEXT_LESSON, QUIZ_KEYS } from '../keys/index.js';
import type { CoursePlace } from '../scenario/types.js';
import { judge, missedSteps, questionAt, TOLERANCE, verdict, type Answer, type Given, type Question } from './quiz.js';
import { overwriteReplay } from './replay.js';
import { finished, newTask, type OrderTask } from './backward-order.js';
import { orderView } from './order-view.js';
import { kindAt } from './phases/index.js';
import { shownAt, type GraphState, type Highlight, type Lesson } from './steps.js';

/** Where the learner is in a lesson, as far as its text depends on it. */
export interface Situation {
  step: number;
  /** Predict mode: questions ask before the step tells. */
  predict: boolean;
  /** First answers in this lesson: step → the answer given, with the hints out then. */
  picks: Record<number, Answer>;
  /** Answers to the questions asked again at the summary: step → the answer given, with the hints out then. */
  retries?: Record<number, Answer>;
  /** How many of the open question's hints are out. */
  hints: number;
  /** Showing the = replay instead of the step. */
  overwrite: boolean;
  /**
   * Predict mode fades: this step's question exercises only skills the learner has mastered, so the step is shown
   * worked instead of asked (`mastered` names them), unless they asked for it (the session then leaves this out).
   */
  worked?: { mastered: string[] };
  /** A number being typed as the answer, and what was wrong with the last one sent. */
  typed?: { text: string; error?: string };
  /** The ordering task as the learner has it, on its step (none yet: nothing picked). */
  order?: OrderTask;
  /**
   * This step is asked again because it was answered wrong in an earlier
   * session: asked whether predict mode is on or not, and its answer, once given.
   */
  review?: { answer?: Answer; left: number; then: string };
}

/** A question waiting for an answer: which step it belongs to, and why it is asked again, if it is. */
export interface Waiting {
  question: Question;
  step: number;
  again?: 'earlier' | 'last-time';
}

/** A step's text for the learner's situation, and what the drawing may show. */
export interface StepText {
  /** The first line is the title. */
  lines: string[];
  /** The numbers the drawing shows: with the answer hidden while a question waits. */
  shown: GraphState;
  /** What the drawing highlights: the step's own, or the re-asked step's, with the hint's node. */
  highlight: Highlight;
  /** The question waiting for an answer, whose choices the view lists. */
  question?: Question;
  /** The node the second hint points at, once it is out (also in `highlight.nodes`). */
  hintNode?: string;
}

/**
 * The question that waits on this step: the one missed last time, while it is
 * reviewed; in predict mode the step's own until answered, and at the summary
 * each one missed earlier in the lesson, asked once more before the score.
 */
export function waitingFor(lesson: Lesson, situation: Situation): Waiting | undefined {
  const here = questionAt(lesson, situation.step);
  if (situation.review)
    return here && situation.review.answer === undefined ? { question: here, step: situation.step, again: 'last-time' } : undefined;
  if (!situation.predict) return undefined;
  if (here && situation.picks[situation.step] === undefined && !situation.worked) return { question: here, step: situation.step };
  if (kindAt(lesson.steps, situation.step).closes) {
    const step = missedSteps(lesson, situation.picks).find((s) => situation.retries?.[s] === undefined);
    if (step !== undefined) return { question: questionAt(lesson, step)!, step, again: 'earlier' };
  }
  return undefined;
}

/** The drawing while a question waits: what the step shows, less the answer. */
function hiddenAnswer(lesson: Lesson, step: number, question: Question): GraphState {
  const s = lesson.steps[step];
  const shown = shownAt(lesson.trace, s.reached);
  const c = s.contribution;
  if (question.kind === 'forward-value' && s.highlight.current) {
    const values = { ...shown.values };
    delete values[s.highlight.current];
    return { values, grads: shown.grads };
  }
  // Until the learner answers, the operand keeps the gradient it had before this edge.
  if (c && question.kind !== 'upstream')
    return { values: shown.values, grads: { ...shown.grads, [c.operand]: c.path > 1 ? c.sumBefore : undefined } };
  return shown;
}

function withHint(highlight: Highlight, node: string | undefined): Highlight {
  return node && !highlight.nodes.includes(node) ? { ...highlight, nodes: [...highlight.nodes, node] } : highlight;
}

/** The lines of a waiting question: why it is back, the prompt, how to answer, the hints out so far, the number being typed. */
function questionLines(lesson: Lesson, waiting: Waiting, situation: Situation): string[] {
  const { question, step } = waiting;
  const lines: string[] = [];
  if (waiting.again === 'earlier') {
    for (const [s, { given, hints }] of Object.entries(situation.retries ?? {}))
      lines.push(`Again, ${lesson.steps[Number(s)].title}: ${verdict(questionAt(lesson, Number(s))!, given, hints)}`);
    const first = situation.picks[step];
    const helped = first !== undefined && judge(question, first.given, first.hints).outcome === 'helped';
    lines.push(`One you ${helped ? 'needed all the hints for' : 'missed'} earlier in this lesson (${lesson.steps[step].title}):`);
  }
  if (waiting.again === 'last-time') lines.push(`One you missed last time: ${lesson.scenario.title}, ${lesson.steps[step].title}.`);
  return [...lines, ...askingLines(question, situation.hints, situation.typed)];
}

/** A question as it is asked (in a lesson, in practice): the prompt, how to answer, the hints out, the number typed. */
export function askingLines(
  question: { prompt: string; choices: { value: Given | string }[]; hints: string[]; answer: Given | string; rule?: unknown },
  hints: number,
  typed?: { text: string; error?: string },
): string[] {
  const { choices } = question;
  const how =
    question.answer === 'up' || question.answer === 'down'
      ? `Press ${choiceKey(choices.findIndex((c) => c.value === 'up'))} for up or ${choiceKey(choices.findIndex((c) => c.value === 'down'))} for down.`
      : typeof question.answer === 'number'
        ? `Pick ${choiceKeys(choices.length)}, or ${keyOf(QUIZ_KEYS, 'type')} to type it (${TOLERANCE})${question.rule ? ' or its rule' : ''}.`
        : `Pick ${choiceKeys(choices.length)}.`;
  const lines = [question.prompt, how, ...question.hints.slice(0, hints)];
  if (typed) {
    lines.push(`Your answer: ${typed.text}▏`);
    if (typed.error) lines.push(typed.error);
  }
  return lines;
}

/**
 * The step's text, adjusted for the modes: a question that hides the answer
 * until answered, the verdict once it is, the = bug replayed, the score.
 */
export function stepText(lesson: Lesson, situation: Situation): StepText {
  const step = lesson.steps[situation.step];
  const shown = shownAt(lesson.trace, step.reached);
  const waiting = waitingFor(lesson, situation);
  const c = step.contribution;
  if (waiting) {
    const { question } = waiting;
    const hintNode = situation.hints >= 2 ? question.hintNode : undefined;
    const title = `▸ ${step.title} — ${waiting.again ? 'one you missed' : 'predict'}`;
    return {
      lines: [title, ...questionLines(lesson, waiting, situation)],
      shown: hiddenAnswer(lesson, waiting.step, question),
      highlight: withHint(lesson.steps[waiting.step].highlight, hintNode),
      question,
      ...(hintNode ? { hintNode } : {}),
    };
  }
  if (situation.overwrite) return { lines: overwriteReplay(lesson), shown, highlight: step.highlight };
  if (kindAt(lesson.steps, situation.step).orderTask?.(lesson, situation.step)) {
    const task = situation.order ?? newTask(lesson.trace);
    const view = orderView(lesson.trace, task);
    const on = finished(task) ? [`${keyOf(LESSON_KEYS, 'next')} goes on: how micrograd builds its order, build_topo.`] : [];
    return { lines: [`▸ ${step.title}`, ...view.lines, ...on], shown: view.shown, highlight: view.highlight };
  }

  // A backward step's lines spell out its sentence at three levels; saying it once more costs a row.
  const lines = [`▸ ${step.title}`, ...(c ? [] : [step.text]), ...step.lines];
  const asked = questionAt(lesson, situation.step);
  const review = situation.review;
  const answer = review ? review.answer : situation.picks[situation.step];
  if (answer !== undefined && asked) {
    const said = verdict(asked, answer.given, answer.hints);
    lines.splice(1, 0, ...(review ? [`One you missed last time: ${lesson.scenario.title}, ${step.title}.`] : []), said);
  }
  if (review && review.answer !== undefined)
    lines.push(review.left > 0 ? `→ the next one you missed (${review.left} more).` : `→ goes on to ${review.then}.`);
  if (situation.worked && situation.predict && situation.picks[situation.step] === undefined)
    lines.push(`Shown worked: you have mastered ${situation.worked.mastered.join(' and ')}. ${keyOf(LESSON_KEYS, 'ask')} asks it anyway.`);
  if (nextLessonAt(lesson, situation.step))
    lines.push(`${keyOf([NEXT_LESSON], 'nextLesson')} opens it; ${keyOf(LESSON_KEYS, 'menu')} goes back to the menu.`);
  lines.push(...(kindAt(lesson.steps, situation.step).footnotes?.(lesson, situation, step) ?? []));
  return { lines, shown, highlight: step.highlight };
}

/** On a course lesson's closing step, its last: the lesson after it, which Enter opens. */
export function nextLessonAt(lesson: Lesson, step: number): NonNullable<CoursePlace['next']> | undefined {
  const last = lesson.steps.length - 1;
  return step === last && kindAt(lesson.steps, last).closes ? lesson.scenario.course?.next : undefined;
}
