/**
 * Train (`train:` in a scenario: steps, rate, zero_grad): one step per update
 * of the training loop, each with the loss so far as a chart, the params and
 * their gradients, and what the update did; then a summary. The screen is the
 * chart and the table: a drawing of the values before training would
 * contradict them. Tab goes to the last update first, + and - change the
 * training's rate, and z replays the run without zero_grad beside the right one.
 */

import { isScalar } from 'yaml';
import {
  forward,
  nodeMap,
  paramValues,
  train,
  type Data,
  type Graph,
  type TrainingPoint,
  type TrainSettings,
  type Values,
} from '../../engine/index.js';
import { count, MAX_STEPS, MAX_TRAINING_LINES, MAX_TRAINING_WORK } from '../../scenario/limits.js';
import { lossChart, numberLine, numberLineAxis } from '../chart.js';
import { num, operandNum, table } from '../format.js';
import { stepRate } from '../knobs.js';
import type { Step } from '../steps.js';
import { whichLoss, type WhichLoss } from '../which-loss.js';
import type { Entry, PhaseKind, SectionReader } from './kind.js';
import { rateKnob } from './nudge.js';

export const TRAIN_KEYS = ['steps', 'rate', 'zero_grad'] as const;

/** The titles of the steps that make an update, as against the run's summary: Tab goes to the last of them. */
const UPDATE = 'Train: update';

export const training: PhaseKind = {
  phase: 'train',
  label: 'Train',
  chainRule: true,
  key: {
    name: 'train',
    settings: TRAIN_KEYS,
    read: (reader, entry, scenario) => {
      const settings = readTrain(reader, entry, scenario.nudge);
      const size = { rows: scenario.examples?.length ?? 1, nodes: scenario.graph.nodes.length, params: scenario.params.length };
      refuseLongTraining(reader, entry, settings.steps, size);
      scenario.train = settings;
    },
  },
  steps: (lesson, options) => {
    const { scenario, trace, data } = lesson;
    if (!scenario.train) return [];
    lesson.training = runTraining(scenario.graph, paramValues(trace, data.params), data, {
      steps: scenario.train.steps,
      rate: options.rate ?? scenario.train.rate,
      zeroGrad: options.zeroGrad ?? scenario.train.zeroGrad,
    });
    return trainSteps(lesson.training, scenario.graph, data, whichLoss(scenario));
  },
  // The ladder starts from the training's rate, which the scenario may set apart from the nudge's.
  knob: (lesson, direction) => (lesson.training ? { rate: stepRate(lesson.training.run.rate, direction) } : rateKnob(lesson, direction)),
  keys: [
    {
      action: 'zeroGrad',
      keys: ['z'],
      does: 'Train: the run without zero_grad, beside it',
      footer: 'zero_grad',
      // The step count stays, so the learner stays on this update.
      press: (lesson, options) => ({ ...options, zeroGrad: !(options.zeroGrad ?? lesson.scenario.train?.zeroGrad ?? true) }),
    },
  ],
  // Tab inside the phase: first to its last update, where the chart has the whole run; from there on, to the next phase.
  tab: (lesson, from) => {
    const lastUpdate = lesson.steps.findLastIndex((s) => s.phase === 'train' && s.title.startsWith(UPDATE));
    return from < lastUpdate ? lastUpdate : undefined;
  },
  screen: { drawing: 'none' },
};

export interface Training {
  run: TrainSettings;
  /** history[k]: the state after k updates, k = 0 … steps. */
  history: TrainingPoint[];
  /** Without zero_grad: the same training done right, drawn beside it so the learner sees where they part. */
  right?: TrainingPoint[];
}

export function runTraining(graph: Graph, start: Values, data: Data, run: TrainSettings): Training {
  const training: Training = { run, history: train(graph, start, data, run) };
  if (!run.zeroGrad) training.right = train(graph, start, data, { ...run, zeroGrad: true });
  return training;
}

/** The first update after which the loss is NaN or ±∞, if there is one. */
export function blowUp(history: TrainingPoint[]): number | undefined {
  const k = history.findIndex((p) => !Number.isFinite(p.output));
  return k < 0 ? undefined : k;
}

/** The words for a loss that left the numbers: when, from what, and why that happens. */
function blowUpSentence(history: TrainingPoint[], k: number, rate: number): string {
  const what = Number.isNaN(history[k].output) ? 'NaN (not a number)' : num(history[k].output);
  const before = k > 0 ? `; it was ${num(history[k - 1].output)} one update earlier and ${num(history[0].output)} at the start` : '';
  return `The loss is ${what} from update ${k} on${before}. Each update overshot by more than the last until the numbers overflowed: the rate ${num(rate)} is too large for this loss.`;
}

/** How a run went, in a few words a learner can check against the chart (the sentence around it gives first → last). */
export function howItWent(history: TrainingPoint[]): string {
  const k = blowUp(history);
  if (k !== undefined) return `diverged: the loss became ${num(history[k].output)} at update ${k}`;
  const first = history[0].output;
  const last = history[history.length - 1].output;
  const rises = history.slice(1).filter((p, i) => p.output > history[i].output).length;
  if (Math.abs(last - first) <= 1e-3 * Math.max(Math.abs(first), 1e-12)) return 'stalled: the loss barely moved';
  if (last > first) return 'rose: the loss went up';
  if (rises > 0) return `overshot: the loss fell overall, but rose at ${rises} of ${history.length - 1} updates`;
  return 'fell: the loss went down at every update';
}

/**
 * A chart of the loss over the run, points 0 … upTo drawn. With `right` (the
 * run with zero_grad), both series share the axes: `•` right, `×` this run.
 */
export function trainingChart(history: TrainingPoint[], upTo: number, right?: TrainingPoint[]): string[] {
  const own = { values: history.map((p) => p.output), mark: right ? '×' : '•' };
  if (!right) return lossChart([own], { upTo });
  // One plot row fewer than alone: the key and the sentence on why must fit an 80×24 screen with it.
  return [...lossChart([{ values: right.map((p) => p.output), mark: '•' }, own], { upTo, rows: 7 }), ZERO_GRAD_KEY];
}

const ZERO_GRAD_KEY = '• with zero_grad   × without';

/** With examples (`of`), the grads and the loss are summed over them, and each step says so. */
export function trainSteps(training: Training, graph: Graph, data: Data, of?: WhichLoss): Step[] {
  const { run, history } = training;
  const out = graph.output;
  const { params } = data;
  const steps: Step[] = [];
  const highlight = { nodes: [...params, out], edges: [] as [string, string][], current: out };
  const reached = { forward: Infinity, backward: Infinity };
  const broke = blowUp(history);
  for (let k = 1; k <= run.steps; k++) {
    const before = history[k - 1];
    const after = history[k];
    const rows = [
      ['param', 'grad', `update: param += ${num(run.rate)} × grad`],
      ...params.map((p) => [
        p,
        num(before.grads[p]),
        `${p} += ${num(run.rate)} × ${operandNum(before.grads[p])} = ${num(after.params[p])}`,
      ]),
    ];
    // Without zero_grad, what is wrong with the grads comes right under the chart, in a line; then the grads
    // themselves, the point of the lesson, in view at 80×24 (each line fits 80 columns); then why, which may scroll.
    const off = run.zeroGrad
      ? []
      : [
          k === 1
            ? 'zero_grad is off: this first grad is one pass; from update 2 on, grads add up.'
            : `zero_grad is off: each grad is the sum of all ${k} backward passes so far.`,
        ];
    const lines = [...trainingChart(history, k, training.right), ...off, '', ...table(rows)];
    if (broke !== undefined && k === broke) lines.push(blowUpSentence(history, k, run.rate));
    else if (broke !== undefined && k > broke)
      lines.push(`The loss has been ${num(history[broke].output)} since update ${broke}; nothing can bring it back.`);
    if (!run.zeroGrad) lines.push(ZERO_GRAD_WHY);
    steps.push({
      phase: 'train',
      title: `${UPDATE} ${k} of ${run.steps}`,
      text: `Update ${k} of ${run.steps}: forward over the data, ${run.zeroGrad ? 'zero the grads, ' : ''}backward, then every param += ${num(run.rate)} × its grad${of ? ` of the ${of.summed}` : ''}; ${of ? 'that sum' : out} ${num(before.output)} → ${num(after.output)}.`,
      lines,
      highlight,
      reached,
      update: k,
    });
  }
  const first = history[0].output;
  const last = history[run.steps].output;
  const fit = fitOf(graph, data);
  steps.push({
    phase: 'train',
    title: 'Train: summary',
    text: `Training: ${run.steps} updates at rate ${num(run.rate)}${run.zeroGrad ? '' : ' without zero_grad'}; ${of ? of.summed : out} ${num(first)} → ${num(last)}. The run ${howItWent(history)}.`,
    lines: [
      ...trainingChart(history, run.steps, training.right),
      // The predictions against the targets straight under the chart: with it, what a learner looks for at 80×24.
      ...(fit ? predictionLines(fit, history[0].params, history[run.steps].params) : ['']),
      ...table([['param', 'start', 'end'], ...params.map((p) => [p, num(history[0].params[p]), num(history[run.steps].params[p])])]),
      'Only the params moved; the data stayed as they were.',
    ],
    highlight,
    reached,
    update: run.steps,
  });
  return steps;
}

/** A loss that is a squared error, (prediction − target)², over rows of data that set the target. */
interface Fit {
  graph: Graph;
  prediction: string;
  target: string;
  rows: Values[];
}

/**
 * The prediction and the target where the loss is `(p - y) ^ 2` and y is set by the examples: the lecture's
 * payoff is the four predictions against the targets [1, −1, −1, 1], before and after training.
 */
function fitOf(graph: Graph, data: Data): Fit | undefined {
  const byName = nodeMap(graph);
  const loss = byName.get(graph.output);
  if (loss?.op !== '^' || byName.get(loss.inputs[1])?.value !== 2) return undefined;
  const error = byName.get(loss.inputs[0]);
  if (error?.op !== '-') return undefined;
  const [prediction, target] = error.inputs;
  if (data.rows.length < 2 || !data.rows.every((row) => Object.hasOwn(row, target))) return undefined;
  return { graph, prediction, target, rows: data.rows };
}

/** The strip's columns: wide enough to tell 0.9 from 1 on −1 … 1, narrow enough beside the table at 80. */
const STRIP = 21;

/**
 * The table of each example's prediction before and after, and beside each row the same on one number line:
 * ○ before, ● after, ◆ the target, so the learner sees every prediction move onto its target.
 */
function predictionLines(fit: Fit, before: Values, after: Values): string[] {
  const { graph, prediction: p, target: y, rows } = fit;
  const at = (params: Values, row: Values) => forward(graph, { ...params, ...row })[p];
  const points = rows.map((row) => ({ target: row[y], before: at(before, row), after: at(after, row) }));
  const all = points.flatMap((q) => [q.target, q.before, q.after]).filter(Number.isFinite);
  const [low, high] = [Math.min(...all), Math.max(...all)];
  const strip = (q: (typeof points)[number]) =>
    numberLine(
      [
        { x: q.target, mark: '◆' },
        { x: q.before, mark: '○' },
        { x: q.after, mark: '●' },
      ],
      low,
      high,
      STRIP,
    );
  return [
    `Each example's ${p} against its target ${y} (○ before training, ● after, ◆ ${y}):`,
    ...table([
      ['example', y, `${p} before`, `${p} after`, numberLineAxis(low, high, STRIP)],
      ...points.map((q, k) => [String(k + 1), num(q.target), num(q.before), num(q.after), strip(q)]),
    ]),
    '',
  ];
}

/** Two runs from the same start: with zero_grad, as it should be, and without, as the bug does it. */
export interface ZeroGradComparison {
  right: number[];
  forgot: number[];
  /** Both series in one chart: `•` with zero_grad, `×` without. */
  chart: string[];
  why: string;
}

export const ZERO_GRAD_WHY =
  "Without zero_grad each backward pass adds its gradient to what the last one left (the same += that sums paths), so every update pushes with the sum of all gradients so far, long after the loss turned; micrograd's p.grad = 0.0 and PyTorch's optimizer.zero_grad() clear them before each backward.";

export function compareZeroGrad(graph: Graph, start: Values, data: Data, run: TrainSettings): ZeroGradComparison {
  const right = train(graph, start, data, { ...run, zeroGrad: true }).map((p) => p.output);
  const forgot = train(graph, start, data, { ...run, zeroGrad: false }).map((p) => p.output);
  const chart = lossChart(
    [
      { values: right, mark: '•' },
      { values: forgot, mark: '×' },
    ],
    {},
  );
  return { right, forgot, chart: [...chart, ZERO_GRAD_KEY], why: ZERO_GRAD_WHY };
}

/**
 * Updates × rows × nodes, or updates × params, past what the tutor works
 * through in a couple of seconds: at the `train` key. (A graph without
 * examples is one row.)
 */
function refuseLongTraining(
  reader: SectionReader,
  entry: Entry,
  steps: number,
  size: { rows: number; nodes: number; params: number },
): void {
  const { rows, nodes, params } = size;
  const work = steps * rows * nodes;
  if (work > MAX_TRAINING_WORK) {
    const over = rows > 1 ? `${count(rows)} rows of the graph's ${count(nodes)} nodes` : `the graph's ${count(nodes)} nodes`;
    reader.fail(
      entry.key,
      `\`train\` runs ${count(steps)} updates, each forward and backward through ${over}: ${count(work)} node steps, more than the ${count(MAX_TRAINING_WORK)} the tutor works through in a couple of seconds`,
      `give at most ${count(Math.floor(MAX_TRAINING_WORK / (rows * nodes)))} steps here, or ${rows > 1 ? 'fewer rows or ' : ''}a smaller graph`,
    );
  }
  const lines = steps * params;
  if (lines > MAX_TRAINING_LINES)
    reader.fail(
      entry.key,
      `\`train\` runs ${count(steps)} updates, each a step of the lesson that lists the ${count(params)} params: ${count(lines)} lines, more than the ${count(MAX_TRAINING_LINES)} the tutor writes in a couple of seconds`,
      `give at most ${count(Math.floor(MAX_TRAINING_LINES / params))} steps here, or list fewer inputs under \`params\``,
    );
}

function readTrain(reader: SectionReader, entry: Entry, nudge: number): TrainSettings {
  const train: TrainSettings = { steps: 0, rate: nudge, zeroGrad: true };
  let steps = false;
  for (const { name: known, value: given } of reader.settings(entry, TRAIN_KEYS, EXAMPLES, 'steps: 20')) {
    if (known === 'steps') {
      const n = reader.finiteNumber(given, '`steps`');
      if (!Number.isInteger(n) || n < 1)
        reader.fail(
          given,
          `\`steps\` is ${reader.sourceOf(given)}, not a positive whole number`,
          'give the number of updates, e.g. `steps: 20`',
        );
      if (n > MAX_STEPS)
        reader.fail(
          given,
          `\`steps\` is ${reader.sourceOf(given)}, more than ${MAX_STEPS}`,
          `give at most ${MAX_STEPS} updates; a lesson steps through each one`,
        );
      train.steps = n;
      steps = true;
    } else if (known === 'rate') {
      train.rate = reader.finiteNumber(given, '`rate`');
    } else {
      if (!isScalar(given) || typeof given.value !== 'boolean') {
        reader.fail(
          given,
          `\`zero_grad\` must be true or false, not \`${reader.sourceOf(given)}\``,
          'write `zero_grad: true` (the default) or `zero_grad: false` to replay the forgotten zero_grad',
        );
      }
      train.zeroGrad = given.value;
    }
  }
  if (!steps)
    reader.fail(
      entry.key,
      '`train` does not say how many `steps`',
      'add `steps: 20` (or another number of updates) indented below `train:`',
    );
  return train;
}

const EXAMPLES: Record<(typeof TRAIN_KEYS)[number], string> = { steps: 'steps: 20', rate: 'rate: -0.05', zero_grad: 'zero_grad: true' };
