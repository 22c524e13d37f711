/**
 * The Train phase as lesson data: one step per update of the training loop,
 * each with the loss so far as a chart, the params and their gradients, and
 * what the update did; then a summary. Also the zero_grad comparison the
 * shell shows beside the right run.
 */

import { train, type Data, type Graph, type TrainingPoint, type TrainingRun, type Values } from '../engine/index.js';
import { lossChart } from './chart.js';
import { num, operandNum, table } from './format.js';
import type { Step } from './steps.js';
import type { WhichLoss } from './which-loss.js';

export interface Training {
  run: TrainingRun;
  /** history[k]: the state after k updates, k = 0 … steps. */
  history: TrainingPoint[];
  /** Without zero_grad: the same training done right, drawn beside it so the learner sees where they part. */
  right?: TrainingPoint[];
}

export function runTraining(graph: Graph, start: Values, data: Data, run: TrainingRun): Training {
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

/** How a run went, in a few words a learner can check against the chart. */
export function howItWent(history: TrainingPoint[]): string {
  const k = blowUp(history);
  if (k !== undefined) return `diverged: the loss became ${num(history[k].output)} at update ${k}`;
  const first = history[0].output;
  const last = history[history.length - 1].output;
  const rises = history.slice(1).filter((p, i) => p.output > history[i].output).length;
  if (Math.abs(last - first) <= 1e-3 * Math.max(Math.abs(first), 1e-12)) return 'stalled: the loss barely moved';
  if (last > first) return `rose: the loss went up from ${num(first)} to ${num(last)}`;
  if (rises > 0)
    return `overshot: the loss fell from ${num(first)} to ${num(last)} overall, but rose at ${rises} of ${history.length - 1} updates`;
  return `fell: the loss went down at every update, from ${num(first)} to ${num(last)}`;
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
export function trainSteps(training: Training, out: string, params: string[], of?: WhichLoss): Step[] {
  const { run, history } = training;
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
    // Without zero_grad, why the loss goes wrong comes right under the chart: the table can scroll, the reason should not.
    const why = run.zeroGrad
      ? []
      : [
          k === 1
            ? 'zero_grad is off: this first grad is one pass alone; from the next update on, the grads add up.'
            : `zero_grad is off: each grad is the sum of all ${k} backward passes so far, not this one's alone.`,
          ZERO_GRAD_WHY,
        ];
    const lines = [...trainingChart(history, k, training.right), ...why, '', ...table(rows)];
    if (broke !== undefined && k === broke) lines.push(blowUpSentence(history, k, run.rate));
    else if (broke !== undefined && k > broke)
      lines.push(`The loss has been ${num(history[broke].output)} since update ${broke}; nothing can bring it back.`);
    steps.push({
      phase: 'train',
      title: `Train: update ${k} of ${run.steps}`,
      text: `Update ${k} of ${run.steps}: forward over the data, ${run.zeroGrad ? 'zero the grads, ' : ''}backward, then every param += ${num(run.rate)} × its grad${of ? ` of the ${of.summed}` : ''}; ${of ? 'that sum' : out} ${num(before.output)} → ${num(after.output)}.`,
      lines,
      highlight,
      reached,
      update: k,
    });
  }
  const first = history[0].output;
  const last = history[run.steps].output;
  steps.push({
    phase: 'train',
    title: 'Train: summary',
    text: `Training: ${run.steps} updates at rate ${num(run.rate)}${run.zeroGrad ? '' : ' without zero_grad'}; ${of ? of.summed : out} ${num(first)} → ${num(last)}. The run ${howItWent(history)}.`,
    lines: [
      ...trainingChart(history, run.steps, training.right),
      '',
      ...table([['param', 'start', 'end'], ...params.map((p) => [p, num(history[0].params[p]), num(history[run.steps].params[p])])]),
      'Only the params moved; the data stayed as they were.',
    ],
    highlight,
    reached,
    update: run.steps,
  });
  return steps;
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

export function compareZeroGrad(graph: Graph, start: Values, data: Data, run: TrainingRun): ZeroGradComparison {
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
