import { isLeaf, type Graph } from './graph.js';
import type { Values } from './autograd.js';
import { opRow, type OpRow } from './ops.js';

/**
 * A graph laid out as arrays for running it many times: training repeats the
 * forward and backward pass for every example at every update, and looking up
 * nodes by name each time would cost more than the arithmetic. Same op rows,
 * same order, same += as `backprop`, so the numbers are identical; only the
 * bookkeeping of each edge (which the lesson shows) is left out.
 */
export interface Program {
  names: string[];
  /** Index of each node by name. */
  index: Map<string, number>;
  rows: (OpRow | undefined)[];
  operands: number[][];
  leafValues: number[];
  /** Constants take no gradient; nodes that do not reach the output take no part in the backward pass. */
  constant: boolean[];
  involved: boolean[];
  output: number;
}

const compiled = new WeakMap<Graph, Program>();

/** The graph's program, made once per graph: the lesson's backward pass, nudge and check all run the same one. */
export function compile(graph: Graph): Program {
  let program = compiled.get(graph);
  if (!program) compiled.set(graph, (program = compileNow(graph)));
  return program;
}

function compileNow(graph: Graph): Program {
  const { nodes } = graph;
  const n = nodes.length;
  const index = new Map<string, number>();
  const names: string[] = new Array(n);
  const rows: (OpRow | undefined)[] = new Array(n);
  const operands: number[][] = new Array(n);
  const leafValues: number[] = new Array(n);
  const constant: boolean[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const node = nodes[k];
    index.set(node.name, k);
    names[k] = node.name;
    rows[k] = isLeaf(node) ? undefined : opRow(node.op);
    operands[k] = node.inputs.map((name) => index.get(name) as number);
    leafValues[k] = node.value ?? NaN;
    constant[k] = node.op === 'const';
  }
  const output = index.get(graph.output) ?? n - 1;
  const involved: boolean[] = new Array(n).fill(false);
  const stack = [output];
  involved[output] = true;
  while (stack.length > 0) {
    for (const k of operands[stack.pop() as number]) {
      if (!involved[k]) {
        involved[k] = true;
        stack.push(k);
      }
    }
  }
  return { names, index, rows, operands, leafValues, constant, involved, output };
}

/** Scratch arrays reused for operand values, so a pass allocates only its results. */
const scratch: number[][] = [[], [0], [0, 0]];

/** The forward pass, every node's value by index; `leaf(k)` is the value of leaf k. */
export function forwardValues(program: Program, leaf: (k: number) => number): Float64Array {
  const { rows, operands } = program;
  const values = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    if (!row) {
      values[k] = leaf(k);
      continue;
    }
    const from = operands[k];
    const x = scratch[from.length] ?? new Array<number>(from.length);
    for (let i = 0; i < from.length; i++) x[i] = values[from[i]];
    values[k] = row.forward(x);
  }
  return values;
}

/** One forward and backward pass with `leaves` (one value per node; only the leaves' are read). Returns values and gradients by index. */
export function run(program: Program, leaves: Float64Array): { values: Float64Array; grads: Float64Array } {
  const { rows, operands, constant, involved, output } = program;
  const n = rows.length;
  const values = forwardValues(program, (k) => leaves[k]);
  const grads = new Float64Array(n);
  grads[output] = 1;
  for (let k = n - 1; k >= 0; k--) {
    const row = rows[k];
    if (!row || !involved[k]) continue;
    const from = operands[k];
    const x = scratch[from.length] ?? new Array<number>(from.length);
    for (let i = 0; i < from.length; i++) x[i] = values[from[i]];
    const upstream = grads[k];
    for (let i = 0; i < from.length; i++) {
      if (constant[from[i]]) continue;
      grads[from[i]] += row.local(i, x, values[k]) * upstream;
    }
  }
  return { values, grads };
}

/** Where each param sits in the program: what sumOverRows reads and sums by. */
export function slotsOf(program: Program, params: string[]): number[] {
  return params.map((name) => program.index.get(name) as number);
}

/**
 * The output summed over the example rows, and each param's gradient summed
 * over them: the lecture's loss = Σ (ypred − y)², whose gradient is the sum of
 * the rows' gradients. `rows` is `[{}]` for a scenario without examples.
 * Params come as slots and values in the same order, and their gradients come
 * back so: a nudge of 50,000 params by name built a record of them four times.
 */
export function sumOverRows(
  program: Program,
  slots: number[],
  params: ArrayLike<number>,
  rows: Values[],
): { output: number; grads: Float64Array } {
  const leaves = Float64Array.from(program.leafValues);
  let output = 0;
  const sums = new Float64Array(slots.length);
  for (const row of rows) {
    leaves.set(program.leafValues);
    for (const [name, value] of Object.entries(row)) leaves[program.index.get(name) as number] = value;
    slots.forEach((k, i) => (leaves[k] = params[i]));
    const { values, grads } = run(program, leaves);
    output += values[program.output];
    slots.forEach((k, i) => (sums[i] += grads[k]));
  }
  return { output, grads: sums };
}
