// A local derivative typed as a rule: checked by what it gives at the current values and at other values of the
// op's operands, against the op row's own local derivative. Every number below is worked out by hand in a comment.
import { describe, expect, it } from 'vitest';
import { backprop } from '../../src/engine/index.js';
import { checkRule, localRuleOf, readRule, type LocalRule } from '../../src/lesson/index.js';
import { parseScenario } from '../../src/scenario/index.js';

/** The rule of edge node → operand in a scenario written as its lines (inputs: and nodes:). */
function ruleAt(lines: string[], node: string, operand: string): LocalRule {
  const trace = backprop(parseScenario(['title: t', ...lines].join('\n'), 't.yaml').graph);
  const edge = trace.contributions.find((c) => c.node === node && c.operand === operand)!;
  return localRuleOf(edge, trace)!;
}

// c = a · b with a = 3, b = -5, and c used on by L = c · f: ∂c/∂a = b = -5.
const product = ruleAt(['inputs:', '  a: 3', '  b: -5', '  f: 2', 'nodes:', '  c: a * b', '  L: c * f'], 'c', 'a');
// o = tanh(n) with n = 0.8813735870195432 (= atanh(1/√2)), so o = 1/√2 and ∂o/∂n = 1 - o² = 0.5, while 1 - n² ≈ 0.2232.
const tanh = ruleAt(['inputs:', '  n: 0.8813735870195432', 'nodes:', '  o: tanh(n)'], 'o', 'n');
// c = x ^ 2 with x = 3: ∂c/∂x = 2·x = 6; the 2 is a constant and stays 2.
const square = ruleAt(['inputs:', '  x: 3', 'nodes:', '  c: x ^ 2'], 'c', 'x');
// q = a / b with a = 3, b = -2: ∂q/∂b = -(a/b)/b = -(-1.5)/(-2) = -0.75.
const quotient = ruleAt(['inputs:', '  a: 3', '  b: -2', 'nodes:', '  q: a / b'], 'q', 'b');
// y = exp(n) with n = 0.5: ∂y/∂n = y = e^0.5.
const exp = ruleAt(['inputs:', '  n: 0.5', 'nodes:', '  y: exp(n)'], 'y', 'n');
// s = a + b: ∂s/∂a = 1.
const sum = ruleAt(['inputs:', '  a: 3', '  b: -5', 'nodes:', '  s: a + b'], 's', 'a');
// loss = (o - y)^2, the inner o - y not named: ∂loss/∂(o-y) = 2·(o-y).
const loss = ruleAt(['inputs:', '  o: 0.5', '  y: 1', 'nodes:', '  loss: (o - y) ^ 2'], 'loss', 'o-y');

describe('a right rule, however it is written', () => {
  for (const [name, rule, texts] of [
    ['∂(a·b)/∂a', product, ['b', '(b)', '-(-b)', 'b*a/a', 'c/a']],
    ['tanh', tanh, ['1 - o^2', '1-o**2', '1 - tanh(n)^2', '(1 - o)*(1 + o)', '1 - o*o']],
    ['∂(x²)/∂x', square, ['2*x', 'x*2', '2 * x^1', 'x + x', '2*c/x']],
    ['∂(a/b)/∂b', quotient, ['-(a/b)/b', '-a/b^2', '-q/b', '-a/(b*b)', 'a/b/-b']],
    ['exp', exp, ['y', 'exp(n)', 'exp(n/2)^2']],
    ['a sum', sum, ['(1)', 'a/a', 's - s + 1']],
    ['an operand not named, written whole', loss, ['2*(o-y)', '2 * (o - y)', '(o-y)*2', '2*(o-y)^1']],
  ] as const)
    it(`${name}: ${texts.join(' · ')}`, () => {
      for (const text of texts) expect(checkRule(rule, text), text).toEqual({ right: true });
    });
});

describe('a common wrong rule gets its own reason', () => {
  for (const [name, rule, text, why] of [
    ['a for ∂(a·b)/∂a', product, 'a', 'that is a itself; a product hands each factor the other one: ∂c/∂a = b.'],
    ['1 for a product', product, '1 + 0', "1 is a sum's local derivative; a product hands each factor the other one: ∂c/∂a = b."],
    ["tanh's slope from its input", tanh, '1 - n^2', "that is 1 - n² with the input n; tanh's slope reads its output: ∂o/∂n = 1 - o²."],
    ['x for ∂(x²)/∂x', square, 'x', 'the exponent 2 is not brought down as a factor: ∂c/∂x = 2·x^(2-1).'],
    ['x³ for ∂(x²)/∂x, the exponent not lowered', square, '2*x^2', 'the exponent is not lowered by one: ∂c/∂x = 2·x^(2-1).'],
    ['1 for exp', exp, 'n - n + 1', 'exp is no straight line: its slope is its own value, ∂y/∂n = y.'],
    ['the other operand for a sum', sum, 'b', "b is the other operand, a product's rule; a sum moves one for one with a: ∂s/∂a = 1."],
    ['the sign of a quotient', quotient, 'a/b^2', 'the sign is missing: ∂q/∂b = -(a/b)/b.'],
    ['the output for its slope', product, 'a*b', "that is c's value, not its slope: ∂c/∂a = b."],
    ['the sign flipped', tanh, 'o^2 - 1', 'the sign is flipped: ∂o/∂n = 1 - o².'],
  ] as const)
    it(name, () => expect(checkRule(rule, text)).toEqual({ right: false, why }));

  it('1 - n^2 is told from 1 - o^2 by the numbers: here 0.2232 against 0.5', () => {
    // The rule is wrong by what it gives, not by how it reads: 1 - n² written another way gets the same reason.
    expect(checkRule(tanh, '(1 - n)*(1 + n)').why).toContain('with the input n');
  });

  it('a rule right here by chance is not the rule: the point where it is not is named, and its numbers check', () => {
    // -5 is b's value now, so it gives the right number here, but not where b is anything else.
    const { right, why } = checkRule(product, '-5 * a / 3');
    expect(right).toBe(false);
    const [, b, gives, truth] = why!.match(
      /^-5 \* a \/ 3 gives the right number here, but it is not the rule: at a = (?:[-\d.]+), b = ([-\d.]+) it gives ([-\d.]+), and ∂c\/∂a = b is ([-\d.]+)\.$/,
    )!;
    // At that point ∂c/∂a is b itself; and -5·a/3 is what it gives there.
    expect(Number(truth)).toBe(Number(b));
    const a = Number(why!.match(/at a = ([-\d.]+)/)![1]);
    expect(Number(gives)).toBeCloseTo((-5 * a) / 3, 4);
  });

  it('a rule that is none of them says what it gives here', () => {
    // a + b = 3 + (-5) = -2.
    expect(checkRule(product, 'a + b')).toEqual({ right: false, why: 'a + b gives -2 here, and ∂c/∂a = b is -5.' });
  });

  it('a rule with no number at the current values says so', () => {
    // ∂c/∂a at a = 0 is b = -5, but b·a/a is 0/0 there.
    const atZero = ruleAt(['inputs:', '  a: 0', '  b: -5', 'nodes:', '  c: a * b'], 'c', 'a');
    expect(checkRule(atZero, 'b*a/a')).toEqual({ right: false, why: 'b*a/a gives no number at a = 0, b = -5, where ∂c/∂a = b is -5.' });
  });

  it('a negative base to a power that is an input: the points where it has no slope are drawn again', () => {
    // p = a ^ k with a = -2, k = 3: ∂p/∂a = k·a^(k-1) = 3·4 = 12. A drawn k such as 1.7 gives (-2)^0.7, no real number.
    const power = ruleAt(['inputs:', '  a: -2', '  k: 3', 'nodes:', '  p: a ^ k'], 'p', 'a');
    expect(checkRule(power, 'k*a^(k-1)')).toEqual({ right: true });
    expect(checkRule(power, 'k*p/a')).toEqual({ right: true });
    expect(checkRule(power, '12').right).toBe(false);
  });

  it("relu's rule holds on the side of 0 its operand is on", () => {
    // r = relu(n) at n = 2: the slope is 1 there, and for every n > 0.
    const relu = ruleAt(['inputs:', '  n: 2', 'nodes:', '  r: relu(n)'], 'r', 'n');
    expect(checkRule(relu, 'n/n')).toEqual({ right: true });
    expect(checkRule(relu, 'r/n')).toEqual({ right: true });
    expect(checkRule(relu, 'n').right).toBe(false);
  });
});

describe('a rule reads only its own op', () => {
  it('a name from elsewhere in the graph: the local derivative depends only on this op', () => {
    const error = 'f is not in c = a · b: a local derivative depends only on its own op, so the rule reads a, b and c alone.';
    expect(readRule(product, 'f')).toEqual({ error });
    expect(checkRule(product, 'b * f / f')).toEqual({ right: false, why: error, error });
    expect(readRule(product, 'L / f')).toEqual({
      error: 'L is not in c = a · b: a local derivative depends only on its own op, so the rule reads a, b and c alone.',
    });
  });

  it('a name that is nowhere', () => {
    expect(readRule(product, 'w')).toEqual({ error: 'There is no w here: the rule reads a, b and c.' });
  });

  it('an operand not named is read whole, not through the names inside it', () => {
    expect(readRule(loss, '2*o - 2*y')).toEqual({
      error: 'o is not in loss = (o-y) ^ 2: a local derivative depends only on its own op, so the rule reads (o-y) and loss alone.',
    });
  });
});

describe('a text that is no rule', () => {
  for (const [text, error] of [
    ['b*', 'Not a rule: the expression ends after `*` at character 2; add what `*` applies to, or remove it.'],
    ['1 - o²', 'Not a rule: unexpected character `²` at character 6; type `^2` instead.'],
    ['2 x', 'Not a rule: an operator is missing between `2` and `x` at character 3; put one between them, e.g. `2 * x`.'],
    ['(b', 'Not a rule: this `(` is never closed at character 1; add the missing `)`.'],
    ['tanh', 'Not a rule: `tanh` is a function, not a value at character 1; call it with one argument, e.g. `tanh(x)`.'],
  ] as const)
    it(`${text}: ${error}`, () => expect(readRule(product, text)).toEqual({ error }));

  it('a rule is at most 40 characters', () => {
    expect(readRule(product, `b${' + 0'.repeat(13)}`)).toEqual({ error: 'A rule here is at most 40 characters: write it shorter.' });
  });
});
