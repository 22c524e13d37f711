import type { OpName } from '../engine/graph.js';

/**
 * How each operation is written in an exported script, given its operands as
 * Python expressions. One line per op, kept apart from the engine's op table
 * only until that table grows an export column; then each line moves into its
 * op's row. The same spelling serves both scripts: the plain-Python `Value`
 * class and PyTorch tensors share the operators and the method names
 * (`n.tanh()`), which is what lets a learner diff the two files.
 */
export const PYTHON_OPS: Record<Exclude<OpName, 'input' | 'const'>, (o: string[]) => string> = {
  '+': (o) => `${o[0]} + ${o[1]}`,
  '-': (o) => `${o[0]} - ${o[1]}`,
  '*': (o) => `${o[0]} * ${o[1]}`,
  '/': (o) => `${o[0]} / ${o[1]}`,
  '^': (o) => `${o[0]} ** ${o[1]}`,
  neg: (o) => `-${o[0]}`,
  tanh: (o) => `${o[0]}.tanh()`,
  exp: (o) => `${o[0]}.exp()`,
  log: (o) => `${o[0]}.log()`,
  relu: (o) => `${o[0]}.relu()`,
  sigmoid: (o) => `${o[0]}.sigmoid()`,
};

/** A number as a Python float literal that reads back to the same double: JavaScript's shortest round-trip digits are Python's too. */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return "float('nan')";
  if (x === Infinity) return "float('inf')";
  if (x === -Infinity) return "-float('inf')";
  if (Object.is(x, -0)) return '-0.0';
  const digits = String(x);
  return /[.e]/.test(digits) ? digits : `${digits}.0`;
}

/** A literal as an operand: negative ones in parentheses, so `(-3.0) ** x` is not read as `-(3.0 ** x)`. */
export function pythonOperand(x: number): string {
  const text = pythonFloat(x);
  return text.startsWith('-') ? `(${text})` : text;
}
