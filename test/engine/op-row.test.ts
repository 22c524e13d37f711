import { describe, expect, it } from 'vitest';
import { backprop, bindsOf, OPS, type OpName, type OpRow } from '../../src/engine/index.js';
import { drawGraph, drawingToText, layoutGraph, toDot } from '../../src/layout/index.js';
import { buildLesson } from '../../src/lesson/index.js';
import { expressionOf } from '../../src/lesson/format.js';
import { parseExpression, parseScenario, ScenarioError, type Expr } from '../../src/scenario/index.js';
import { toPython, toPyTorch } from '../../src/export/index.js';

// An op the tutor does not have, added as one row: everything else must follow from it.
const softplus: OpRow = {
  parse: { function: 'softplus' },
  write: (o) => `softplus(${o[0]})`,
  symbol: 'sp',
  python: (o) => `${o[0]}.softplus()`,
  forward: ([a]) => Math.log1p(Math.exp(a)),
  local: (_i, [a]) => 1 / (1 + Math.exp(-a)),
  writeLocal: (_i, o) => `sigmoid(${o[0]})`,
};

describe('an op added as one row of the table', () => {
  (OPS as Record<string, OpRow>).softplus = softplus;
  const text = 'title: Softplus\ninputs:\n  x: 1\nnodes:\n  s: softplus(x)\n  z: s * 2\n';

  it('is parsed as a function', () => {
    const { graph } = parseScenario(text, 'sp.yaml');
    expect(graph.nodes.find((n) => n.name === 's')?.op).toBe('softplus' as OpName);
  });

  it('is computed forward and backward by its row', () => {
    const trace = backprop(parseScenario(text, 'sp.yaml').graph);
    // softplus(1) = ln(1 + e); ∂z/∂x = 2 · sigmoid(1).
    expect(trace.values.s).toBeCloseTo(Math.log(1 + Math.E), 12);
    expect(trace.grads.x).toBeCloseTo(2 / (1 + Math.exp(-1)), 12);
  });

  it('is written by its row in the lesson and drawn with its symbol', () => {
    const scenario = parseScenario(text, 'sp.yaml');
    const lesson = buildLesson(scenario);
    expect(lesson.steps.find((s) => s.title === 'Forward: s')?.text).toBe('s = softplus(x) = softplus(1) = 1.31326');
    expect(lesson.steps.find((s) => s.title === 'Backward: s → x')?.lines.find((l) => l.startsWith('local:'))).toContain(
      '∂s/∂x = sigmoid(x)',
    );
    const trace = backprop(scenario.graph);
    expect(drawingToText(drawGraph(layoutGraph(scenario.graph), trace))).toContain('─sp s─');
  });

  it('is written by its row in both exported scripts', () => {
    const scenario = parseScenario(text, 'sp.yaml');
    for (const script of [toPython(scenario, '0'), toPyTorch(scenario, '0')]) expect(script).toMatch(/^\s*s = x\.softplus\(\)/m);
  });

  it('is named in the parser’s error text, which comes from the table', () => {
    const bad = 'title: t\ninputs:\n  x: 1\nnodes:\n  z: softmax(x)\n';
    expect(() => parseScenario(bad, 'bad.yaml')).toThrow(ScenarioError);
    expect(() => parseScenario(bad, 'bad.yaml')).toThrow('the functions are tanh, exp, log, relu, sigmoid, softplus');
    expect(() => parseScenario('title: t\ninputs:\n  softplus: 1\nnodes:\n  z: softplus + 1\n', 'bad.yaml')).toThrow(
      '`softplus` is a function name',
    );
  });
});

describe('the built-in rows', () => {
  it('write * as · in text, and × on a box, where · means a number not computed yet', () => {
    expect(OPS['*'].write(['a', 'b'])).toBe('a · b');
    expect(OPS['*'].symbol).toBe('×');
    expect(Object.values(OPS).map((row) => row.symbol)).not.toContain('·');
  });

  it('give each op the spelling of the exported scripts', () => {
    expect(OPS['^'].python(['o', '2.0'])).toBe('o ** 2.0');
    expect(OPS.tanh.python(['n'])).toBe('n.tanh()');
    expect(OPS.neg.python(['(-3.0)'])).toBe('-(-3.0)');
    expect(OPS['*'].python(['a', 'b'])).toBe('a * b');
  });
});

/** `(a+b)*c`: the tree as the parser built it, with every pair of parentheses, to read its grouping. */
function grouped(expr: Expr): string {
  switch (expr.kind) {
    case 'number':
      return expr.text;
    case 'name':
      return expr.name;
    case 'neg':
      return `(-${grouped(expr.operand)})`;
    case 'call':
      return `${expr.fn}(${grouped(expr.arg)})`;
    case 'binary':
      return `(${grouped(expr.left)}${expr.op}${grouped(expr.right)})`;
  }
}

describe('precedence, one column of the table', () => {
  const infix = ['+', '-', '*', '/', '^'] as const;

  it('says how the parser groups every pair of operators', () => {
    for (const p of infix) {
      for (const q of infix) {
        // a p b q c groups to the left when p binds at least as tightly as q, but ^ groups to the right.
        const left = bindsOf(p) > bindsOf(q) || (bindsOf(p) === bindsOf(q) && p !== '^');
        const expected = left ? `((a${p}b)${q}c)` : `(a${p}(b${q}c))`;
        expect(grouped(parseExpression(`a ${p} b ${q} c`)), `a ${p} b ${q} c`).toBe(expected);
      }
      // Unary minus binds between · and ^: -a p b is (-a) p b, except -a ^ b, which is -(a ^ b).
      const expected = bindsOf('neg') > bindsOf(p) ? `((-a)${p}b)` : `(-(a${p}b))`;
      expect(grouped(parseExpression(`-a ${p} b`)), `-a ${p} b`).toBe(expected);
    }
  });

  it('is read by the three writers of expressions: generated names, the menu’s line and the DOT captions', () => {
    const text = 'title: t\ninputs:\n  a: 1\n  b: 2\n  c: 3\nnodes:\n  z: ((a + b) * c) ^ 2\n';
    const written = () => {
      const { graph } = parseScenario(text, 'p.yaml');
      const trace = backprop(graph);
      return [
        graph.nodes.find((n) => n.generated && n.op === '*')?.name,
        expressionOf(graph, 'z'),
        toDot(graph, trace.values, trace.grads),
      ];
    };
    const [name, menu, dot] = written();
    expect(name).toBe('(a+b)*c');
    expect(menu).toBe('((a + b) · c) ^ 2');
    expect(dot).toContain('z = ((a + b) * c) ^ 2');
    // A row that said + binds more tightly than · would drop the parentheses in all three: they read the row.
    const plus = OPS['+'].parse as { binds: number };
    const before = plus.binds;
    plus.binds = bindsOf('*') + 0.5;
    try {
      const [swappedName, swappedMenu, swappedDot] = written();
      expect(swappedName).toBe('a+b*c');
      expect(swappedMenu).toBe('(a + b · c) ^ 2');
      expect(swappedDot).toContain('z = (a + b * c) ^ 2');
    } finally {
      plus.binds = before;
    }
  });
});
