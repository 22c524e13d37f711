import type { OpName } from './graph.js';

/**
 * The op table: one row per operation, as in micrograd's engine.py — what it
 * computes and, right beside it, how its gradient flows back and how both are
 * written for a learner. Adding an op means adding one row here.
 */
export interface OpRow {
  /** How the node reads, given its operands' names: `a + b`, `tanh(n)`. */
  write(operands: string[]): string;
  forward(x: number[]): number;
  /** ∂(this node)/∂(operand i), given the operand values and this node's value. */
  local(i: number, x: number[], out: number): number;
  /** The local derivative as a rule the learner can read: ∂(a·b)/∂a = b. */
  writeLocal(i: number, operands: string[], out: string): string;
}

const binary = (symbol: string) => (o: string[]) => `${o[0]} ${symbol} ${o[1]}`;
/** A function's own parentheses are enough: tanh(-5), not tanh((-5)). */
const unwrap = (s: string) => (/^\([^()]*\)$/.test(s) ? s.slice(1, -1) : s);
const call = (fn: string) => (o: string[]) => `${fn}(${unwrap(o[0])})`;

export const OPS: Record<Exclude<OpName, 'input' | 'const'>, OpRow> = {
  '+': {
    write: binary('+'),
    forward: ([a, b]) => a + b,
    local: () => 1,
    writeLocal: () => '1',
  },
  '-': {
    write: binary('-'),
    forward: ([a, b]) => a - b,
    local: (i) => (i === 0 ? 1 : -1),
    writeLocal: (i) => (i === 0 ? '1' : '-1'),
  },
  '*': {
    write: binary('·'),
    forward: ([a, b]) => a * b,
    // The other factor: ∂(a·b)/∂a = b. For a·a each slot gets the other a.
    local: (i, [a, b]) => (i === 0 ? b : a),
    writeLocal: (i, o) => (i === 0 ? o[1] : o[0]),
  },
  '/': {
    write: binary('/'),
    forward: ([a, b]) => a / b,
    local: (i, [a, b]) => (i === 0 ? 1 / b : -a / (b * b)),
    writeLocal: (i, o) => (i === 0 ? `1/${o[1]}` : `-${o[0]}/${o[1]}²`),
  },
  '^': {
    write: binary('^'),
    forward: ([a, b]) => a ** b,
    // Over the reals, a^b is only differentiable in b where a > 0; elsewhere
    // ln(a) is NaN and the lesson says so rather than inventing a number.
    local: (i, [a, b], out) => (i === 0 ? b * a ** (b - 1) : out * Math.log(a)),
    writeLocal: (i, o, out) => (i === 0 ? `${o[1]}·${o[0]}^(${o[1]}-1)` : `${out}·ln(${o[0]})`),
  },
  neg: {
    write: (o) => `-${o[0]}`,
    forward: ([a]) => -a,
    local: () => -1,
    writeLocal: () => '-1',
  },
  tanh: {
    write: call('tanh'),
    forward: ([a]) => Math.tanh(a),
    local: (_i, _x, out) => 1 - out * out,
    writeLocal: (_i, _o, out) => `1 - ${out}²`,
  },
  exp: {
    write: call('exp'),
    forward: ([a]) => Math.exp(a),
    local: (_i, _x, out) => out,
    writeLocal: (_i, _o, out) => out,
  },
  log: {
    write: call('log'),
    forward: ([a]) => Math.log(a),
    local: (_i, [a]) => 1 / a,
    writeLocal: (_i, o) => `1/${o[0]}`,
  },
  relu: {
    write: call('relu'),
    forward: ([a]) => Math.max(0, a),
    // micrograd's convention: the slope at exactly 0 is 0.
    local: (_i, [a]) => (a > 0 ? 1 : 0),
    writeLocal: (_i, o) => `(${o[0]} > 0 ? 1 : 0)`,
  },
  sigmoid: {
    write: call('sigmoid'),
    forward: ([a]) => 1 / (1 + Math.exp(-a)),
    local: (_i, _x, out) => out * (1 - out),
    writeLocal: (_i, _o, out) => `${out}·(1 - ${out})`,
  },
};

export function opRow(op: OpName): OpRow {
  if (op === 'input' || op === 'const') throw new Error(`a ${op} node has no operation`);
  return OPS[op];
}
