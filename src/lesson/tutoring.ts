import { partial } from './format.js';
import { questionAt, scoreOf, verdict, type Question } from './quiz.js';
import { overwriteReplay } from './replay.js';
import { shownAt, type Lesson, type Shown } from './steps.js';

/** Where the learner is in a lesson, as far as its text depends on it. */
export interface Situation {
  step: number;
  /** Predict mode: backward steps ask before they tell. */
  predict: boolean;
  /** Picks so far in this lesson: step → the choice picked. */
  picks: Record<number, number>;
  /** How many of the open question's hints are out. */
  hints: number;
  /** Showing the = replay instead of the step. */
  overwrite: boolean;
}

/** A step's text for the learner's situation, and what the drawing may show. */
export interface StepText {
  /** The first line is the title. */
  lines: string[];
  /** The numbers the drawing shows: with the answer hidden while a question waits. */
  shown: Shown;
  /** The question waiting for an answer, whose choices the view lists. */
  question?: Question;
}

/** The question of this step, if predict mode is on and it is not answered yet. */
export function waitingQuestion(lesson: Lesson, situation: Situation): Question | undefined {
  if (!situation.predict || situation.picks[situation.step] !== undefined) return undefined;
  return questionAt(lesson, situation.step);
}

/**
 * The step's text, adjusted for the modes: a question that hides the result
 * until answered, the verdict once it is, the = bug replayed, the score.
 */
export function stepText(lesson: Lesson, situation: Situation): StepText {
  const step = lesson.steps[situation.step];
  const shown = shownAt(lesson.trace, step.reached);
  const out = lesson.scenario.graph.output;
  const question = waitingQuestion(lesson, situation);
  const c = step.contribution;
  if (question && c) {
    // Until the learner answers, the operand keeps the gradient it had before this edge.
    const grads = { ...shown.grads, [c.operand]: c.path > 1 ? c.sumBefore : undefined };
    return {
      lines: [`▸ ${step.title} — predict`, question.prompt, ...question.hints.slice(0, situation.hints)],
      shown: { values: shown.values, grads },
      question,
    };
  }
  if (situation.overwrite) return { lines: overwriteReplay(lesson), shown };

  // A backward step's lines spell out its sentence at three levels; saying it once more costs a row.
  const lines = [`▸ ${step.title}`, ...(c ? [] : [step.text]), ...step.lines];
  const picked = situation.picks[situation.step];
  const asked = questionAt(lesson, situation.step);
  if (picked !== undefined && asked) lines.splice(1, 0, verdict(asked, picked));
  if (step.phase === 'summary') {
    const { right, asked: total } = scoreOf(lesson, situation.picks);
    if (total > 0) lines.push(`Predict mode: ${right} of ${total} right.`);
  }
  if (step.phase === 'summary' && lesson.scenario.course?.next) lines.push('Enter opens it; m goes back to the menu.');
  if (step.phase === 'nudge') lines.push('+ / - change the rate (below zero: descent).');
  if (step.phase === 'check') lines.push('+ / - change h: watch both errors shrink, then grow as rounding takes over.');
  if (situation.predict && !c && step.phase === 'backward') lines.push(`(${partial(out, out)} needs no prediction.)`);
  return { lines, shown };
}
