import {
  backprop,
  backpropInOrder,
  earlyOrder,
  edgesInto,
  forward,
  isLeaf,
  paramValues,
  withValues,
  nodeMap,
  nudge as runNudge,
  numericCheck,
  opRow,
  DEFAULT_H,
  type Contribution,
  type Data,
  type Estimate,
  type Grads,
  type GraphNode,
  type Nudge,
  type Trace,
  type Values,
} from '../engine/index.js';
import type { Scenario } from '../scenario/types.js';
import { literalOf } from '../scenario/labels.js';
import { num, operandNum, partial, signed, table, asOperand } from './format.js';
import { runTraining, trainSteps, type Training } from './train.js';
import { whichLoss, type WhichLoss } from './which-loss.js';

export type Phase = 'overview' | 'forward' | 'slope' | 'seed' | 'backward' | 'wrong-order' | 'check' | 'nudge' | 'train' | 'summary';

import type { GraphState, Highlight } from '../engine/graph.js';
export type { GraphState, Highlight };

export interface Step {
  phase: Phase;
  /** A few words for the step's heading: "Forward: c", "Backward: c → a". */
  title: string;
  /** The step in one line, as `show` prints it and a screen reader reads it. */
  text: string;
  /** Further lines: the chain rule at three levels, a running sum, a table. */
  lines: string[];
  highlight: Highlight;
  /**
   * How far the passes have got at this step: how many operations the forward
   * pass has computed, and how many backward edges have run (-1: not even the
   * seed yet). `shownAt` turns this into the numbers the drawing shows; a
   * count, not a copy, so a long lesson stays linear in size.
   */
  reached: Reached;
  /** The backward edge this step runs, for views that lay the chain rule out themselves. */
  contribution?: Contribution;
  /** A Train step: how many updates have been made once it has run (index into `lesson.training.history`). */
  update?: number;
}

export interface Reached {
  forward: number;
  backward: number;
  /**
   * The Wrong order phase: how many of the replay's edges have run, whose
   * gradients are shown instead of the real pass's (Infinity: the replay is
   * over, every gradient as it left them). A count, as `backward` is.
   */
  replay?: { run: WrongOrder; ran: number };
}

/** What the drawing shows at a step: the values computed so far and the gradients as they stand. */
export interface Lesson {
  scenario: Scenario;
  /** The forward and backward pass over the first example row (the graph's own values without examples). */
  trace: Trace;
  check: Estimate[];
  h: number;
  /** What moves (the params) and the rows of data the nudge and training sum over. */
  data: Data;
  /** With examples: each row's output at the starting params. */
  examples?: { inputs: Values; output: number }[];
  nudge: Nudge;
  /** With `train:` in the scenario: the run the Train phase steps through. */
  training?: Training;
  /** With `slope:`: the output at each nudge of one input, and the exact slope beside them. */
  slope?: SlopeRun;
  /** With `wrong_order:`: the backward pass out of topological order, and the gradients it leaves. */
  wrongOrder?: WrongOrder;
  steps: Step[];
}

export interface SlopeRun {
  of: string;
  at: number;
  value: number;
  /** The exact derivative, as the backward pass finds it. */
  exact: number;
  rows: { h: number; value: number; rise: number; ratio: number }[];
}

export interface WrongOrder {
  /** The node that passes its gradient on before all its paths have arrived. */
  early: string;
  contributions: Contribution[];
  grads: Grads;
}

export interface LessonOptions {
  /** Overrides the learning rate: the nudge's and the training's. */
  rate?: number;
  /** The numeric check's step. */
  h?: number;
  /** Overrides the scenario's zero_grad: false replays training without zeroing the gradients. */
  zeroGrad?: boolean;
}

export function buildLesson(scenario: Scenario, options: LessonOptions = {}): Lesson {
  const rows = scenario.examples ?? [{}];
  const data: Data = { params: scenario.params, rows };
  const trace = backprop(withValues(scenario.graph, rows[0]));
  const h = options.h ?? DEFAULT_H;
  // Two forward passes per checked input: worked out when the check's step is first shown (or printed), not up front.
  const check = once(() => numericCheck(trace, h));
  const nudge = runNudge(trace, options.rate ?? scenario.nudge, data);
  const training = scenario.train
    ? runTraining(scenario.graph, paramValues(trace, data.params), data, {
        steps: scenario.train.steps,
        rate: options.rate ?? scenario.train.rate,
        zeroGrad: options.zeroGrad ?? scenario.train.zeroGrad,
      })
    : undefined;
  const slope = scenario.slope ? slopeRun(trace, scenario.slope.of, scenario.slope.h) : undefined;
  // A slope lesson comes before any chain rule: it ends after the slope unless the file asks for the backward pass.
  const chainRule = scenario.slope?.backward ?? true;
  const wrongOrder = scenario.wrongOrder && chainRule ? wrongOrderRun(trace, scenario.wrongOrder) : undefined;
  const of = whichLoss(scenario);
  const steps = [
    overviewStep(scenario, trace, of),
    ...forwardSteps(trace),
    ...(slope ? slopeSteps(trace, slope) : []),
    ...(chainRule
      ? [
          seedStep(trace, of),
          ...backwardSteps(trace, of),
          ...(wrongOrder ? wrongOrderSteps(trace, wrongOrder, of) : []),
          ...exampleSteps(scenario, data, of),
          checkStep(trace, check, h, of),
          nudgeStep(trace, nudge, of),
          ...(training ? trainSteps(training, scenario.graph.output, data.params, of) : []),
        ]
      : []),
    summaryStep(scenario, trace, chainRule ? undefined : slope, of && { of, nudge }),
  ];
  const lesson = { scenario, trace, h, data, nudge, steps } as Omit<Lesson, 'check'> as Lesson;
  if (slope) lesson.slope = slope;
  if (wrongOrder) lesson.wrongOrder = wrongOrder;
  Object.defineProperty(lesson, 'check', { get: check, enumerable: true });
  if (scenario.examples) {
    lesson.examples = scenario.examples.map((row) => ({
      inputs: row,
      output: backprop(withValues(scenario.graph, row)).values[scenario.graph.output],
    }));
  }
  if (training) lesson.training = training;
  return lesson;
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

/** The values and gradients the drawing shows once the passes have got as far as `reached`. */
export function shownAt(trace: Trace, reached: Reached): GraphState {
  const values: Partial<Values> = {};
  let computed = 0;
  for (const node of trace.graph.nodes) {
    const known = isLeaf(node) || computed++ < reached.forward;
    if (known) values[node.name] = trace.values[node.name];
  }
  const out = trace.graph.output;
  if (reached.replay) {
    const { run, ran } = reached.replay;
    return { values, grads: ran === Infinity ? { ...run.grads } : gradsAfter(run.contributions, ran, out) };
  }
  if (reached.backward < 0) return { values, grads: {} };
  if (reached.backward >= trace.contributions.length) return { values, grads: { ...trace.grads } };
  return { values, grads: gradsAfter(trace.contributions, reached.backward, out) };
}

/** The gradients once the first `ran` edges of a backward pass have run: the seed, and each operand's sum so far. */
function gradsAfter(contributions: Contribution[], ran: number, out: string): Partial<Values> {
  const grads: Partial<Values> = { [out]: 1 };
  for (let k = 0; k < ran; k++) grads[contributions[k].operand] = contributions[k].sumAfter;
  return grads;
}

/**
 * A description as the lines a view wraps to its width. Written as a YAML
 * block (`|`), it carries the author's line breaks, which a narrower window
 * would turn into ragged half-lines: lines join into paragraphs, which a
 * blank line separates, and a line starting a list item (`- `, `* `) stays.
 */
export function paragraphs(text: string): string[] {
  const out: string[] = [];
  let open = false;
  for (const raw of text.trim().split('\n')) {
    const line = raw.trim();
    if (line === '') {
      open = false;
    } else if (open && !/^[-*] /.test(line)) {
      out[out.length - 1] += ` ${line}`;
    } else {
      out.push(line);
      open = true;
    }
  }
  return out;
}

/**
 * A list as the overview says it: whole up to a dozen, else its first six and
 * last two around how many are left out. The MLP has 44 definitions and 45
 * inputs, and a large graph tens of thousands: all of them were a wall of text
 * before the first step.
 */
function fewOf(items: string[]): string {
  if (items.length <= 12) return items.join(', ');
  return [...items.slice(0, 6), `… ${items.length - 8} more`, ...items.slice(-2)].join(', ');
}

/** An expression the overview quotes, cut past this many characters: a sum of 50,000 terms is a megabyte of text. */
const EXPRESSION_SHOWN = 120;

function cutText(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function overviewStep(scenario: Scenario, trace: Trace, of: WhichLoss | undefined): Step {
  const { graph, values } = trace;
  const params = new Set(scenario.params); // includes() per input was quadratic: 3 s at 100,000 nodes
  const data = graph.inputs.filter((name) => !params.has(name));
  const roles =
    data.length === 0
      ? []
      : [
          `Params (what the nudge ${scenario.train ? 'and training move' : 'moves'}): ${fewOf(scenario.params)}. Data (never moved): ${fewOf(data)}.`,
        ];
  const rows = scenario.examples
    ? [
        `The data come in ${scenario.examples.length} examples; the forward and backward pass step through the first, and ${graph.output} is summed over all of them.`,
      ]
    : [];
  const inputs = fewOf(graph.inputs.map((name) => `${name} = ${num(values[name])}`));
  const named = graph.nodes.filter((n) => !n.generated && !isLeaf(n));
  const definitions = named.map((n) => `${n.name} = ${cutText(scenario.expressions[n.name] ?? '', EXPRESSION_SHOWN)}`);
  return {
    phase: 'overview',
    title: 'Overview',
    // A title that is the graph already (b = a + a) is not said twice.
    text: `${scenario.title === definitions.join(', ') ? scenario.title : `${scenario.title}: ${fewOf(definitions)}`}, with ${inputs}.`,
    lines: [
      ...paragraphs(scenario.description ?? ''),
      ...roles,
      ...rows,
      ...(scenario.slope && !scenario.slope.backward
        ? [`The values flow left to right to ${graph.output}. Each box shows a node's value (v); · marks one not worked out yet.`]
        : [
            `Forward, the values flow left to right to ${graph.output}; backward, the gradients flow right to left.`,
            `Each box shows a node's value (v) and its gradient (g)${of ? ` of ${of.first}` : ''}; · marks one not worked out yet.`,
          ]),
    ],
    highlight: { nodes: [...graph.inputs], edges: [] },
    reached: { forward: 0, backward: -1 },
  };
}

/** Where a value leaves the real numbers, say so at the node where it happens. */
function leftTheReals(node: GraphNode, values: Values): string[] {
  const value = values[node.name];
  const operandsFinite = node.inputs.every((name) => Number.isFinite(values[name]));
  if (Number.isFinite(value) || !operandsFinite) return [];
  return [
    `${node.name} is ${num(value)}: ${opRow(node.op).write(node.inputs.map(asOperand))} leaves the real numbers here, and every node that uses it inherits that.`,
  ];
}

/**
 * A forward step, made from its node when read: a lesson has one per
 * operation, and 100,000 object literals with their words, arrays and
 * getters held over a hundred megabytes; these hold three references.
 */
class ForwardStep implements Step {
  readonly phase = 'forward';
  constructor(
    private readonly node: GraphNode,
    private readonly values: Values,
    /** How many operations the forward pass has computed once this step has run. */
    private readonly computed: number,
  ) {}

  get title(): string {
    return `Forward: ${this.node.name}`;
  }

  get text(): string {
    const { node, values } = this;
    const row = opRow(node.op);
    const symbols = row.write(node.inputs.map(asOperand));
    const numbers = row.write(node.inputs.map((name) => operandNum(values[name])));
    // A generated node's name is its expression already: don't say it twice.
    const lhs = node.generated ? symbols : `${node.name} = ${symbols}`;
    return `${lhs} = ${numbers} = ${num(values[node.name])}`;
  }

  get lines(): string[] {
    return [...leftTheReals(this.node, this.values), ...(this.node.note ? [this.node.note] : [])];
  }

  get highlight(): Highlight {
    const { name, inputs } = this.node;
    return { nodes: [name, ...inputs], edges: inputs.map((from): [string, string] => [from, name]), current: name };
  }

  get reached(): Reached {
    return { forward: this.computed, backward: -1 };
  }
}

function forwardSteps(trace: Trace): Step[] {
  const steps: Step[] = [];
  for (const node of trace.graph.nodes) if (!isLeaf(node)) steps.push(new ForwardStep(node, trace.values, steps.length + 1));
  return steps;
}

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
  return {
    text: `upstream ${upstream} = ${num(c.upstream)}, local ${local} = ${num(c.local)}, so ${partial(out, c.operand)} ${assign} ${numbers} = ${num(c.contribution)}${of ? ` (${of.first})` : ''}`,
    lines,
  };
}

/** `make` run on the first call only; later calls give the same value. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

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

/**
 * With examples, the summary gives both gradients of each param: the first
 * example's, which the backward pass found, and the summed one the nudge moved it by.
 */
function summaryStep(scenario: Scenario, trace: Trace, slope?: SlopeRun, examples?: { of: WhichLoss; nudge: Nudge }): Step {
  const out = trace.graph.output;
  const next = whatComesNext(scenario);
  if (slope) {
    const x = slope.of;
    const note = nodeMap(trace.graph).get(x)?.note;
    return {
      phase: 'summary',
      title: 'Summary',
      text: `Summary: the slope of ${out} at ${x} = ${num(slope.at)} is ${num(slope.exact)}, the derivative d${out}/d${x}; the nudges got closer to it as h shrank.`,
      lines: [
        `rise / h for h = ${slope.rows.map((r) => num(r.h)).join(', ')}: ${slope.rows.map((r) => num(r.ratio)).join(', ')} → exactly ${num(slope.exact)}.`,
        ...(note ? [note] : []),
        `Nudging gives the slope only nearly, and needs one more forward pass per input. The next lessons get it exactly, node by node, with the chain rule: that is backpropagation.`,
        ...next,
      ],
      highlight: { nodes: [x, out], edges: [] },
      reached: { forward: Infinity, backward: -1 },
    };
  }
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
    text: `Summary${examples ? `, for ${examples.of.first}` : ''}: ${trace.graph.inputs.map((i) => `${partial(out, i)} = ${num(trace.grads[i])}`).join(', ')}.`,
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
      phase: 'slope' as const,
      title: `Slope: h = ${num(row.h)}`,
      text: `${x} = ${num(slope.at)} + ${num(row.h)}: ${fxh} = ${digits(row.value)}, a rise of ${num(row.rise)}, and (${fxh} − ${fx}) / h = ${num(row.rise)} / ${num(row.h)} = ${num(row.ratio)}.`,
      lines,
      highlight: { nodes: [x, out], edges: [], current: out },
      reached: { forward: Infinity, backward: -1 },
    };
  });
}

/** Ten significant digits: enough for f(x + h) to show its rise at h = 0.001, and no float noise. */
function digits(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(10))) : num(x);
}

function wrongOrderRun(trace: Trace, early: string): WrongOrder {
  return { early, ...backpropInOrder(trace, earlyOrder(trace, early)) };
}

/**
 * The backward pass again, with `early`'s edges run as soon as its first path
 * has arrived: each edge as it runs, then the gradients beside the right ones.
 */
function wrongOrderSteps(trace: Trace, wrong: WrongOrder, of: WhichLoss | undefined): Step[] {
  const out = trace.graph.output;
  const b = wrong.early;
  const into = edgesInto(trace).get(b) ?? [];
  const users = [...new Set(into.map((c) => c.node))].join(' and ');
  const edgeName = (c: Contribution) => `${c.node} → ${c.operand}`;
  const right = trace.contributions.map(edgeName).join(', ');
  const wrongOrder = wrong.contributions.map(edgeName).join(', ');
  const intro: Step = {
    phase: 'wrong-order',
    title: 'Wrong order: the plan',
    text: `The same backward pass in another order: ${b} passes its gradient on as soon as the first of its ${into.length} edges from ${users} has reached it.`,
    lines: [
      `topological order: ${right}`,
      `this replay:       ${wrongOrder}`,
      'Every edge still runs once, and every sum still adds (+=); only the order differs.',
    ],
    highlight: { nodes: [b], edges: [], current: b },
    reached: { forward: Infinity, backward: 0, replay: { run: wrong, ran: 0 } },
  };
  let arrived = 0;
  // Whether b has run one of its own edges yet: a path that reaches b after that is too late.
  let passedOn = false;
  const steps = wrong.contributions.map((c, k): Step => {
    if (c.operand === b) arrived++;
    const lines = [
      `upstream: ${partial(out, c.node)} = ${num(c.upstream)}   (${c.node === out ? 'the seed' : `what ${c.node} has so far`})`,
      `local:    ${partial(c.node, c.operand)} = ${num(c.local)}`,
      `${c.operand} now: ${num(c.sumBefore)} + ${operandNum(c.upstream)} · ${operandNum(c.local)} = ${num(c.sumAfter)}`,
    ];
    const complete = trace.grads[c.node];
    if (c.node === b && c.upstream !== complete)
      lines.push(
        `Too early: ${c.node} has ${arrived} of its ${into.length} edges so far, so it passes on ${num(c.upstream)}, not its full ${num(complete)}.`,
      );
    if (c.operand === b && passedOn)
      lines.push(
        `Too late: ${b} has already passed its gradient on. It now holds ${num(c.sumAfter)}, but nothing carries the rest further back.`,
      );
    if (c.node === b) passedOn = true;
    return {
      phase: 'wrong-order',
      title: `Wrong order: ${edgeName(c)}`,
      text: `${partial(out, c.operand)} += ${operandNum(c.upstream)} · ${operandNum(c.local)} = ${num(c.contribution)}, so ${c.operand} has ${num(c.sumAfter)}${of ? ` (${of.first})` : ''}.`,
      lines,
      highlight: { nodes: [c.node, c.operand], edges: [[c.operand, c.node]], current: c.operand },
      reached: { forward: Infinity, backward: 0, replay: { run: wrong, ran: k + 1 } },
    };
  });
  const differ = trace.graph.nodes.filter((n) => num(wrong.grads[n.name]) !== num(trace.grads[n.name]));
  const result: Step = {
    phase: 'wrong-order',
    title: 'Wrong order: why',
    text: `A node may pass its gradient on only when every path into it has arrived; that is what the topological order guarantees.${of ? ` The gradients are of ${of.first}.` : ''}`,
    lines: [
      ...table([
        ['node', 'topological', 'this replay'],
        ...differ.map((n) => [n.name, num(trace.grads[n.name]), num(wrong.grads[n.name])]),
      ]),
      `The reverse topological order visits a node only after every node that uses it, so each gradient is complete before it flows on. Out of order, the paths that arrive late are lost to everything before.`,
    ],
    highlight: { nodes: differ.map((n) => n.name), edges: [] },
    reached: { forward: Infinity, backward: 0, replay: { run: wrong, ran: Infinity } },
  };
  return [intro, ...steps, result];
}
