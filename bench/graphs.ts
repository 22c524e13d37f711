/**
 * Scenario files for the benchmark, written as YAML text so that they go
 * through the same loader as a learner's file: a small multilayer perceptron,
 * a long chain and a random DAG. Seeded, so every run measures the same graph.
 */

import { seeded } from '../test/fuzz/seeded.js';

const num = (x: number) => x.toFixed(3);

function yaml(title: string, inputs: [string, number][], nodes: [string, string][]): string {
  return [
    `title: ${title}`,
    'inputs:',
    ...inputs.map(([name, value]) => `  ${name}: ${num(value)}`),
    'nodes:',
    ...nodes.map(([name, expression]) => `  ${name}: ${expression}`),
    '',
  ].join('\n');
}

/**
 * A multilayer perceptron with layer widths `sizes` (inputs first, one output
 * last) and a squared-error loss. Inputs x1…, weights w<layer>_<neuron>_<input>,
 * biases b<layer>_<neuron> and the target y are leaves; each neuron is one
 * named node `tanh(w·x + … + b)` whose products and sums the loader makes as
 * unnamed inner nodes. The last neuron is `o`; the output is `L: (o - y) ^ 2`.
 */
export function mlpScenario(sizes: number[], seed: number): string {
  if (sizes.length < 2 || sizes[sizes.length - 1] !== 1) throw new Error('mlpScenario: give at least two layer sizes, the last one 1');
  const random = seeded(seed);
  const uniform = () => random() * 2 - 1;
  const inputs: [string, number][] = [];
  const nodes: [string, string][] = [];
  let previous = Array.from({ length: sizes[0] }, (_, i) => `x${i + 1}`);
  for (const name of previous) inputs.push([name, uniform()]);
  for (let layer = 1; layer < sizes.length; layer++) {
    const last = layer === sizes.length - 1;
    const current: string[] = [];
    for (let j = 1; j <= sizes[layer]; j++) {
      const terms = previous.map((from, i) => {
        const weight = `w${layer}_${j}_${i + 1}`;
        inputs.push([weight, uniform()]);
        return `${weight} * ${from}`;
      });
      const bias = `b${layer}_${j}`;
      inputs.push([bias, uniform()]);
      const name = last ? 'o' : `h${layer}_${j}`;
      nodes.push([name, `tanh(${[...terms, bias].join(' + ')})`]);
      current.push(name);
    }
    previous = current;
  }
  inputs.push(['y', uniform()]);
  nodes.push(['L', '(o - y) ^ 2']);
  return yaml(`MLP ${sizes.join('-')}`, inputs, nodes);
}

/** A chain of `n` nodes: one input x, then alternately tanh of the previous node and the previous node plus x. */
export function chainScenario(n: number): string {
  const nodes: [string, string][] = [];
  let previous = 'x';
  for (let k = 1; k < n; k++) {
    nodes.push([`v${k}`, k % 2 === 1 ? `tanh(${previous})` : `${previous} + x`]);
    previous = `v${k}`;
  }
  return yaml(`Chain of ${n}`, [['x', 0.5]], nodes);
}

/**
 * A random DAG of `n` nodes, one operation per named node, as a network might
 * be: operands mostly among the last 100 nodes, and most often the oldest
 * node nobody uses yet, so that nearly every node reaches the output (the
 * last one) and has a gradient. The generator tracks values and keeps each
 * between 0.1 and 2 in size, so that products neither vanish nor blow up.
 */
export function randomScenario(n: number, seed: number): string {
  const random = seeded(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const inputs: [string, number][] = Array.from({ length: Math.max(2, Math.round(n / 25)) }, (_, i) => [
    `x${i + 1}`,
    pick([-1, 1]) * (0.2 + 0.8 * random()),
  ]);
  const value = new Map(inputs);
  const names = inputs.map(([name]) => name);
  const unused = new Set(names);
  const operand = (taken: string[]) => {
    const oldest = [...unused].find((name) => !taken.includes(name));
    if (oldest !== undefined && random() < 0.8) return oldest;
    return random() < 0.95 ? names[Math.max(0, names.length - 1 - Math.floor(random() * 100))] : pick(names);
  };
  const ops: Record<string, (a: number, b: number) => number> = {
    '+': (a, b) => a + b,
    '*': (a, b) => a * b,
    tanh: Math.tanh,
    sigmoid: (a) => 1 / (1 + Math.exp(-a)),
  };
  const nodes: [string, string][] = [];
  while (names.length < n) {
    const op = pick(['+', '*', '*', 'tanh', 'sigmoid']);
    const binary = op === '+' || op === '*';
    const operands = [operand([])];
    if (binary) operands.push(operand(operands));
    const result = ops[op](value.get(operands[0])!, value.get(operands[1] ?? operands[0])!);
    if (!(Math.abs(result) >= 0.1 && Math.abs(result) <= 2)) continue;
    const name = `n${nodes.length + 1}`;
    nodes.push([name, binary ? `${operands[0]} ${op} ${operands[1]}` : `${op}(${operands[0]})`]);
    value.set(name, result);
    names.push(name);
    for (const used of operands) unused.delete(used);
    unused.add(name);
  }
  return yaml(`Random DAG of ${n}`, inputs, nodes);
}

/**
 * One node `z`, a sum of `terms` terms that cycles through `inputs` inputs
 * x0, x1, …: products `x0*x1 + x2*x3 + …` or the inputs alone `x0 + x1 + …`.
 * Each input is used again every few terms, the shape whose drawing once grew
 * with the square of its length (each use ran its own line across the layers).
 */
export function reusedInputsScenario(terms: number, inputs: number, shape: 'products' | 'inputs'): string {
  const names = Array.from({ length: inputs }, (_, i) => `x${i}`);
  const values: [string, number][] = names.map((name, i) => [name, ((i % 7) - 3) / 2]);
  const term = (t: number) => (shape === 'products' ? `${names[(2 * t) % inputs]}*${names[(2 * t + 1) % inputs]}` : names[t % inputs]);
  const sum = Array.from({ length: terms }, (_, t) => term(t)).join(' + ');
  return yaml(`A sum of ${terms} terms over ${inputs} inputs`, values, [['z', sum]]);
}

/**
 * Skip connections: `inputs` inputs summed (s1 = x1 + x2, s2 = s1 + x3, …), a chain of `depth` tanh nodes,
 * then every input added again at the end (e1 = t<depth> + x1, …). Each input's line crosses the whole
 * chain: inputs × (inputs + depth) − 1 dummies, which no layout of this size should be left to find out.
 */
export function skipScenario(inputs: number, depth: number): string {
  const x = Array.from({ length: inputs }, (_, i) => `x${i + 1}`);
  const nodes: [string, string][] = [['s1', 'x1 + x2']];
  for (let i = 2; i < inputs; i++) nodes.push([`s${i}`, `s${i - 1} + ${x[i]}`]);
  nodes.push(['t1', `tanh(s${inputs - 1})`]);
  for (let j = 2; j <= depth; j++) nodes.push([`t${j}`, `tanh(t${j - 1})`]);
  nodes.push(['e1', `t${depth} + x1`]);
  for (let i = 2; i <= inputs; i++) nodes.push([`e${i}`, `e${i - 1} + ${x[i - 1]}`]);
  return yaml(
    `${inputs} inputs past ${depth} layers`,
    x.map((name, i) => [name, ((i % 5) - 2) / 4]),
    nodes,
  );
}
