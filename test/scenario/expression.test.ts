import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExprSyntaxError, MAX_NESTING, parseExpression, type Expr } from '../../src/scenario/index.js';
import { preorder } from '../../src/scenario/expression.js';
import { generatedNameOf } from '../../src/scenario/labels.js';

/** Fully parenthesised, so the tree's shape is visible in one string. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return e.text;
    case 'name':
      return e.name;
    case 'neg':
      return `(-${show(e.operand)})`;
    case 'binary':
      return `(${show(e.left)}${e.op}${show(e.right)})`;
    case 'call':
      return `${e.fn}(${show(e.arg)})`;
  }
}

const label = (e: Expr): string => generatedNameOf(e, label);

function syntaxError(source: string): ExprSyntaxError {
  try {
    parseExpression(source);
  } catch (error) {
    if (error instanceof ExprSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(source)}`);
}

describe('parseExpression: precedence and associativity', () => {
  it.each([
    ['-a^2', '(-(a^2))'],
    ['-a ^ 2', '(-(a^2))'],
    ['a^b^c', '(a^(b^c))'],
    ['a-b-c', '((a-b)-c)'],
    ['a/b/c', '((a/b)/c)'],
    ['2**3', '(2^3)'],
    ['2 ** 3 ^ 4', '(2^(3^4))'],
    ['a ^ -b', '(a^(-b))'],
    ['2^-1', '(2^(-1))'],
    ['a^-b^c', '(a^(-(b^c)))'],
    ['(a^b)^c', '((a^b)^c)'],
    ['(-a)^2', '((-a)^2)'],
    ['-a*b', '((-a)*b)'],
    ['a*-b', '(a*(-b))'],
    ['a - -b', '(a-(-b))'],
    ['--a', '(-(-a))'],
    ['a+b*c', '(a+(b*c))'],
    ['a*b+c', '((a*b)+c)'],
    ['(a+b)*c', '((a+b)*c)'],
    ['a+b-c+d', '(((a+b)-c)+d)'],
    ['a*b/c*d', '(((a*b)/c)*d)'],
    ['tanh(a+b)*c', '(tanh((a+b))*c)'],
    ['exp(-x)^2', '(exp((-x))^2)'],
    ['sigmoid(relu(log(x)))', 'sigmoid(relu(log(x)))'],
    ['x ^ 2 * (x + 3)', '((x^2)*(x+3))'],
  ])('%s parses as %s', (source, expected) => {
    expect(show(parseExpression(source))).toBe(expected);
  });

  it.each([
    ['3', 3],
    ['0.5', 0.5],
    ['1e-3', 0.001],
    ['1E+3', 1000],
    ['.5', 0.5],
    ['6.8813735870195432', 6.8813735870195432],
  ])('reads the number %s', (source, value) => {
    const e = parseExpression(source);
    expect(e).toMatchObject({ kind: 'number', value, text: source, offset: 0, length: source.length });
  });

  it('reads -5 as a negation of the literal 5', () => {
    expect(parseExpression('-5')).toMatchObject({ kind: 'neg', operand: { kind: 'number', value: 5 } });
  });

  it('reads names with digits and underscores', () => {
    expect(parseExpression('_w1 * x_2')).toMatchObject({ left: { name: '_w1' }, right: { name: 'x_2' } });
  });
});

describe('parseExpression: positions', () => {
  it('gives each operation its span and its operator', () => {
    const e = parseExpression('a + b * c');
    expect(e).toMatchObject({ kind: 'binary', op: '+', offset: 0, length: 9, opOffset: 2 });
    if (e.kind !== 'binary') throw new Error('not binary');
    expect(e.right).toMatchObject({ op: '*', offset: 4, length: 5, opOffset: 6 });
    expect(e.right.kind === 'binary' && e.right.right).toMatchObject({ kind: 'name', name: 'c', offset: 8, length: 1 });
  });

  it('counts an operand’s parentheses in its parent’s span but not in its own', () => {
    const e = parseExpression('(a+b)*c');
    expect(e).toMatchObject({ op: '*', offset: 0, length: 7, opOffset: 5, left: { op: '+', offset: 1, length: 3 } });
  });

  it('spans calls, negations and `**`', () => {
    expect(parseExpression(' tanh( x ) ')).toMatchObject({ kind: 'call', fn: 'tanh', offset: 1, length: 9, arg: { offset: 7 } });
    expect(parseExpression('- a')).toMatchObject({ kind: 'neg', offset: 0, length: 3, operand: { offset: 2 } });
    expect(parseExpression('x ** 2')).toMatchObject({ op: '^', opOffset: 2, offset: 0, length: 6 });
  });
});

describe('parseExpression: errors point at the offending character', () => {
  it.each([
    ['a + * b', 4, /after `\+`, found `\*`/],
    ['* b', 0, /starts with `\*`/],
    ['(a + b', 0, /`\(` is never closed/],
    ['a * (b + (c)', 4, /`\(` is never closed/],
    ['a + b)', 5, /`\)` has no matching `\(`/],
    [')', 0, /`\)` has no matching `\(`/],
    ['a +', 2, /ends after `\+`/],
    ['-', 0, /ends after `-`/],
    ['', 0, /empty/],
    ['   ', 0, /empty/],
    ['()', 1, /hold nothing/],
    ['sin(a)', 0, /^unknown function `sin`; the functions are tanh, exp, log, relu, sigmoid$/],
    ['tanh(a, b)', 6, /`tanh` takes exactly one argument/],
    ['exp()', 4, /`exp` needs one argument/],
    ['exp + 1', 0, /`exp` is a function, not a value/],
    ['2x', 1, /operator is missing between `2` and `x`/],
    ['(a b)', 3, /operator is missing between `a` and `b`/],
    ['a, b', 1, /unexpected `,`/],
    ['a $ b', 2, /unexpected character `\$`/],
    ['a × b', 2, /unexpected character `×`/],
    ['c = a + b', 2, /no `=`/],
    ['1e999 * a', 0, /too large/],
  ])('%j fails at offset %i', (source, offset, problem) => {
    const error = syntaxError(source);
    expect(error.offset).toBe(offset);
    expect(error.problem).toMatch(problem);
    expect(error.fix.length).toBeGreaterThan(5);
  });

  it('suggests the ASCII character for a look-alike', () => {
    expect(syntaxError('a × b').fix).toBe('type `*` instead');
    expect(syntaxError('a − b').fix).toBe('type `-` instead');
  });
});

describe('parseExpression: size and depth', () => {
  it(`parses parentheses ${MAX_NESTING} deep`, () => {
    const source = `${'('.repeat(MAX_NESTING)}a${')'.repeat(MAX_NESTING)}`;
    expect(parseExpression(source)).toMatchObject({ kind: 'name', name: 'a', offset: MAX_NESTING });
  });

  it('rejects 10,000-deep parentheses with a clean error at the first one too deep', () => {
    const source = `${'('.repeat(10_000)}a${')'.repeat(10_000)}`;
    const error = syntaxError(source);
    expect(error.offset).toBe(MAX_NESTING);
    expect(error.problem).toMatch(/nest more than 200 deep/);
  });

  it('rejects 10,000 nested calls the same way', () => {
    const source = `${'exp('.repeat(10_000)}a${')'.repeat(10_000)}`;
    expect(syntaxError(source).offset).toBe(4 * MAX_NESTING + 3); // the `(` of the first call too deep
  });

  it('parses a 100,000-term sum without recursion', () => {
    const source = Array.from({ length: 100_000 }, () => 'a').join('+');
    const e = parseExpression(source);
    expect(e).toMatchObject({ kind: 'binary', op: '+', offset: 0, length: source.length, opOffset: source.length - 2 });
    expect([...preorder(e)].length).toBe(199_999);
  });

  it('parses 100,000-long chains of `^` and of unary minus', () => {
    const power = parseExpression(Array.from({ length: 100_000 }, () => 'a').join('^'));
    expect(power).toMatchObject({ kind: 'binary', op: '^', opOffset: 1, left: { name: 'a' } });
    const minus = parseExpression(`${'-'.repeat(100_000)}a`);
    expect(minus).toMatchObject({ kind: 'neg', offset: 0, length: 100_001 });
  });
});

describe('parseExpression: properties', () => {
  const pieces = ['a', 'b', 'x1', '2', '0.5', '1e-3', '+', '-', '*', '/', '^', '**', '(', ')', ',', ' ', 'tanh', 'exp(', 'sin(', '$', '.'];

  it('returns an AST or throws ExprSyntaxError for any string', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(anyText, (source) => {
        try {
          const e = parseExpression(source);
          // Every span lies inside the source.
          for (const node of preorder(e)) {
            expect(node.offset).toBeGreaterThanOrEqual(0);
            expect(node.offset + node.length).toBeLessThanOrEqual(source.length);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(ExprSyntaxError);
          const offset = (error as ExprSyntaxError).offset;
          expect(offset).toBeGreaterThanOrEqual(0);
          expect(offset).toBeLessThanOrEqual(source.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back its fully parenthesised form and its generated label as the same tree', () => {
    const leaf = fc.constantFrom('a', 'b', '2', '0.5');
    const tree = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^'), tie('e')).map(([l, op, r]) => `(${l}${op}${r})`),
        tie('e').map((x) => `(-${x})`),
        fc.tuple(fc.constantFrom('tanh', 'exp', 'log', 'relu', 'sigmoid'), tie('e')).map(([f, x]) => `${f}(${x})`),
      ),
    })).e;
    fc.assert(
      fc.property(tree, (source) => {
        const e = parseExpression(source);
        expect(show(parseExpression(show(e)))).toBe(show(e));
        const text = label(e);
        if (!text.includes('…')) expect(show(parseExpression(text))).toBe(show(e));
      }),
      { numRuns: 1000 },
    );
  });
});
