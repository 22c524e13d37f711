/**
 * Summary: every node's value and gradient in a table (with examples, beside
 * each param's summed gradient), the next lesson of the course, and in
 * predict mode the score. It closes the lesson: the questions missed in it
 * are asked once more here, and Enter on it opens the next lesson.
 */
import { literalOf } from '../../scenario/labels.js';
import type { Scenario } from '../../scenario/types.js';
import { fewOf, num, partial, table } from '../format.js';
import { helpedText, questionAt, scoreByKind, scoreOf, verdict } from '../quiz.js';
import type { Lesson, Step } from '../steps.js';
import type { Situation } from '../tutoring.js';
import { whichLoss } from '../which-loss.js';
import type { PhaseKind } from './kind.js';
import { slopeSummary } from './slope.js';

export const summary: PhaseKind = {
  phase: 'summary',
  label: 'Summary',
  closes: true,
  steps: (lesson) => [summaryStep(lesson)],
  footnotes: (lesson, situation) => scoreLines(lesson, situation),
};

/**
 * With examples, the summary gives both gradients of each param: the first
 * example's, which the backward pass found, and the summed one the nudge moved it by.
 */
function summaryStep(lesson: Lesson): Step {
  const { scenario, trace } = lesson;
  const of = whichLoss(scenario);
  const examples = of && { of, nudge: lesson.nudge };
  const out = trace.graph.output;
  const next = whatComesNext(scenario);
  const slope = slopeSummary(lesson, next);
  if (slope) return slope;
  const summed = new Map(examples?.nudge.moves.map((m) => [m.input, num(m.grad)]));
  const rows = [
    ['node', 'value', `grad ${partial(out, 'node')}`, ...(examples ? ['summed grad'] : [])],
    // A constant by its number, as the expression wrote it (its name may be primed: `1′`).
    ...trace.graph.nodes.map((n) => [
      n.op === 'const' ? literalOf(n.name) : n.name,
      num(trace.values[n.name]),
      num(trace.grads[n.name]),
      ...(examples ? [summed.get(n.name) ?? ''] : []),
    ]),
  ];
  const sumsSaid = examples
    ? [
        `The summed grad is a param's gradient of the ${examples.of.summed}, which the nudge and training move it by; the values and the other gradients are example 1's.`,
      ]
    : [];
  return {
    phase: 'summary',
    title: 'Summary',
    // The table has every node; the sentence names a dozen inputs at most, or it fills an 80×24 screen (the MLP has 45).
    text: `Summary${examples ? `, for ${examples.of.first}` : ''}: ${fewOf(trace.graph.inputs.map((i) => `${partial(out, i)} = ${num(trace.grads[i])}`))}.`,
    lines: [...table(rows), ...sumsSaid, ...next],
    highlight: { nodes: [], edges: [] },
    reached: { forward: Infinity, backward: Infinity },
  };
}

/** The summary's last line for a lesson of the course: the one after it, or the end. */
function whatComesNext(scenario: Scenario): string[] {
  const place = scenario.course;
  if (!place) return [];
  if (!place.next) return [`That was lesson ${place.number}, the last of the course.`];
  return [`Next in the course: ${place.next.number}. ${place.next.title}.`];
}

/** The summary's score: in all and by kind of question, and how the ones asked again went. */
function scoreLines(lesson: Lesson, situation: Situation): string[] {
  const score = scoreOf(lesson, situation.picks);
  if (score.asked === 0) return [];
  const lines = [`Predict mode: ${score.right} of ${score.asked} right${helpedText(score)}.`, `By kind: ${scoreByKind(score)}.`];
  const retries = Object.entries(situation.retries ?? {});
  if (retries.length > 0) {
    for (const [s, { given, hints }] of retries)
      lines.push(`Again, ${lesson.steps[Number(s)].title}: ${verdict(questionAt(lesson, Number(s))!, given, hints)}`);
    const again = scoreOf(lesson, situation.retries ?? {});
    lines.push(`Asked again: ${again.right} of ${again.asked} right the second time${helpedText(again)}.`);
  }
  return lines;
}
