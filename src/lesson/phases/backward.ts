/**
 * Seed and backward: the seed (the output's gradient of itself, 1), then one
 * step per edge from right to left, each the chain rule at three levels
 * (upstream × local) with the running sum where a node has several paths.
 * With examples, each further example's pass after the first, its gradients
 * added (+=) to each param's. In predict mode each edge asks about one part
 * of the chain rule in turn.
 */
import {
  backprop,
  edgesInto,
  isLeaf,
  nodeMap,
  opRow,
  withValues,
  type OpRow,
  type Contribution,
  type Data,
  type GraphNode,
  type Trace,
  type Values,
} from '../../engine/index.js';
import type { Scenario } from '../../scenario/types.js';
import { asOperand, num, operandNum, partial, table } from '../format.js';
import { localQuestion, questionFor, sayWhichLoss, upstreamQuestion, type Question } from '../quiz.js';
import { once, type Highlight, type Lesson, type Reached, type Step } from '../steps.js';
import { whichLoss, type WhichLoss } from '../which-loss.js';
import type { PhaseKind } from './kind.js';
import { line, plot } from '../plot.js';

export const backward: PhaseKind = {
  phase: 'backward',
  alsoNamed: ['seed'],
  label: 'Backward',
  chainRule: true,
  steps: ({ scenario, trace, data }) => {
    const of = whichLoss(scenario);
    return [seedStep(trace, of), ...backwardSteps(trace, of), ...exampleSteps(scenario, data, of)];
  },
  question: edgeQuestion,
  // The seed is no question: the output's gradient of itself is 1 by definition.
  footnotes: ({ trace }, situation, step) =>
    situation.predict && step.phase === 'seed' ? [`(${partial(trace.graph.output, trace.graph.output)} needs no prediction.)`] : [],
};

function seedStep(trace: Trace, of: WhichLoss | undefined): Step {
  const out = trace.graph.output;
  return {
    phase: 'seed',
    title: `Seed: ${partial(out, out)} = 1`,
    text: `${partial(out, out)} = 1: a nudge to ${out} moves ${out} by exactly as much. Every other gradient starts at 0, not reached yet.`,
    lines: [
      `On the boxes, g · means "not reached yet": no edge has brought that node anything so far. Only ${out}'s box shows g 1.`,
      `The backward pass now visits the edges from right to left. Each edge, from a node back to one of its operands, multiplies the upstream gradient (the node's own) by the local derivative (how the node moves with that operand).`,
      ...(of
        ? [`This pass is the first example's: every gradient it finds is of ${of.first}. The other examples' passes come after it.`]
        : []),
    ],
    highlight: { nodes: [out], edges: [], current: out },
    reached: { forward: Infinity, backward: 0 },
  };
}

/**
 * "1 (via c) + 1 (direct)": every path into an operand so far, by the node it
 * came through. A node used hundreds of times shows its first and last paths;
 * listing all of them at every step would grow with the square of the graph.
 */
function ledger(out: string, into: Contribution[], count: number, byName: ReadonlyMap<string, GraphNode>): string {
  // b + b reaches b along both its operands: say which, or the two paths read the same.
  const side = (c: Contribution) => {
    const inputs = byName.get(c.node)?.inputs ?? [];
    return inputs.indexOf(c.operand) !== inputs.lastIndexOf(c.operand) ? (c.slot === 0 ? ', left' : ', right') : '';
  };
  const term = (c: Contribution, i: number) =>
    `${i === 0 ? num(c.contribution) : operandNum(c.contribution)} (${c.node === out ? 'direct' : `via ${c.node}`}${side(c)})`;
  if (count <= 6) return into.slice(0, count).map(term).join(' + ');
  const hidden = count - 4;
  return [...into.slice(0, 2).map(term), `… ${hidden} more paths …`, ...into.slice(count - 2, count).map((c, i) => term(c, i + 1))].join(
    ' + ',
  );
}

function backwardSteps(trace: Trace, of: WhichLoss | undefined): Step[] {
  const { graph, contributions } = trace;
  const byName = nodeMap(graph);
  const into = edgesInto(trace);
  // Once, not per edge: per edge it made the backward steps quadratic (2,500 terms of x ^ 0.5 at 0: 13 s).
  const valuesFinite = once(() => Object.values(trace.values).every(Number.isFinite));
  const context: BackwardContext = { trace, byName, into, valuesFinite, of };
  return contributions.map((c, k) => new BackwardStep(context, c, k + 1));
}

/** A backward edge's step, made from its contribution when read, as a forward step is from its node. */
class BackwardStep implements Step {
  readonly phase = 'backward';
  constructor(
    private readonly context: BackwardContext,
    readonly contribution: Contribution,
    /** How many backward edges have run once this one has. */
    private readonly ran: number,
  ) {}

  get title(): string {
    return `Backward: ${this.contribution.node} → ${this.contribution.operand}`;
  }

  get text(): string {
    return this.words().text;
  }

  get lines(): string[] {
    return this.words().lines;
  }

  get highlight(): Highlight {
    const { node, operand } = this.contribution;
    return { nodes: [node, operand], edges: [[operand, node]], current: operand };
  }

  get reached(): Reached {
    return { forward: Infinity, backward: this.ran };
  }

  /** The last edge's words are kept: its text and lines are read together. */
  private words(): { text: string; lines: string[] } {
    const { context, contribution } = this;
    if (context.last?.c !== contribution) context.last = { c: contribution, words: backwardWords(context, contribution) };
    return context.last.words;
  }
}

interface BackwardContext {
  trace: Trace;
  byName: ReadonlyMap<string, GraphNode>;
  into: Map<string, Contribution[]>;
  valuesFinite: () => boolean;
  /** With examples: which loss the pass's gradients are of. */
  of: WhichLoss | undefined;
  last?: { c: Contribution; words: { text: string; lines: string[] } };
}

/** A backward edge in words: the step's line, and the chain rule at three levels with its running sum. */
function backwardWords({ trace, byName, into, valuesFinite, of }: BackwardContext, c: Contribution): { text: string; lines: string[] } {
  const { values } = trace;
  const out = trace.graph.output;
  const node = byName.get(c.node)!;
  const row = opRow(node.op);
  const names = node.inputs.map(asOperand);
  const rule = row.writeLocal(c.slot, names, asOperand(c.node));
  // Where an operand has several paths, each edge adds to its gradient: say += as the code does.
  const assign = c.paths > 1 ? '+=' : '=';
  const ruleValue = rule === num(c.local) ? rule : `${rule} = ${num(c.local)}`;
  const upstream = partial(out, c.node);
  const local = partial(c.node, c.operand);
  const numbers = `${operandNum(c.upstream)} · ${operandNum(c.local)}`;
  // From the output itself the upstream is the seed: written as ∂z/∂z · ∂z/∂c, the chain rule would define ∂z/∂c by itself.
  const fromOutput = c.node === out;
  const lines = [
    `upstream: ${upstream} = ${num(c.upstream)}   (${fromOutput ? `the seed: ${out} is the output` : 'complete: all its paths are in'})`,
    `local:    ${local} = ${ruleValue}   (${c.node} = ${row.write(names)})`,
    `symbols:  ${partial(out, c.operand)} ${assign} ${fromOutput ? 'upstream · local' : `${upstream} · ${local}`}`,
    // Numbers and result on one line: four lines under the title keep the drawing on a 60×16 screen.
    `result:   ${numbers} = ${num(c.contribution)}${c.paths > 1 ? ' (this path)' : ''}`,
  ];
  if (c.paths > 1) {
    const sum = `${partial(out, c.operand)} = ${ledger(out, into.get(c.operand)!, c.path, byName)}`;
    lines.push(
      c.path < c.paths
        ? `running sum: ${sum} so far — ${c.operand} reaches ${out} along ${c.paths} paths; ${c.paths - c.path} still to come.`
        : `running sum: ${sum} = ${num(c.sumAfter)} — every path adds (+=), none overwrites.`,
    );
  }
  const operandNode = byName.get(c.operand)!;
  if (operandNode.note && c.path === c.paths && isLeaf(operandNode)) lines.push(operandNode.note);
  if (!Number.isFinite(c.local) && valuesFinite()) {
    // Name the values that matter: the variable operands, not the literals.
    const at = node.inputs.filter((name) => byName.get(name)?.op !== 'const').map((name) => `${name} = ${num(values[name])}`);
    lines.push(`The local derivative is ${num(c.local)}: ${rule} has no real value at ${[...new Set(at)].join(', ')}.`);
  }
  // A function of one number (tanh, exp, …): its curve, and the local derivative as the slope of its tangent there.
  if ('function' in row.parse && Number.isFinite(c.local)) lines.push('', ...slopePicture(row, c, values));
  return {
    text: `upstream ${upstream} = ${num(c.upstream)}, local ${local} = ${num(c.local)}, so ${partial(out, c.operand)} ${assign} ${numbers} = ${num(c.contribution)}${of ? ` (${of.first})` : ''}`,
    lines,
  };
}

/**
 * After the first row's backward pass, each further example's: its gradients
 * add to each param's, the same += that sums paths, now across examples.
 */
function exampleSteps(scenario: Scenario, data: Data, of: WhichLoss | undefined): Step[] {
  if (!of) return []; // one row: no further example
  const { graph } = scenario;
  const out = graph.output;
  const sums: Values = {};
  const perRow = data.rows.map((row) => backprop(withValues(graph, row)).grads);
  for (const p of data.params) sums[p] = perRow[0][p] ?? 0;
  return data.rows.slice(1).map((row, i) => {
    const k = i + 2;
    const grads = perRow[i + 1];
    const cells = data.params.map((p) => {
      const before = sums[p];
      sums[p] = before + (grads[p] ?? 0);
      return [p, num(before), `+= ${num(grads[p])}`, num(sums[p])];
    });
    const rowText = Object.entries(row)
      .map(([name, value]) => `${name} = ${num(value)}`)
      .join(', ');
    return {
      phase: 'backward' as const,
      title: `Backward: example ${k} of ${data.rows.length}`,
      text: `Example ${k} of ${data.rows.length} (${rowText}): its own forward and backward pass, and each param's gradient += this example's. What started as the gradient of ${of.first} ends as that of the ${of.summed}.`,
      lines: [
        ...table([['param', `sum so far`, `example ${k}`, `sum over ${k}`], ...cells]),
        `${out} is summed over the examples, so its gradient is the sum of theirs: the same += as paths into one node.`,
      ],
      highlight: { nodes: [...data.params], edges: [] },
      reached: { forward: Infinity, backward: Infinity },
    };
  });
}

/**
 * The op's curve around the operand's value, with the tangent there: the local derivative is its slope, as
 * the lecture draws tanh. The window is five wide around the value; the rows follow the curve.
 */
function slopePicture(row: OpRow, c: Contribution, values: Values): string[] {
  const x0 = values[c.operand];
  const y0 = values[c.node];
  const f = (x: number) => row.forward([x]);
  const from = x0 - 2.5;
  const to = x0 + 2.5;
  const ys = Array.from({ length: 51 }, (_, k) => f(from + k / 10)).filter(Number.isFinite);
  const name = row.write([c.operand]);
  return [
    ...plot(
      [
        { f, mark: '•' },
        { f: line(x0, y0, c.local), mark: '·' },
      ],
      // Seven rows and a key of one line: with the upstream and local lines, the whole picture in an 80×24 screen's text.
      { from, to, rows: 7, low: Math.min(...ys), high: Math.max(...ys), points: [{ x: x0, y: y0, mark: '◆' }] },
    ),
    `• ${name}   · its tangent at ◆, ${c.operand} = ${num(x0)}: slope ${num(c.local)}, the local derivative`,
  ];
}

/** Per step: which part of the chain rule a plain backward edge asks (0 local, 1 result, 2 upstream), or -1. Worked out once per lesson. */
const turnsOf = new WeakMap<Lesson, Int8Array>();

function turnsIn(lesson: Lesson): Int8Array {
  let turns = turnsOf.get(lesson);
  if (!turns) {
    turns = new Int8Array(lesson.steps.length).fill(-1);
    let edge = 0;
    lesson.steps.forEach((step, i) => {
      const c = step.contribution;
      if (c && finiteEdge(c) && c.path <= 1) turns![i] = edge++ % 3;
    });
    turnsOf.set(lesson, turns);
  }
  return turns;
}

const finiteEdge = (c: Contribution) => Number.isFinite(c.local) && Number.isFinite(c.upstream);

/**
 * A backward edge's question: a running sum wherever a node is reached along
 * a second path, and elsewhere the local derivative, the edge's result and
 * the upstream gradient in turn, so a lesson asks about each part of the
 * chain rule without three questions per edge. None where the answer is not finite.
 */
function edgeQuestion(lesson: Lesson, i: number): Question | undefined {
  const c = lesson.steps[i].contribution;
  if (!c || !finiteEdge(c)) return undefined;
  const { trace } = lesson;
  const out = trace.graph.output;
  const turn = turnsIn(lesson)[i];
  // The upstream of an edge from the output is the seed itself: the result is asked there instead.
  const question =
    c.path <= 1 && turn === 0
      ? localQuestion(c, trace, i)
      : c.path <= 1 && turn === 2 && c.node !== out
        ? upstreamQuestion(c, trace, i)
        : questionFor(c, out, i, trace);
  return { ...question, prompt: sayWhichLoss(question.prompt, question.kind, whichLoss(lesson.scenario)) };
}
