/**
 * Numeric check: each input moved by h alone, the output's slope by forward
 * and central differences beside the exact gradient. + and - change h.
 */
import type { Estimate, Trace } from '../../engine/index.js';
import { keysFor, LESSON_KEYS } from '../../keys/index.js';
import { HS, stepLadder } from '../knobs.js';
import { num, table } from '../format.js';
import { once, type Lesson, type Step } from '../steps.js';
import { whichLoss, type WhichLoss } from '../which-loss.js';
import type { PhaseKind } from './kind.js';

export const check: PhaseKind = {
  phase: 'check',
  label: 'Check',
  chainRule: true,
  steps: (lesson) => [checkStep(lesson.trace, () => lesson.check, lesson.h, whichLoss(lesson.scenario))],
  knob: (lesson, direction) => ({ h: stepLadder(HS, lesson.h, direction) }),
  footnotes: (lesson) => [whatHDoes(lesson)],
};

function checkStep(trace: Trace, estimates: () => Estimate[], h: number, of: WhichLoss | undefined): Step {
  const out = trace.graph.output;
  // How far each estimate is from the exact value: the number that moves when h does.
  const off = (estimate: number, exact: number) => {
    const error = Math.abs(estimate - exact);
    return error !== 0 && error < 1e-3 ? error.toExponential(1) : num(Number(error.toPrecision(2)));
  };
  const lines = once(() => {
    const check = estimates();
    const rows = [
      ['input', 'exact', 'forward', 'off by', 'central', 'off by'],
      ...check.map((e) => [
        e.input,
        num(e.exact),
        num(e.forwardDifference),
        off(e.forwardDifference, e.exact),
        num(e.centralDifference),
        off(e.centralDifference, e.exact),
      ]),
    ];
    return [
      ...(check.length < trace.graph.inputs.length
        ? [`A sample: ${check.length} of the ${trace.graph.inputs.length} inputs, spread evenly from first to last.`]
        : []),
      ...table(rows),
      `forward = (f(x+h) − f(x))/h, off by about h × the curvature; central = (f(x+h) − f(x−h))/2h, off by about h², so it sits closer.`,
    ];
  });
  return {
    phase: 'check',
    title: 'Numeric check',
    text: `Numeric check${of ? ` of ${of.first}` : ''}: move each input by h = ${num(h)} alone and watch ${out}; the slope should match the exact gradient.`,
    // A getter, so the table is made when the step is first read: show and --json still print it.
    get lines() {
      return lines();
    },
    highlight: { nodes: [...trace.graph.inputs, out], edges: [] },
    reached: { forward: Infinity, backward: Infinity },
  };
}

const saidOfH = new WeakMap<Lesson, string>();

/**
 * What + and - will do to the check's errors, as this lesson's numbers have it. An error is the curve's share
 * (h · f''/2 forward, h² · f'''/6 central) plus rounding's (about ε · |values| / h): the curve's shrinks with h,
 * rounding's grows. Where z is straight in each input (a sum, products of different inputs) the curve has no
 * share, and "both errors shrink" would be false. Far above rounding (×100), a tenth of h shrinks the error.
 */
function whatHDoes(lesson: Lesson): string {
  let said = saidOfH.get(lesson);
  if (said !== undefined) return said;
  let largest = 1;
  for (const value of Object.values(lesson.trace.values)) if (Number.isFinite(value)) largest = Math.max(largest, Math.abs(value));
  const rounding = (100 * Number.EPSILON * largest) / lesson.h;
  const curved = (estimate: 'forwardDifference' | 'centralDifference') =>
    lesson.check.some((e) => Math.abs(e[estimate] - e.exact) > rounding);
  const forward = curved('forwardDifference');
  const central = curved('centralDifference');
  const knob = keysFor(LESSON_KEYS, 'more', 'less');
  if (forward && central) said = `${knob} change h: watch both errors shrink, then grow as rounding takes over.`;
  else if (!forward && !central) said = `${knob} change h: both errors are rounding alone here, so they grow as h shrinks.`;
  else {
    const [shrinking, rounded] = forward ? ['forward', 'central'] : ['central', 'forward'];
    said = `${knob} change h: the ${shrinking} error shrinks with h until rounding takes over; the ${rounded} one is rounding alone, and grows as h shrinks.`;
  }
  saidOfH.set(lesson, said);
  return said;
}
