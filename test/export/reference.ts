/**
 * What an exported script must print, worked out here with a plain reverse
 * mode of its own (no code from src/engine), following the semantics the
 * scripts document: params move, data stay; with examples the output is
 * summed over the rows; training updates p += rate * p.grad, with or without
 * zero_grad. At the edges it follows PyTorch, which the scripts claim to match.
 */

import type { Graph, GraphNode } from '../../src/engine/graph.js';
import type { Scenario } from '../../src/scenario/types.js';

type Values = Map<string, number>;

function forwardOf(op: GraphNode['op'], x: number[]): number {
  const [a, b] = x;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '^':
      return a ** b;
    case 'neg':
      return -a;
    case 'tanh':
      return Math.tanh(a);
    case 'exp':
      return Math.exp(a);
    case 'log':
      return Math.log(a);
    case 'relu':
      return a < 0 ? 0 : a;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-a));
    default:
      throw new Error(`no forward for ${op}`);
  }
}

/** ∂node/∂operand for each operand slot; PyTorch's choices where the textbook rule has no value. */
function localsOf(op: GraphNode['op'], x: number[], out: number): number[] {
  const [a, b] = x;
  switch (op) {
    case '+':
      return [1, 1];
    case '-':
      return [1, -1];
    case '*':
      return [b, a];
    case '/':
      return [1 / b, -(out / b)];
    case '^':
      return [b === 0 ? 0 : b * a ** (b - 1), a === 0 && b >= 0 ? 0 : out * Math.log(a)];
    case 'neg':
      return [-1];
    case 'tanh':
      return [1 - out * out];
    case 'exp':
      return [out];
    case 'log':
      return [1 / a];
    case 'relu':
      return [a > 0 ? 1 : 0];
    case 'sigmoid':
      return [out * (1 - out)];
    default:
      throw new Error(`no derivative for ${op}`);
  }
}

function evaluate(graph: Graph, leaves: Values): Values {
  const values: Values = new Map();
  for (const node of graph.nodes) {
    if (node.op === 'input') values.set(node.name, leaves.get(node.name)!);
    else if (node.op === 'const') values.set(node.name, node.value!);
    else
      values.set(
        node.name,
        forwardOf(
          node.op,
          node.inputs.map((i) => values.get(i)!),
        ),
      );
  }
  return values;
}

/** The output and every node it is computed from: the only nodes a backward pass visits. */
function towardOutput(graph: Graph): Set<string> {
  const seen = new Set([graph.output]);
  for (const node of [...graph.nodes].reverse()) if (seen.has(node.name)) node.inputs.forEach((i) => seen.add(i));
  return seen;
}

function gradients(graph: Graph, values: Values): Values {
  const grads: Values = new Map(graph.nodes.map((n) => [n.name, 0]));
  grads.set(graph.output, 1);
  const visited = towardOutput(graph);
  for (const node of [...graph.nodes].reverse()) {
    // A node off the way to the output has no gradient to pass on (and 0 · ∞ would make one up).
    if (node.op === 'input' || node.op === 'const' || !visited.has(node.name)) continue;
    const x = node.inputs.map((i) => values.get(i)!);
    const local = localsOf(node.op, x, values.get(node.name)!);
    node.inputs.forEach((operand, slot) => grads.set(operand, grads.get(operand)! + local[slot] * grads.get(node.name)!));
  }
  return grads;
}

interface Pass {
  total: number;
  /** The first row's values and gradients (a param's gradient summed over the rows). */
  values: Values;
  grads: Values;
  paramGrads: Values;
}

function pass(scenario: Scenario, params: Values): Pass {
  const { graph } = scenario;
  const rows = scenario.examples ?? [{}];
  let total = 0;
  const paramGrads: Values = new Map([...params.keys()].map((p) => [p, 0]));
  let first: { values: Values; grads: Values } | undefined;
  for (const row of rows) {
    const leaves: Values = new Map();
    for (const node of graph.nodes) if (node.op === 'input') leaves.set(node.name, params.get(node.name) ?? row[node.name] ?? node.value!);
    const values = evaluate(graph, leaves);
    const grads = gradients(graph, values);
    total += values.get(graph.output)!;
    for (const p of params.keys()) paramGrads.set(p, paramGrads.get(p)! + grads.get(p)!);
    first ??= { values, grads };
  }
  const grads = new Map(first!.grads);
  for (const [p, g] of paramGrads) grads.set(p, g);
  return { total, values: first!.values, grads, paramGrads };
}

export interface Printed {
  /** With two examples or more: which loss GRAD is of, as the `grads of:` line says. */
  gradsOf?: string;
  nodes: { name: string; value: number; grad: number | null }[];
  total?: number;
  nudge: number;
  history?: number[];
}

export function expectedOutput(scenario: Scenario): Printed {
  const { graph } = scenario;
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  const start: Values = new Map(scenario.params.map((p) => [p, byName.get(p)!.value!]));
  const lesson = pass(scenario, start);

  // Which nodes PyTorch keeps a gradient for: computed from a param, and on the way to the output.
  const fromParam = new Set(scenario.params);
  for (const node of graph.nodes) if (node.inputs.some((i) => fromParam.has(i))) fromParam.add(node.name);
  const toOutput = towardOutput(graph);
  const shown = graph.nodes.filter((n) => n.op === 'input' || (n.op !== 'const' && !n.generated));
  const nodes = shown.map((n) => ({
    name: n.name,
    value: lesson.values.get(n.name)!,
    grad: fromParam.has(n.name) && toOutput.has(n.name) ? lesson.grads.get(n.name)! : null,
  }));

  const nudged = new Map([...start].map(([p, v]) => [p, v + scenario.nudge * lesson.paramGrads.get(p)!]));
  const printed: Printed = { nodes, nudge: pass(scenario, nudged).total };
  if (scenario.examples) printed.total = lesson.total;
  // A param's gradient is summed over the rows, and the values are the first row's: with one row there is nothing to tell apart.
  if ((scenario.examples?.length ?? 0) > 1)
    printed.gradsOf = `the ${graph.output} summed over the ${scenario.examples!.length} examples (values: example 1's)`;
  if (scenario.train) {
    const { steps, rate, zeroGrad } = scenario.train;
    const params = new Map(start);
    const grad = new Map([...start.keys()].map((p) => [p, 0]));
    const history: number[] = [];
    for (let k = 0; k <= steps; k++) {
      const now = pass(scenario, params);
      history.push(now.total);
      if (k === steps) break;
      for (const p of params.keys()) {
        grad.set(p, (zeroGrad ? 0 : grad.get(p)!) + now.paramGrads.get(p)!);
        params.set(p, params.get(p)! + rate * grad.get(p)!);
      }
    }
    printed.history = history;
  }
  return printed;
}

/** Python's float spellings (nan, inf, -inf, None) back into numbers. */
function pythonNumber(text: string): number | null {
  if (text === 'None') return null;
  if (text === 'nan') return NaN;
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  const x = Number(text);
  if (Number.isNaN(x)) throw new Error(`not a number: ${text}`);
  return x;
}

/** What a script printed, read by the format its header documents. */
export function parsePrinted(stdout: string): Printed {
  const printed: Printed = { nodes: [], nudge: NaN };
  const history: number[] = [];
  for (const line of stdout.trimEnd().split('\n')) {
    const fields = line.split(' ');
    const key = /^history\[(\d+)\]:$/.exec(fields[0]);
    if (key) history[Number(key[1])] = pythonNumber(fields[1])!;
    else if (line.startsWith('grads of: ')) printed.gradsOf = line.slice('grads of: '.length);
    else if (fields[0] === 'total:') printed.total = pythonNumber(fields[1])!;
    else if (fields[0] === 'nudge:') printed.nudge = pythonNumber(fields[1])!;
    else if (fields.length === 3) printed.nodes.push({ name: fields[0], value: pythonNumber(fields[1])!, grad: pythonNumber(fields[2]) });
    else throw new Error(`a line outside the documented format: ${line}`);
  }
  if (history.length > 0) printed.history = history;
  return printed;
}

/** Equal within 1e-9 relative; NaN equals NaN and an infinity only itself. */
export function close(actual: number | null | undefined, expected: number | null | undefined): boolean {
  if (actual === null || expected === null || actual === undefined || expected === undefined) return actual === expected;
  if (Number.isNaN(actual) || Number.isNaN(expected)) return Number.isNaN(actual) && Number.isNaN(expected);
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(actual), Math.abs(expected));
}

/** Every difference between two printouts, as readable lines (empty when they agree). */
export function differences(actual: Printed, expected: Printed): string[] {
  const out: string[] = [];
  const names = (p: Printed) => p.nodes.map((n) => n.name).join(' ');
  if (names(actual) !== names(expected)) out.push(`nodes: ${names(actual)} ≠ ${names(expected)}`);
  expected.nodes.forEach((e, i) => {
    const a = actual.nodes[i];
    if (!a) return;
    if (!close(a.value, e.value)) out.push(`${e.name} value ${a.value} ≠ ${e.value}`);
    if (!close(a.grad, e.grad)) out.push(`${e.name} grad ${a.grad} ≠ ${e.grad}`);
  });
  if (actual.gradsOf !== expected.gradsOf) out.push(`grads of: ${actual.gradsOf} ≠ ${expected.gradsOf}`);
  if (!close(actual.total, expected.total)) out.push(`total ${actual.total} ≠ ${expected.total}`);
  if (!close(actual.nudge, expected.nudge)) out.push(`nudge ${actual.nudge} ≠ ${expected.nudge}`);
  const ah = actual.history ?? [];
  const eh = expected.history ?? [];
  if (ah.length !== eh.length) out.push(`history has ${ah.length} entries, not ${eh.length}`);
  eh.forEach((e, k) => {
    if (!close(ah[k], e)) out.push(`history[${k}] ${ah[k]} ≠ ${e}`);
  });
  return out;
}
