import type { OpName } from './graph.js';

/** The infix operators of the expression language; `**` is read as `^`. */
export type Operator = '+' | '-' | '*' | '/' | '^';

/**
 * The op table: one row per operation, as in micrograd's engine.py — what it
 * computes and, right beside it, how its gradient flows back, how the parser
 * knows it, how tightly it binds, and how it is written for a learner, for
 * other tools and in the exported plain-Python `Value` class.
 *
 * Adding a function of one argument (sinh, say) means adding one row here and
 * nothing else: OpName is any row's name; the parser finds a function in this
 * table as it parses; the engine, the lesson, the drawing and every writer of
 * expressions read the row (its `binds` is the one table of precedence); the
 * plain-Python export writes the op's `Value` method from its python fields,
 * and the PyTorch export calls the tensor method its `python` names (one torch
 * has, as `x.sinh()`). A new infix operator takes more: the parser's grammar
 * (src/scenario/expression.ts) and the DOT and Mermaid captions
 * (src/layout/export.ts) know the five by their symbols.
 */
export interface OpRow {
  /**
   * How a scenario writes it: an infix operator, unary minus, or a function of
   * one argument. The row is keyed by that spelling (`+` → OPS['+'], `tanh` →
   * OPS.tanh; unary minus is `neg`): the parser looks it up so, and the DOT
   * captions and the menu's line write the key. `binds` is how tightly an
   * operator holds its operands when written inline (+ 1, · 2, unary minus 3,
   * ^ 4; a name or a call binds as ATOM), as the parser's grammar reads it:
   * the lesson's menu line, the generated node names and the DOT/Mermaid
   * captions all read it here, to write exactly the parentheses the parser
   * needs.
   */
  parse: { operator: Operator; binds: number } | { prefix: '-'; binds: number } | { function: string };
  /** How the node reads in the lesson's text, given its operands' names: `a + b`, `tanh(n)`. */
  write(operands: string[]): string;
  /** What a box's title shows before the node's name: `+ c`, `σ s`, `× z`. */
  symbol: string;
  /**
   * How an exported script writes it, given its operands as Python variables or
   * literals. Both exports read it: the plain-Python `Value` class and PyTorch
   * tensors share the operators and the method names (`n.tanh()`), which is
   * what lets a learner diff the two files.
   */
  python(operands: string[]): string;
  forward(x: number[]): number;
  /** ∂(this node)/∂(operand i), given the operand values and this node's value. */
  local(i: number, x: number[], out: number): number;
  /** The local derivative as a rule the learner can read: ∂(a·b)/∂a = b. */
  writeLocal(i: number, operands: string[], out: string): string;
  /**
   * The plain-Python Value method that `python` calls: `__add__` for `a + b`
   * (Python calls it, and `__radd__` for `3 + a`), `tanh` for `n.tanh()`.
   */
  pythonMethod: string;
  /**
   * `forward` in that method, as a Python expression of the operands' floats
   * `self.data` and (for two operands) `other.data`. Python's floats raise
   * where the tutor gives inf or nan: the class's helpers `_div`, `_pow`,
   * `_exp`, `_log` give what the tutor gives.
   */
  pythonForward: string;
  /** `local(i)` in that method's `_backward`: a Python expression of `self.data`, `other.data` and `out.data`. */
  pythonLocal(i: number): string;
  /** Comment lines above `_backward`'s lines, where a rule needs its reason. */
  pythonWhy?: string[];
}

/** How tightly a name, a number or a call binds: more than any operator, so it never needs parentheses. */
export const ATOM = 5;

/** How `*` is written everywhere a learner reads it: text, box titles, menus. */
export const TIMES = '·';

const binary = (symbol: string) => (o: string[]) => `${o[0]} ${symbol} ${o[1]}`;
/** A function's own parentheses are enough: tanh(-5), not tanh((-5)). */
const unwrap = (s: string) => (/^\([^()]*\)$/.test(s) ? s.slice(1, -1) : s);
/** A function row's `write`: `tanh(n)`. */
export const call = (fn: string) => (o: string[]) => `${fn}(${unwrap(o[0])})`;
/** A function row's `python`, `n.tanh()`: a method of a Value and of a tensor alike. */
export const method = (fn: string) => (o: string[]) => `${o[0]}.${fn}()`;

/**
 * The table, typed open (any name to a row) rather than by the names below:
 * a row added at run time — the op-row test adds `sinh` and removes it after —
 * is then an op like these, with no other file changed. See OpName.
 */
export const OPS: Record<OpName, OpRow> = {
  '+': {
    parse: { operator: '+', binds: 1 },
    write: binary('+'),
    symbol: '+',
    python: binary('+'),
    forward: ([a, b]) => a + b,
    local: () => 1,
    writeLocal: () => '1',
    pythonMethod: '__add__',
    pythonForward: 'self.data + other.data',
    pythonLocal: () => '1.0',
  },
  '-': {
    parse: { operator: '-', binds: 1 },
    write: binary('-'),
    symbol: '-',
    python: binary('-'),
    forward: ([a, b]) => a - b,
    local: (i) => (i === 0 ? 1 : -1),
    writeLocal: (i) => (i === 0 ? '1' : '-1'),
    pythonMethod: '__sub__',
    pythonForward: 'self.data - other.data',
    pythonLocal: (i) => (i === 0 ? '1.0' : '-1.0'),
  },
  '*': {
    parse: { operator: '*', binds: 2 },
    write: binary(TIMES),
    // On a box, · already means "not computed yet" (`g ·`), so a product's title is `× z`.
    symbol: '×',
    python: binary('*'),
    forward: ([a, b]) => a * b,
    // The other factor: ∂(a·b)/∂a = b. For a·a each slot gets the other a.
    local: (i, [a, b]) => (i === 0 ? b : a),
    writeLocal: (i, o) => (i === 0 ? o[1] : o[0]),
    pythonMethod: '__mul__',
    pythonForward: 'self.data * other.data',
    pythonLocal: (i) => (i === 0 ? 'other.data' : 'self.data'),
  },
  '/': {
    parse: { operator: '/', binds: 2 },
    write: binary('/'),
    symbol: '/',
    python: binary('/'),
    forward: ([a, b]) => a / b,
    // −(a/b)/b as PyTorch computes it: −a/(b·b) squares b first, which
    // underflows to 0 (and the derivative to −∞) for |b| below about 1e-162.
    local: (i, [a, b]) => (i === 0 ? 1 / b : -(a / b) / b),
    writeLocal: (i, o) => (i === 0 ? `1/${o[1]}` : `-(${o[0]}/${o[1]})/${o[1]}`),
    pythonMethod: '__truediv__',
    pythonForward: '_div(self.data, other.data)',
    pythonLocal: (i) => (i === 0 ? '_div(1.0, other.data)' : '-_div(out.data, other.data)'),
    pythonWhy: ['-(a/b)/b rather than -a/b**2, as PyTorch: b**2 underflows to 0 for a tiny b.'],
  },
  '^': {
    parse: { operator: '^', binds: 4 },
    write: binary('^'),
    symbol: '^',
    python: binary('**'),
    forward: ([a, b]) => power(a, b),
    local: (i, [a, b], out) => (i === 0 ? powerBase(a, b) : powerExponent(a, b, out)),
    writeLocal: (i, o, out) => (i === 0 ? `${o[1]}·${o[0]}^(${o[1]}-1)` : `${out}·ln(${o[0]})`),
    pythonMethod: '__pow__',
    pythonForward: '_pow(self.data, other.data)',
    // The same two rules as powerBase and powerExponent, read by the same tests at the same edge points.
    pythonLocal: (i) =>
      i === 0
        ? '0.0 if other.data == 0 else other.data * _pow(self.data, other.data - 1)'
        : '0.0 if self.data == 0 and other.data >= 0 else out.data * _log(self.data)',
    pythonWhy: [
      "PyTorch's rules at the edges: to the power 0 the base has no slope (even at 0),",
      'and at a base of 0 the exponent has none (for an exponent >= 0), where ln(0) is -inf.',
    ],
  },
  neg: {
    parse: { prefix: '-', binds: 3 },
    write: (o) => `-${o[0]}`,
    symbol: 'neg',
    python: (o) => `-${o[0]}`,
    forward: ([a]) => -a,
    local: () => -1,
    writeLocal: () => '-1',
    pythonMethod: '__neg__',
    pythonForward: '-self.data',
    pythonLocal: () => '-1.0',
  },
  tanh: {
    parse: { function: 'tanh' },
    write: call('tanh'),
    symbol: 'tanh',
    python: method('tanh'),
    forward: ([a]) => Math.tanh(a),
    local: (_i, _x, out) => 1 - out * out,
    writeLocal: (_i, _o, out) => `1 - ${out}²`,
    pythonMethod: 'tanh',
    pythonForward: 'math.tanh(self.data)',
    pythonLocal: () => '1 - out.data * out.data',
  },
  exp: {
    parse: { function: 'exp' },
    write: call('exp'),
    symbol: 'exp',
    python: method('exp'),
    forward: ([a]) => Math.exp(a),
    local: (_i, _x, out) => out,
    writeLocal: (_i, _o, out) => out,
    pythonMethod: 'exp',
    pythonForward: '_exp(self.data)',
    pythonLocal: () => 'out.data',
  },
  log: {
    parse: { function: 'log' },
    write: call('log'),
    symbol: 'log',
    python: method('log'),
    forward: ([a]) => Math.log(a),
    local: (_i, [a]) => 1 / a,
    writeLocal: (_i, o) => `1/${o[0]}`,
    pythonMethod: 'log',
    pythonForward: '_log(self.data)',
    pythonLocal: () => '_div(1.0, self.data)',
  },
  relu: {
    parse: { function: 'relu' },
    write: call('relu'),
    symbol: 'relu',
    python: method('relu'),
    forward: ([a]) => Math.max(0, a),
    // micrograd's convention: the slope at exactly 0 is 0.
    local: (_i, [a]) => (a > 0 ? 1 : 0),
    writeLocal: (_i, o) => `(${o[0]} > 0 ? 1 : 0)`,
    pythonMethod: 'relu',
    pythonForward: '0.0 if self.data < 0 else self.data',
    pythonLocal: () => '1.0 if self.data > 0 else 0.0',
    pythonWhy: ['the slope at exactly 0 is 0'],
  },
  sigmoid: {
    parse: { function: 'sigmoid' },
    write: call('sigmoid'),
    symbol: 'σ',
    python: method('sigmoid'),
    forward: ([a]) => 1 / (1 + Math.exp(-a)),
    local: (_i, _x, out) => out * (1 - out),
    writeLocal: (_i, _o, out) => `${out}·(1 - ${out})`,
    pythonMethod: 'sigmoid',
    pythonForward: '1.0 / (1.0 + _exp(-self.data))',
    pythonLocal: () => 'out.data * (1 - out.data)',
  },
};

/**
 * a^b as C, Python and PyTorch compute it: JavaScript's `**` says NaN for 1^NaN
 * and (−1)^±∞, where they all say 1 (a NaN upstream would otherwise show NaN
 * in the tutor and 1 in both exports).
 */
function power(a: number, b: number): number {
  return a === 1 || (a === -1 && (b === Infinity || b === -Infinity)) ? 1 : a ** b;
}

/**
 * ∂(a^b)/∂a = b·a^(b−1). PyTorch's rule at b = 0: the power is the constant 1,
 * so the slope is 0 even at a = 0, where 0·0^(−1) would be 0·∞ = NaN.
 */
function powerBase(a: number, b: number): number {
  return b === 0 ? 0 : b * power(a, b - 1);
}

/**
 * ∂(a^b)/∂b = a^b·ln(a). Over the reals only defined for a > 0. PyTorch's rule
 * at a zero base: 0 for an exponent b ≥ 0 (0^0 = 1 too, where 1·ln(0) would be
 * −∞), so a dead `relu(w) ^ p` does not turn every gradient upstream into NaN.
 * Everywhere else a^b·ln(a): a negative base gives NaN even where its power
 * underflows to 0, (−0.5)^2000, and the lesson says why at that step.
 */
function powerExponent(a: number, b: number, out: number): number {
  return a === 0 && b >= 0 ? 0 : out * Math.log(a);
}

/** Every row, by op name, as the table is now: a row added at run time shows here, in the parser and in the drawing. */
export function opRows(): [OpName, OpRow][] {
  return Object.entries(OPS);
}

export function opRow(op: OpName): OpRow {
  if (op === 'input' || op === 'const') throw new Error(`a ${op} node has no operation`);
  const row = Object.hasOwn(OPS, op) ? OPS[op] : undefined;
  if (!row) throw new Error(`no op row for ${op}`);
  return row;
}

/**
 * The op a function name calls (`tanh` → tanh), if there is one: a function's
 * row is keyed by its name, so the parser looks the name up in the table as
 * it is at each call. A list kept from an earlier call would refuse a row
 * added since; the look-up costs about 20 ns.
 */
export function functionOp(name: string): OpName | undefined {
  const parse = Object.hasOwn(OPS, name) ? OPS[name].parse : undefined;
  return parse && 'function' in parse && parse.function === name ? name : undefined;
}

/** The op whose row the parser reads as this infix operator: its row is keyed by its symbol. */
export function operatorOp(operator: Operator): OpName {
  const parse = Object.hasOwn(OPS, operator) ? OPS[operator].parse : undefined;
  if (!parse || !('operator' in parse) || parse.operator !== operator) throw new Error(`no op row for the operator ${operator}`);
  return operator;
}

/** How tightly a node binds written inline (see OpRow.parse): a leaf or a call binds as ATOM. */
export function bindsOf(op: OpName): number {
  if (op === 'input' || op === 'const') return ATOM;
  const parse = opRow(op).parse;
  return 'function' in parse ? ATOM : parse.binds;
}

/** The names the parser accepts as functions, in table order: `tanh, exp, log, relu, sigmoid`. */
export function functionNames(): string[] {
  return opRows().flatMap(([, row]) => ('function' in row.parse ? [row.parse.function] : []));
}
