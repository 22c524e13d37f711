import {
  backprop,
  isLeaf,
  nodeMap,
  nudge as runNudge,
  numericCheck,
  opRow,
  DEFAULT_H,
  type Contribution,
  type Estimate,
  type GraphNode,
  type Nudge,
  type Trace,
  type Values,
} from '../engine/index.js';
import type { Scenario } from '../scenario/types.js';
import { num, operandNum, partial, signed, table, wrap } from './format.js';

export type Phase = 'overview' | 'forward' | 'seed' | 'backward' | 'check' | 'nudge' | 'summary';

export interface Highlight {
  nodes: string[];
  /** [from, to] pairs: operand → the node that uses it. */
  edges: [string, string][];
  /** The node the step is about; drawn with a heavy border and a ▸. */
  current?: string;
}

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
}

export interface Reached {
  forward: number;
  backward: number;
}

/** What the drawing shows at a step: the values computed so far and the gradients as they stand. */
export interface Shown {
  values: Partial<Values>;
  grads: Partial<Values>;
}

export interface Lesson {
  scenario: Scenario;
  trace: Trace;
  check: Estimate[];
  h: number;
  nudge: Nudge;
  steps: Step[];
}

export interface LessonOptions {
  /** Overrides the scenario's nudge rate. */
  rate?: number;
  /** The numeric check's step. */
  h?: number;
}

export function buildLesson(scenario: Scenario, options: LessonOptions = {}): Lesson {
  const trace = backprop(scenario.graph);
  const h = options.h ?? DEFAULT_H;
  const check = numericCheck(trace, h);
  const nudge = runNudge(trace, options.rate ?? scenario.nudge);
  const steps = [
    overviewStep(scenario, trace),
    ...forwardSteps(trace),
    seedStep(trace),
    ...backwardSteps(trace),
    checkStep(trace, check, h),
    nudgeStep(trace, nudge),
    summaryStep(trace),
  ];
  return { scenario, trace, check, h, nudge, steps };
}

/** The values and gradients the drawing shows once the passes have got as far as `reached`. */
export function shownAt(trace: Trace, reached: Reached): Shown {
  const values: Partial<Values> = {};
  let computed = 0;
  for (const node of trace.graph.nodes) {
    const known = isLeaf(node) || computed++ < reached.forward;
    if (known) values[node.name] = trace.values[node.name];
  }
  if (reached.backward < 0) return { values, grads: {} };
  if (reached.backward >= trace.contributions.length) return { values, grads: { ...trace.grads } };
  const grads: Partial<Values> = { [trace.graph.output]: 1 };
  for (const c of trace.contributions.slice(0, reached.backward)) grads[c.operand] = c.sumAfter;
  return { values, grads };
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

function overviewStep(scenario: Scenario, trace: Trace): Step {
  const { graph, values } = trace;
  const inputs = graph.inputs.map((name) => `${name} = ${num(values[name])}`).join(', ');
  const named = graph.nodes.filter((n) => !n.generated && !isLeaf(n));
  const definitions = named.map((n) => `${n.name} = ${scenario.expressions[n.name] ?? ''}`);
  return {
    phase: 'overview',
    title: 'Overview',
    text: `${scenario.title}: ${definitions.join(', ')}, with ${inputs}.`,
    lines: [
      ...paragraphs(scenario.description ?? ''),
      `Forward, the values flow left to right to ${graph.output}; backward, the gradients flow right to left.`,
      `Each box shows a node's value (v) and its gradient (g); · marks one not worked out yet.`,
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
    `${node.name} is ${num(value)}: ${opRow(node.op).write(node.inputs.map(wrap))} leaves the real numbers here, and every node that uses it inherits that.`,
  ];
}

function forwardSteps(trace: Trace): Step[] {
  const { graph, values } = trace;
  const steps: Step[] = [];
  for (const node of graph.nodes) {
    if (isLeaf(node)) continue;
    const row = opRow(node.op);
    const symbols = row.write(node.inputs.map(wrap));
    const numbers = row.write(node.inputs.map((name) => operandNum(values[name])));
    // A generated node's name is its expression already: don't say it twice.
    const lhs = node.generated ? symbols : `${node.name} = ${symbols}`;
    steps.push({
      phase: 'forward',
      title: `Forward: ${node.name}`,
      text: `${lhs} = ${numbers} = ${num(values[node.name])}`,
      lines: [...leftTheReals(node, values), ...(node.note ? [node.note] : [])],
      highlight: {
        nodes: [node.name, ...node.inputs],
        edges: node.inputs.map((from) => [from, node.name]),
        current: node.name,
      },
      reached: { forward: steps.length + 1, backward: -1 },
    });
  }
  return steps;
}

function seedStep(trace: Trace): Step {
  const out = trace.graph.output;
  return {
    phase: 'seed',
    title: `Seed: ${partial(out, out)} = 1`,
    text: `${partial(out, out)} = 1: a nudge to ${out} moves ${out} by exactly as much. Every other gradient starts at 0.`,
    lines: ['The backward pass now visits the edges from right to left, multiplying as it goes.'],
    highlight: { nodes: [out], edges: [], current: out },
    reached: { forward: Infinity, backward: 0 },
  };
}

/**
 * "1 (via c) + 1 (direct)": every path into an operand so far, by the node it
 * came through. A node used hundreds of times shows its first and last paths;
 * listing all of them at every step would grow with the square of the graph.
 */
function ledger(out: string, done: Contribution[]): string {
  const term = (c: Contribution, i: number) => `${i === 0 ? num(c.contribution) : operandNum(c.contribution)} (${c.node === out ? 'direct' : `via ${c.node}`})`;
  if (done.length <= 6) return done.map(term).join(' + ');
  const hidden = done.length - 4;
  return [...done.slice(0, 2).map(term), `… ${hidden} more paths …`, ...done.slice(-2).map((c, i) => term(c, i + 1))].join(' + ');
}

function backwardSteps(trace: Trace): Step[] {
  const { graph, values, contributions } = trace;
  const byName = nodeMap(graph);
  const out = graph.output;
  const received = new Map<string, Contribution[]>();
  // Once, not per edge: per edge it made the backward steps quadratic (2,500 terms of x ^ 0.5 at 0: 13 s).
  const valuesFinite = Object.values(values).every(Number.isFinite);
  return contributions.map((c, k) => {
    const done = received.get(c.operand) ?? [];
    done.push(c);
    received.set(c.operand, done);
    const node = byName.get(c.node)!;
    const row = opRow(node.op);
    const names = node.inputs.map(wrap);
    const rule = row.writeLocal(c.slot, names, wrap(c.node));
    // Where an operand has several paths, each edge adds to its gradient: say += as the code does.
    const assign = c.paths > 1 ? '+=' : '=';
    const chain = `${partial(out, c.operand)} ${assign} ${partial(out, c.node)} · ${partial(c.node, c.operand)}`;
    const ruleValue = rule === num(c.local) ? rule : `${rule} = ${num(c.local)}`;
    const lines = [
      `local:    ${partial(c.node, c.operand)} = ${ruleValue}   (${c.node} = ${row.write(names)})`,
      `symbols:  ${chain}`,
      `numbers:  ${operandNum(c.upstream)} · ${operandNum(c.local)}`,
      `result:   ${num(c.contribution)}`,
    ];
    if (c.paths > 1) {
      const sum = `${partial(out, c.operand)} = ${ledger(out, done)}`;
      lines.push(
        c.path < c.paths
          ? `running sum: ${sum} so far — ${c.operand} reaches ${out} along ${c.paths} paths; ${c.paths - c.path} still to come.`
          : `running sum: ${sum} = ${num(c.sumAfter)} — every path adds (+=), none overwrites.`,
      );
    }
    const operandNode = byName.get(c.operand)!;
    if (operandNode.note && c.path === c.paths && isLeaf(operandNode)) lines.push(operandNode.note);
    if (!Number.isFinite(c.local) && valuesFinite) {
      // Name the values that matter: the variable operands, not the literals.
      const at = node.inputs.filter((name) => byName.get(name)?.op !== 'const').map((name) => `${name} = ${num(values[name])}`);
      const constant = operandNode.op === 'const' ? ` ${c.operand} is a constant, so nothing is ever nudged by this gradient.` : '';
      lines.push(`The local derivative is ${num(c.local)}: ${rule} has no real value at ${[...new Set(at)].join(', ')}.${constant}`);
    }
    return {
      phase: 'backward' as const,
      title: `Backward: ${c.node} → ${c.operand}`,
      text: `${chain} = ${operandNum(c.upstream)} · ${operandNum(c.local)} = ${num(c.contribution)}`,
      lines,
      highlight: { nodes: [c.node, c.operand], edges: [[c.operand, c.node]], current: c.operand },
      reached: { forward: Infinity, backward: k + 1 },
      contribution: c,
    };
  });
}

function checkStep(trace: Trace, check: Estimate[], h: number): Step {
  const out = trace.graph.output;
  // How far each estimate is from the exact value: the number that moves when h does.
  const off = (estimate: number, exact: number) => {
    const error = Math.abs(estimate - exact);
    return error !== 0 && error < 1e-3 ? error.toExponential(1) : num(Number(error.toPrecision(2)));
  };
  const rows = [
    ['input', 'exact', 'forward', 'off by', 'central', 'off by'],
    ...check.map((e) => [e.input, num(e.exact), num(e.forwardDifference), off(e.forwardDifference, e.exact), num(e.centralDifference), off(e.centralDifference, e.exact)]),
  ];
  return {
    phase: 'check',
    title: 'Numeric check',
    text: `Numeric check: move each input by h = ${num(h)} alone and watch ${out}; the slope should match the exact gradient.`,
    lines: [
      ...(check.length < trace.graph.inputs.length ? [`A sample: ${check.length} of the ${trace.graph.inputs.length} inputs, spread evenly from first to last.`] : []),
      ...table(rows),
      `forward = (f(x+h) − f(x))/h, off by about h × the curvature; central = (f(x+h) − f(x−h))/2h, off by about h², so it sits closer.`,
    ],
    highlight: { nodes: [...trace.graph.inputs, out], edges: [] },
    reached: { forward: Infinity, backward: Infinity },
  };
}

function nudgeStep(trace: Trace, nudge: Nudge): Step {
  const out = trace.graph.output;
  const ascent = nudge.rate >= 0;
  const rows = [
    ['input', 'before', 'grad', `after = before + ${num(nudge.rate)} × grad`],
    ...nudge.moves.map((m) => [m.input, num(m.before), num(m.grad), num(m.after)]),
  ];
  return {
    phase: 'nudge',
    title: 'Nudge',
    text: `Nudge: every input moves by ${num(nudge.rate)} × its gradient, to push ${out} ${ascent ? 'up (ascent)' : 'down (descent)'}.`,
    lines: [
      ...table(rows),
      `${out}: ${num(nudge.before)} → ${num(nudge.after)} (the nodes in between are recomputed, not nudged)`,
      `predicted change ${signed(nudge.predicted)} (= ${num(nudge.rate)} × Σ grad²), actual ${signed(nudge.actual)}.`,
      `Each input moves with its gradient's sign${ascent ? '' : ' flipped'}, so every grad · Δx ${ascent ? 'raises' : 'lowers'} ${out}, even a negative gradient's.`,
    ],
    highlight: { nodes: [...trace.graph.inputs, out], edges: [], current: out },
    reached: { forward: Infinity, backward: Infinity },
  };
}

function summaryStep(trace: Trace): Step {
  const out = trace.graph.output;
  const rows = [
    ['node', 'value', `grad ${partial(out, 'node')}`],
    ...trace.graph.nodes.map((n) => [n.name, num(trace.values[n.name]), num(trace.grads[n.name])]),
  ];
  return {
    phase: 'summary',
    title: 'Summary',
    text: `Summary: ${trace.graph.inputs.map((i) => `${partial(out, i)} = ${num(trace.grads[i])}`).join(', ')}.`,
    lines: table(rows),
    highlight: { nodes: [], edges: [] },
    reached: { forward: Infinity, backward: Infinity },
  };
}
