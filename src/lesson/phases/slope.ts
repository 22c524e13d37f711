/**
 * Slope (`slope:` in a scenario): the derivative by nudging one input, before
 * any chain rule. One step per h, each ten times smaller, the rise / h
 * settling on the exact slope. With `backward: false` (the default) the
 * lesson ends after it, with a summary of the slope.
 */
import { isScalar, isSeq } from 'yaml';
import { backprop, forward, nodeMap, type Trace } from '../../engine/index.js';
import { didYouMean } from '../../scenario/names.js';
import type { Scenario, Slope } from '../../scenario/types.js';
import { num, table } from '../format.js';
import { line, plot } from '../plot.js';
import type { Lesson, SlopeRun, Step } from '../steps.js';
import type { Entry, Node, PhaseKind, SectionReader } from './kind.js';

/** The nudges the Slope phase shows when the file names none: each ten times smaller. */
export const DEFAULT_SLOPE_HS = [1, 0.1, 0.01, 0.001];
/** One step per h: more than this is no longer a lesson. */
export const MAX_SLOPE_HS = 12;

export const SLOPE_KEYS = ['of', 'h', 'backward'] as const;

export const slope: PhaseKind = {
  phase: 'slope',
  label: 'Slope',
  // The picture of the curve is the step; two boxes x → f would take its rows.
  screen: { drawing: 'none' },
  key: {
    name: 'slope',
    settings: SLOPE_KEYS,
    read: (reader, entry, scenario) => {
      scenario.slope = readSlope(reader, entry, scenario.graph.inputs);
    },
  },
  endsBeforeChainRule: (scenario) => endsAtSlope(scenario),
  steps: (lesson) => {
    const { scenario, trace } = lesson;
    if (!scenario.slope) return [];
    lesson.slope = slopeRun(trace, scenario.slope.of, scenario.slope.h);
    return [...slopeSteps(trace, lesson.slope), ...alongStep(trace, lesson.slope)];
  },
};

/** The summary of a lesson that ends after the slope: what the nudges found, and what the chain rule will do better. */
export function slopeSummary(lesson: Lesson, next: string[]): Step | undefined {
  const { slope: run, trace, scenario } = lesson;
  if (!run || scenario.slope?.backward) return undefined;
  const out = trace.graph.output;
  const x = run.of;
  const note = nodeMap(trace.graph).get(x)?.note;
  return {
    phase: 'summary',
    title: 'Summary',
    text: `Summary: the slope of ${out} at ${x} = ${num(run.at)} is ${num(run.exact)}, the derivative d${out}/d${x}; the nudges got closer to it as h shrank.`,
    lines: [
      `rise / h for h = ${run.rows.map((r) => num(r.h)).join(', ')}: ${run.rows.map((r) => num(r.ratio)).join(', ')} → exactly ${num(run.exact)}.`,
      ...(note ? [note] : []),
      `Nudging gives the slope only nearly, and needs one more forward pass per input. The next lessons get it exactly, node by node, with the chain rule: that is backpropagation.`,
      ...next,
    ],
    highlight: { nodes: [x, out], edges: [] },
    reached: { forward: Infinity, backward: -1 },
  };
}

/** Whether the lesson shows only values (it ends before any gradient): the overview says so. */
export function endsAtSlope(scenario: Scenario): boolean {
  return scenario.slope !== undefined && !scenario.slope.backward;
}

function readSlope(reader: SectionReader, entry: Entry, inputs: string[]): Slope {
  const example = `\`of: ${inputs[0]}\``;
  const slope: Slope = { of: '', h: DEFAULT_SLOPE_HS, backward: false };
  for (const { name: known, value: given } of reader.settings(entry, SLOPE_KEYS, EXAMPLES, `of: ${inputs[0]}`)) {
    if (known === 'of') {
      const name = reader.nameOf(given);
      if (!inputs.includes(name))
        reader.fail(
          given,
          `\`of\` in \`slope\` names \`${name}\`, which is not an input${didYouMean(name, inputs)}`,
          `name the input to nudge: ${inputs.join(', ')}`,
        );
      slope.of = name;
    } else if (known === 'h') {
      slope.h = readHs(reader, given);
    } else {
      if (!isScalar(given) || typeof given.value !== 'boolean')
        reader.fail(
          given,
          `\`backward\` in \`slope\` must be true or false, not \`${reader.sourceOf(given)}\``,
          'write `backward: false` (the default: the lesson ends after the slope) or `backward: true` to go on to the chain rule',
        );
      slope.backward = given.value;
    }
  }
  if (slope.of === '') reader.fail(entry.key, '`slope` does not say which input to nudge', `add ${example} indented below \`slope:\``);
  return slope;
}

function readHs(reader: SectionReader, node: Node): number[] {
  const example = '`h: [1, 0.1, 0.01, 0.001]`';
  if (!isSeq(node)) reader.fail(node, '`h` in `slope` must be a list of nudges', `write it as ${example}`);
  if (node.items.length === 0) reader.fail(node, '`h` in `slope` lists no nudges', `give at least one, e.g. ${example}`);
  if (node.items.length > MAX_SLOPE_HS)
    reader.fail(
      node,
      `\`h\` in \`slope\` lists ${node.items.length} nudges, more than ${MAX_SLOPE_HS}`,
      `give at most ${MAX_SLOPE_HS}, one step each`,
    );
  return (node.items as Node[]).map((item) => {
    const h = reader.finiteNumber(reader.deref(item) as Node, 'a nudge in `h`');
    if (h <= 0)
      reader.fail(item, `a nudge in \`h\` is ${reader.sourceOf(item)}, not above 0`, 'give small positive numbers such as 0.1 and 0.01');
    return h;
  });
}

const EXAMPLES: Record<(typeof SLOPE_KEYS)[number], string> = { of: 'of: x', h: 'h: [1, 0.1, 0.01]', backward: 'backward: false' };

/** The output with one input moved by each h: the derivative's definition, worked with numbers. */
function slopeRun(trace: Trace, of: string, hs: number[]): SlopeRun {
  const out = trace.graph.output;
  const at = trace.values[of];
  const value = trace.values[out];
  const rows = hs.map((h) => {
    const moved = forward(trace.graph, { [of]: at + h })[out];
    return { h, value: moved, rise: moved - value, ratio: (moved - value) / h };
  });
  return { of, at, value, exact: trace.grads[of] ?? NaN, rows };
}

function slopeSteps(trace: Trace, slope: SlopeRun): Step[] {
  const out = trace.graph.output;
  const x = slope.of;
  const fx = `${out}(${x})`;
  const fxh = `${out}(${x} + h)`;
  return slope.rows.map((row, k) => {
    const last = k === slope.rows.length - 1;
    // f(x + h) with the digits the rise needs: 20.014003, not 20.014 beside a rise of 0.014003.
    const so = slope.rows.slice(0, k + 1).map((r) => [num(r.h), digits(r.value), num(r.rise), num(r.ratio)]);
    const lines = [
      ...picture(trace, slope, row.h),
      ...table([['h', fxh, 'rise', 'rise / h'], ...so]),
      ...(k === 0
        ? [
            `Nudge ${x} by h and see how far ${out} moves: the rise ${fxh} − ${fx}. The rise divided by h is how fast ${out} changes per unit of ${x}.`,
          ]
        : []),
      ...(k > 0 && !last ? [`h is ten times smaller; watch rise / h settle.`] : []),
      ...(last
        ? [
            `As h shrinks to 0, rise / h settles at one number, ${num(slope.exact)}: the derivative of ${out} with respect to ${x}. It says how much ${out} moves, and which way, for a tiny move of ${x}.`,
            `With several inputs, each has such a slope (nudging it alone); together they are the gradient. From here on, a box's g is the output's slope with respect to that node.`,
          ]
        : []),
    ];
    return {
      phase: 'slope',
      title: `Slope: h = ${num(row.h)}`,
      text: `${x} = ${num(slope.at)} + ${num(row.h)}: ${fxh} = ${digits(row.value)}, a rise of ${num(row.rise)}, and (${fxh} − ${fx}) / h = ${num(row.rise)} / ${num(row.h)} = ${num(row.ratio)}.`,
      lines,
      highlight: { nodes: [x, out], edges: [], current: out },
      reached: { forward: Infinity, backward: -1 },
    };
  });
}

/**
 * The lecture's picture: the curve of the output against x, the secant through x and x + h, and the tangent at
 * x that the secants approach as h shrinks. The window is the same at every h (four of the largest h wide), so
 * the secant is seen turning onto the tangent.
 */
function picture(trace: Trace, slope: SlopeRun, h: number): string[] {
  const out = trace.graph.output;
  const x = slope.of;
  const f = (at: number) => forward(trace.graph, { [x]: at })[out];
  const wide = 2 * Math.max(...slope.rows.map((r) => r.h));
  const from = slope.at - wide;
  const to = slope.at + wide;
  const rise = f(slope.at + h) - slope.value;
  // The window's height is the curve's: the lines through it leave at its edges.
  const ys = Array.from({ length: 61 }, (_, k) => f(from + (k * (to - from)) / 60)).filter(Number.isFinite);
  const curve = plot(
    [
      { f, mark: '•' },
      { f: line(slope.at, slope.value, slope.exact), mark: '·' },
      { f: line(slope.at, slope.value, rise / h), mark: 'o' },
    ],
    {
      from,
      to,
      rows: 8,
      low: Math.min(...ys),
      high: Math.max(...ys),
      points: [
        { x: slope.at + h, y: slope.value + rise, mark: '◆' },
        { x: slope.at, y: slope.value, mark: '◆' },
      ],
    },
  );
  return [...curve, `• ${out}(${x})   o secant through ◆ at ${x}, ${x} + h   · tangent at ${x}, where the secants go`, ''];
}

/** After the nudges, a step of its own for the lecture's next picture: the slope at other x (none where it cannot be drawn). */
function alongStep(trace: Trace, run: SlopeRun): Step[] {
  const lines = slopesAlong(trace, run);
  if (lines.length === 0) return [];
  const out = trace.graph.output;
  return [
    {
      phase: 'slope',
      title: 'Slope: along the curve',
      text: `The slope of ${out} is one number at each ${run.of}, not one for the curve: the tangent's tilt changes as ${run.of} moves.`,
      lines,
      highlight: { nodes: [run.of, out], edges: [], current: out },
      reached: { forward: Infinity, backward: -1 },
    },
  ];
}

/**
 * The lecture's next picture: the slope is not one number for the curve but one at each x. The curve over −|x| − 1
 * … |x| + 1 with its tangent at x, at −x and where it is flat (the bottom of 3x² − 4x + 5, at 2/3), each slope
 * written under its point and said in a sentence for a screen reader.
 */
export function slopesAlong(trace: Trace, run: SlopeRun): string[] {
  const out = trace.graph.output;
  const x = run.of;
  const f = (at: number) => forward(trace.graph, { [x]: at })[out];
  const slopeAt = (at: number) => backprop(trace.graph, { [x]: at }).grads[x] ?? NaN;
  const reach = Math.max(Math.abs(run.at), 1) + 1;
  const [from, to] = [-reach, reach];
  const flat = flatPoints(slopeAt, from, to);
  const xs = [...new Set([run.at, ...(run.at !== 0 ? [-run.at] : []), ...flat])].sort((a, b) => a - b);
  // Where the slope is 0 it is 0: the float noise of the halving (1e-15) would read as a slope.
  const points = xs.map((at) => ({ at, y: f(at), slope: flat.includes(at) ? 0 : slopeAt(at) }));
  if (points.some((p) => !Number.isFinite(p.y) || !Number.isFinite(p.slope))) return [];
  const ys = Array.from({ length: 61 }, (_, k) => f(from + (k * (to - from)) / 60)).filter(Number.isFinite);
  // A piece of tangent a tenth of the window wide each side of its point: long enough to show its tilt.
  const half = (to - from) / 10;
  const curve = plot(
    [{ f, mark: '•' }, ...points.map((p) => ({ f: line(p.at, p.y, p.slope), mark: '·', from: p.at - half, to: p.at + half }))],
    {
      from,
      to,
      rows: 8,
      low: Math.min(...ys),
      high: Math.max(...ys),
      points: points.map((p) => ({ x: p.at, y: p.y, mark: '◆' })),
      notes: points.map((p) => ({ x: p.at, text: num(p.slope) })),
    },
  );
  const said = points.map(
    (p) =>
      `at ${x} = ${num(p.at)} it is ${num(p.slope)}${p.slope === 0 ? ' (flat: the bottom)' : p.slope < 0 ? ' (falling)' : ' (rising)'}`,
  );
  return [...curve, `• ${out}(${x})   · its tangent at ◆   the tangent's slope under it`, `The slope of ${out}: ${said.join(', ')}.`];
}

/** Where the slope crosses 0 between `from` and `to`, found by halving the x where its sign changes. */
function flatPoints(slopeAt: (at: number) => number, from: number, to: number): number[] {
  const found: number[] = [];
  const steps = 60;
  for (let k = 0; k < steps; k++) {
    let [a, b] = [from + ((to - from) * k) / steps, from + ((to - from) * (k + 1)) / steps];
    if (!(Math.sign(slopeAt(a)) * Math.sign(slopeAt(b)) < 0)) continue;
    for (let i = 0; i < 60; i++) {
      const mid = (a + b) / 2;
      if (Math.sign(slopeAt(mid)) === Math.sign(slopeAt(a))) a = mid;
      else b = mid;
    }
    found.push((a + b) / 2);
  }
  return found;
}

/** Ten significant digits: enough for f(x + h) to show its rise at h = 0.001, and no float noise. */
function digits(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(10))) : num(x);
}
