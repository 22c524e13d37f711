import { backpropOverwriting } from '../engine/index.js';
import { num, partial, shownAt, table, verdict, type Lesson, type Question, type Shown } from '../lesson/index.js';
import { openQuestion, score, type Lessons, type TutorState } from './state.js';

/** What the panel under the drawing says, and what the drawing may show, for the state the learner is in. */
export interface Panel {
  lines: string[];
  /** The step as drawn: with the answer hidden while a question waits. */
  shown: Shown;
  /** The open question, whose choices the view lists. */
  question?: Question;
}

/**
 * The step's text, adjusted for the modes: a question that hides the result
 * until answered, the verdict once it is, the = bug replayed, the score.
 */
export function panelFor(course: Lessons, lesson: Lesson, state: TutorState): Panel {
  const step = lesson.steps[state.step];
  const shown = shownAt(lesson.trace, step.reached);
  const out = lesson.scenario.graph.output;
  if (state.overwrite) return { lines: [`▸ Replay: the backward pass with = instead of +=`, ...overwriteLines(lesson)], shown };

  const question = openQuestion(course, state);
  const c = step.contribution;
  if (question && c) {
    // Until the learner answers, the operand keeps the gradient it had before this edge.
    const grads = { ...shown.grads, [c.operand]: c.path > 1 ? c.sumBefore : undefined };
    const hints = question.hints.slice(0, state.hints);
    return {
      lines: [`▸ ${step.title} — predict`, question.prompt, ...hints],
      shown: { values: shown.values, grads },
      question,
    };
  }

  // A backward step's lines spell out its sentence at three levels; saying it once more costs a row.
  const lines = [`▸ ${step.title}`, ...(c ? [] : [step.text]), ...step.lines];
  const picked = state.lessonId ? state.answers[state.lessonId]?.[state.step] : undefined;
  const asked = state.lessonId ? course.question(state.lessonId, state.step) : undefined;
  if (picked !== undefined && asked) lines.splice(1, 0, verdict(asked, picked));
  if (step.phase === 'summary' && state.lessonId) {
    const { right, asked: total } = score(course, state, state.lessonId);
    if (total > 0) lines.push(`Predict mode: ${right} of ${total} right.`);
  }
  if (step.phase === 'nudge' || step.phase === 'check') {
    lines.push(step.phase === 'nudge' ? '+ / - change the rate (below zero: descent).' : '+ / - change h: watch both errors shrink, then grow as rounding takes over.');
  }
  if (state.quiz && !c && step.phase === 'backward') lines.push(`(${partial(out, out)} needs no prediction.)`);
  return { lines, shown };
}

function overwriteLines(lesson: Lesson): string[] {
  const { trace } = lesson;
  const wrong = backpropOverwriting(trace);
  const out = trace.graph.output;
  const differ = trace.graph.nodes.filter((n) => num(wrong[n.name]) !== num(trace.grads[n.name]));
  if (differ.length === 0) {
    return [`Every node here reaches ${out} along one path, so = and += give the same gradients.`, 'Try a lesson where a node is reused, such as (a + b) + b.', 'o goes back to the lesson.'];
  }
  return [
    ...table([['node', 'right (+=)', 'with ='], ...differ.map((n) => [n.name, num(trace.grads[n.name]), num(wrong[n.name])])]),
    `With =, each path into a node overwrites the one before, so a node reached along several paths keeps only the last; += adds them, as the chain rule says.`,
    'o goes back to the lesson.',
  ];
}
