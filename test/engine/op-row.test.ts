import { describe, expect, it } from 'vitest';
import { backprop, OPS, type OpName, type OpRow } from '../../src/engine/index.js';
import { drawGraph, drawingToText, layoutGraph } from '../../src/layout/index.js';
import { buildLesson } from '../../src/lesson/index.js';
import { parseScenario, ScenarioError } from '../../src/scenario/index.js';
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
