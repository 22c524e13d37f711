import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backprop, bindsOf, call, method, nudge, OPS, type OpRow, type Trace } from '../../src/engine/index.js';
import { drawGraph, drawingToText, layoutGraph, toDot } from '../../src/layout/index.js';
import { buildLesson } from '../../src/lesson/index.js';
import { expressionOf } from '../../src/lesson/format.js';
import { parseExpression, parseScenario, ScenarioError, type Expr, type Scenario } from '../../src/scenario/index.js';
import { toPython, toPyTorch } from '../../src/export/index.js';
import { close, parsePrinted } from '../export/reference.js';
import { pythonWith, runScripts } from '../export/run-python.js';

const python = spawnSync('python3', ['--version']).status === 0 ? 'python3' : null;
if (!python) console.log('The added op’s plain-Python script is not run: there is no python3 here.');
const torchPython = pythonWith('torch');
if (!torchPython) console.log('The added op’s PyTorch script is not run: no Python here imports torch (apt-get install -y python3-torch).');

// An op the tutor does not have, added as one row: everything else must follow from it.
const sinh: OpRow = {
  parse: { function: 'sinh' },
  write: call('sinh'),
  symbol: 'sinh',
  python: method('sinh'),
  forward: ([a]) => Math.sinh(a),
  local: (_i, [a]) => Math.cosh(a),
  writeLocal: (_i, o) => call('cosh')(o),
  pythonMethod: 'sinh',
  pythonForward: 'math.sinh(self.data)',
  pythonLocal: () => 'math.cosh(self.data)',
};

const TEXT = 'title: Sinh\ninputs:\n  x: 0.5\n  w: -1.5\nnodes:\n  h: sinh(x * w)\n  z: h * h + x\n';

// By hand: u = x·w = -0.75, h = sinh(u), z = h² + x, so ∂z/∂x = 2h·cosh(u)·w + 1 and ∂z/∂w = 2h·cosh(u)·x.
const u = 0.5 * -1.5;
const BY_HAND = {
  values: { x: 0.5, w: -1.5, h: Math.sinh(u), z: Math.sinh(u) ** 2 + 0.5 },
  grads: { x: 2 * Math.sinh(u) * Math.cosh(u) * -1.5 + 1, w: 2 * Math.sinh(u) * Math.cosh(u) * 0.5, h: 2 * Math.sinh(u), z: 1 },
};

/** What an exported script printed, line by line against the engine: every value and gradient, and the nudge. */
function expectEngineNumbers(stdout: string, scenario: Scenario, trace: Trace) {
  const printed = parsePrinted(stdout);
  expect(printed.nodes.map((n) => n.name)).toEqual(['x', 'w', 'h', 'z']);
  for (const line of printed.nodes) {
    expect(close(line.value, trace.values[line.name]), `${line.name}: ${line.value} vs ${trace.values[line.name]}`).toBe(true);
    expect(close(line.grad, trace.grads[line.name]), `${line.name}: grad ${line.grad} vs ${trace.grads[line.name]}`).toBe(true);
  }
  const after = nudge(trace, scenario.nudge, { params: scenario.params, rows: [{}] }).after;
  expect(close(printed.nudge, after), `nudge ${printed.nudge} vs ${after}`).toBe(true);
}

describe('an op added as one row of the table at run time', () => {
  beforeAll(() => {
    // The tutor has parsed its lessons before any row is added: a parser that kept the table it read then would refuse sinh.
    parseScenario('title: t\ninputs:\n  x: 1\nnodes:\n  z: tanh(x)\n', 'first.yaml');
    OPS.sinh = sinh;
  });
  afterAll(() => {
    delete OPS.sinh;
  });

  it('is parsed as a function, though the parser read the table before the row was added', () => {
    const { graph } = parseScenario(TEXT, 'sinh.yaml');
    expect(graph.nodes.find((n) => n.name === 'h')?.op).toBe('sinh');
  });

  it('is computed forward and backward by its row, as worked out by hand', () => {
    const trace = backprop(parseScenario(TEXT, 'sinh.yaml').graph);
    for (const [name, value] of Object.entries(BY_HAND.values)) expect(trace.values[name], name).toBeCloseTo(value, 12);
    for (const [name, grad] of Object.entries(BY_HAND.grads)) expect(trace.grads[name], name).toBeCloseTo(grad, 12);
  });

  it('is written by its row in the lesson and drawn with its symbol', () => {
    const scenario = parseScenario(TEXT, 'sinh.yaml');
    const lesson = buildLesson(scenario);
    // sinh(-0.75) = -0.822317 to six digits.
    expect(lesson.steps.find((s) => s.title === 'Forward: h')?.text).toBe('h = sinh(x*w) = sinh(-0.75) = -0.822317');
    const local = lesson.steps.find((s) => s.title === 'Backward: h → x*w')?.lines.find((l) => l.startsWith('local:'));
    expect(local).toContain('∂h/∂(x*w) = cosh(x*w) = 1.29468');
    expect(drawingToText(drawGraph(layoutGraph(scenario.graph), backprop(scenario.graph)))).toContain('─sinh h─');
  });

  it.skipIf(!python)('gets a method of its own in the plain-Python Value class: the script, run, prints the engine’s numbers', () => {
    const scenario = parseScenario(TEXT, 'sinh.yaml');
    const script = toPython(scenario, 'test');
    expect(script).toMatch(/^ +h = t1\.sinh\(\)/m);
    const [ran] = runScripts(python!, [script]);
    expect(ran.error).toBeUndefined();
    expectEngineNumbers(ran.stdout, scenario, backprop(scenario.graph));
  });

  it.skipIf(!torchPython)('is spelled by its row in the PyTorch script, which, run, prints the engine’s numbers', () => {
    const scenario = parseScenario(TEXT, 'sinh.yaml');
    const [ran] = runScripts(torchPython!, [toPyTorch(scenario, 'test')]);
    expect(ran.error).toBeUndefined();
    expectEngineNumbers(ran.stdout, scenario, backprop(scenario.graph));
  });

  it('is named in the parser’s error text, which comes from the table', () => {
    const bad = 'title: t\ninputs:\n  x: 1\nnodes:\n  z: softmax(x)\n';
    expect(() => parseScenario(bad, 'bad.yaml')).toThrow(ScenarioError);
    expect(() => parseScenario(bad, 'bad.yaml')).toThrow('the functions are tanh, exp, log, relu, sigmoid, sinh');
    expect(() => parseScenario('title: t\ninputs:\n  sinh: 1\nnodes:\n  z: sinh + 1\n', 'bad.yaml')).toThrow('`sinh` is a function name');
  });
});

describe('an op row removed again', () => {
  it('is refused by the parser, which reads the table as it is now', () => {
    expect(() => parseScenario(TEXT, 'sinh.yaml')).toThrow('unknown function `sinh`; the functions are tanh, exp, log, relu, sigmoid');
  });
});

describe('the built-in rows', () => {
  it('write * as · in text, and × on a box, where · means a number not computed yet', () => {
    expect(OPS['*'].write(['a', 'b'])).toBe('a · b');
    expect(OPS['*'].symbol).toBe('×');
    expect(Object.values(OPS).map((row) => row.symbol)).not.toContain('·');
  });

  it('are keyed by how a scenario spells them, which is how the parser finds them', () => {
    for (const [op, row] of Object.entries(OPS)) {
      const parse = row.parse;
      expect(op).toBe('operator' in parse ? parse.operator : 'function' in parse ? parse.function : 'neg');
    }
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
