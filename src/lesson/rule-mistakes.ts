/**
 * The wrong rules people give for a local derivative, each with why it is wrong: `a` for ∂(a·b)/∂a, tanh's
 * slope from its input, `1` for exp. Each is what it computes, so a typed rule is matched by evaluating it
 * (./rule.ts), however it is written.
 */
import { opRow, type OpName } from '../engine/index.js';
import { asOperand } from './format.js';
import type { LocalRule } from './rule.js';

/** A wrong rule people give, as what it computes from the operands' values and the output's, and why it is wrong. */
export interface Mistake {
  f: (x: number[], out: number) => number;
  why: string;
}

/** The wrong rules people give for this op, each with its reason; then the ones any op can draw. */
export function mistakesOf(rule: LocalRule, words: { right: string; op: string }): Mistake[] {
  const { op, slot: i } = rule;
  const [self, other] = [asOperand(rule.operands[i]), asOperand(rule.operands[1 - i] ?? '')];
  const out = asOperand(rule.out);
  const { right } = words;
  const pow = (a: number, b: number) => opRow('^').forward([a, b]);
  const otherOperand: Mistake = {
    f: (x) => x[1 - i],
    why: `${other} is the other operand, a product's rule; a sum moves one for one with ${self}: ${right}.`,
  };
  const own: Record<OpName, Mistake[]> = {
    '+': [otherOperand],
    '-': [
      { f: () => (i === 0 ? -1 : 1), why: `the sign: ${words.op} ${i === 0 ? 'rises' : 'falls'} as ${self} grows, so ${right}.` },
      otherOperand,
    ],
    '*': [
      { f: (x) => x[i], why: `that is ${self} itself; a product hands each factor the other one: ${right}.` },
      { f: () => 1, why: `1 is a sum's local derivative; a product hands each factor the other one: ${right}.` },
    ],
    '/':
      i === 0
        ? [{ f: (x) => x[1], why: `that multiplies by ${other}, where ${words.op} divides by it: ${right}.` }]
        : [
            { f: ([a, b]) => a / b / b, why: `the sign is missing: ${right}.` },
            { f: ([, b]) => 1 / b, why: `1/${self} is the numerator's local derivative; the denominator's is ${right}.` },
            { f: ([, b]) => -1 / b / b, why: `the numerator ${other} is missing: ${right}.` },
          ],
    '^':
      i === 0
        ? [
            { f: ([a, b]) => pow(a, b - 1), why: `the exponent ${other} is not brought down as a factor: ${right}.` },
            { f: (x) => x[0], why: `that is ${self} itself; the power rule brings the exponent down and lowers it by one: ${right}.` },
            { f: ([a, b]) => b * pow(a, b), why: `the exponent is not lowered by one: ${right}.` },
          ]
        : [
            { f: ([a, b]) => b * pow(a, b - 1), why: `that is the base's rule; the exponent's is ${right}, as e^x's slope is e^x.` },
            { f: (_x, value) => value, why: `the factor ln(${other}) is missing: ${right}.` },
            { f: ([a]) => Math.log(a), why: `the factor ${out} is missing: ${right}.` },
          ],
    neg: [{ f: () => 1, why: `the sign: ${words.op} falls as ${self} grows, so ${right}.` }],
    tanh: [
      { f: ([n]) => 1 - n * n, why: `that is 1 - ${self}² with the input ${self}; tanh's slope reads its output: ${right}.` },
      { f: (_x, t) => 1 - t, why: `the square is missing: ${right}.` },
    ],
    sigmoid: [
      { f: ([n]) => n * (1 - n), why: `that reads the input ${self}; σ's slope reads its output: ${right}.` },
      { f: (_x, s) => 1 - s * s, why: `that is tanh's slope; σ's is ${right}.` },
    ],
    exp: [
      { f: () => 1, why: `exp is no straight line: its slope is its own value, ${right}.` },
      {
        f: ([n]) => n * Math.exp(n - 1),
        why: `that is the power rule, for ${self}^k; in e^${self} the variable is the exponent, and the slope is e^${self} itself: ${right}.`,
      },
    ],
  };
  const local = (x: number[], value: number) => opRow(op).local(i, x, value);
  return [
    ...(own[op] ?? []),
    { f: (_x, value) => value, why: `that is ${out}'s value, not its slope: ${right}.` },
    { f: (x) => x[i], why: `that is ${self}'s own value, not ${out}'s slope: ${right}.` },
    { f: (x, value) => -local(x, value), why: `the sign is flipped: ${right}.` },
  ];
}
