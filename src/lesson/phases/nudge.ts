/**
 * Nudge (`nudge: 0.01` in a scenario, the rate): every param moves by rate ×
 * its gradient, never the data, and the output is recomputed. The drawing
 * shows the new values; + and - take a larger or smaller step, the sign kept.
 * In predict mode it asks which way the output goes.
 */
import { isScalar } from 'yaml';
import { keysFor, LESSON_KEYS } from '../../keys/index.js';
import { nudge as runNudge, type Nudge, type Trace } from '../../engine/index.js';
import { num, signed, table } from '../format.js';
import { stepRate } from '../knobs.js';
import { nudgeQuestion } from '../quiz.js';
import type { Lesson, LessonOptions, Step } from '../steps.js';
import { whichLoss, type WhichLoss } from '../which-loss.js';
import type { Node, PhaseKind } from './kind.js';

export const nudge: PhaseKind = {
  phase: 'nudge',
  label: 'Nudge',
  chainRule: true,
  key: {
    name: 'nudge',
    read: (reader, entry, scenario) => {
      const value = reader.deref(entry.value);
      if (value === null || (isScalar(value) && value.value === null))
        reader.fail(entry.key, '`nudge` is empty', 'give a rate such as 0.01, or remove the key for the default 0.01');
      scenario.nudge = reader.finiteNumber(value as Node, '`nudge`');
    },
  },
  steps: (lesson) => [nudgeStep(lesson.trace, lesson.nudge, whichLoss(lesson.scenario))],
  question: (lesson) => nudgeQuestion(askedNudge(lesson), lesson.trace.graph.output),
  knob: rateKnob,
  footnotes: () => [`${keysFor(LESSON_KEYS, 'more', 'less')} take a larger / smaller step; the rate keeps its sign.`],
  screen: { moved: nudgedOf },
};

/** + and - on a step of a kind without a knob of its own: the nudge's rate, which the Nudge phase then uses. */
export function rateKnob(lesson: Lesson, direction: 1 | -1): LessonOptions {
  return { rate: stepRate(lesson.nudge.rate, direction) };
}

/** The nudge on the drawing: each param's new value, and the output's (recomputed from them). */
function nudgedOf(lesson: Lesson): Record<string, number> {
  const nudged: Record<string, number> = Object.fromEntries(lesson.nudge.moves.map((m) => [m.input, m.after]));
  nudged[lesson.scenario.graph.output] = lesson.nudge.after;
  return nudged;
}

/**
 * The nudge the nudge question asks about: at the scenario's own rate, whatever
 * the rate knob says. Its prompt names that rate; a knob turned after the answer
 * cannot turn a right answer wrong, and the score (kept at the scenario's rate)
 * agrees with the verdict on screen.
 */
function askedNudge(lesson: Lesson): Nudge {
  const rate = lesson.scenario.nudge;
  return lesson.nudge.rate === rate ? lesson.nudge : runNudge(lesson.trace, rate, lesson.data);
}

function nudgeStep(trace: Trace, nudge: Nudge, of: WhichLoss | undefined): Step {
  const out = trace.graph.output;
  const moved = new Set(nudge.moves.map((m) => m.input));
  const data = trace.graph.inputs.filter((name) => !moved.has(name));
  const everyInput = data.length === 0;
  const ascent = nudge.rate >= 0;
  const rows = [
    ['param', 'before', 'grad', `after = before + ${num(nudge.rate)} × grad`],
    ...nudge.moves.map((m) => [m.input, num(m.before), num(m.grad), num(m.after)]),
  ];
  return {
    phase: 'nudge',
    title: 'Nudge',
    text: `Nudge: every ${everyInput ? 'input' : 'param'} moves by ${num(nudge.rate)} × its gradient${of ? ` of the ${of.summed}` : ''}, to push ${of ? 'that sum' : out} ${ascent ? 'up (ascent)' : 'down (descent)'}.`,
    lines: [
      ...table(rows),
      `${of ? of.summed : out}: ${num(nudge.before)} → ${num(nudge.after)} (the nodes in between are recomputed, not nudged)`,
      // The drawing still holds the backward pass's numbers: a second gradient beside the table's, so say whose.
      ...(of ? [`The boxes still show example 1: its values, and the gradients of ${of.first}; the grad column is the sum's.`] : []),
      `predicted change ${signed(nudge.predicted)} (= ${num(nudge.rate)} × Σ grad²), actual ${signed(nudge.actual)}.`,
      `Each ${everyInput ? 'input' : 'param'} moves with its gradient's sign${ascent ? '' : ' flipped'}, so every grad · Δx ${ascent ? 'raises' : 'lowers'} ${out}, even a negative gradient's.`,
      ...(everyInput
        ? []
        : [
            `The data stay: ${data.join(', ')} ${data.length === 1 ? 'is' : 'are'} what the ${data.length === 1 ? 'param is' : 'params are'} fitted to, never moved.`,
          ]),
    ],
    highlight: { nodes: [...nudge.moves.map((m) => m.input), out], edges: [], current: out },
    reached: { forward: Infinity, backward: Infinity },
  };
}
