import { describe, expect, it } from 'vitest';
import { opRows } from '../../src/engine/index.js';
import { valueClass } from '../../src/export/value-class.js';
import { codeLineAt, edgeLine } from '../../src/lesson/code-line.js';
import { buildLesson } from '../../src/lesson/index.js';
import { parseScenario } from '../../src/scenario/index.js';
import { scenario } from '../helpers/session.js';

const graphOf = (nodes: string) => parseScenario(`title: t\ninputs:\n  a: 3\n  b: 2\nnodes:\n${nodes}\n`, 't.yaml').graph;

describe('the line of code a backward edge runs', () => {
  // Each op's edges, by hand from micrograd's engine.py (the exported class keeps PyTorch's rules at the edges).
  const cases: [string, number, string, string][] = [
    ['e: a * b', 0, 'a.grad += b.data * e.grad', 'self.grad += other.data * out.grad'],
    ['e: a * b', 1, 'b.grad += a.data * e.grad', 'other.grad += self.data * out.grad'],
    ['e: a + b', 0, 'a.grad += 1.0 * e.grad', 'self.grad += 1.0 * out.grad'],
    ['e: a - b', 1, 'b.grad += -1.0 * e.grad', 'other.grad += -1.0 * out.grad'],
    ['e: a / b', 0, 'a.grad += _div(1.0, b.data) * e.grad', 'self.grad += _div(1.0, other.data) * out.grad'],
    ['e: a / b', 1, 'b.grad += -_div(e.data, b.data) * e.grad', 'other.grad += -_div(out.data, other.data) * out.grad'],
    [
      'e: a ^ b',
      0,
      'a.grad += (0.0 if b.data == 0 else b.data * _pow(a.data, b.data - 1)) * e.grad',
      'self.grad += (0.0 if other.data == 0 else other.data * _pow(self.data, other.data - 1)) * out.grad',
    ],
    ['e: -a', 0, 'a.grad += -1.0 * e.grad', 'self.grad += -1.0 * out.grad'],
    ['e: tanh(a)', 0, 'a.grad += (1 - e.data * e.data) * e.grad', 'self.grad += (1 - out.data * out.data) * out.grad'],
    ['e: exp(a)', 0, 'a.grad += e.data * e.grad', 'self.grad += out.data * out.grad'],
    ['e: log(a)', 0, 'a.grad += _div(1.0, a.data) * e.grad', 'self.grad += _div(1.0, self.data) * out.grad'],
    ['e: relu(a)', 0, 'a.grad += (1.0 if a.data > 0 else 0.0) * e.grad', 'self.grad += (1.0 if self.data > 0 else 0.0) * out.grad'],
    ['e: sigmoid(a)', 0, 'a.grad += e.data * (1 - e.data) * e.grad', 'self.grad += out.data * (1 - out.data) * out.grad'],
  ];
  for (const [nodes, slot, lesson, micrograd] of cases)
    it(`${nodes}, operand ${slot}: ${lesson}`, () => {
      expect(edgeLine(graphOf(`  ${nodes}`), 'e', slot)).toEqual({ lesson, micrograd });
    });

  it('every op of the table: its micrograd line is the exported Value class’s own line', () => {
    const exported = valueClass();
    for (const [, row] of opRows()) {
      // An infix operator between a and b; unary minus and a function of a alone, as the row writes them.
      const nodes = 'operator' in row.parse ? `  e: a ${row.parse.operator} b` : `  e: ${row.write(['a'])}`;
      const graph = graphOf(nodes);
      graph.nodes.at(-1)!.inputs.forEach((_, slot) => expect(exported).toContain(`            ${edgeLine(graph, 'e', slot).micrograd}\n`));
    }
  });

  it('a constant operand is its number; a generated node is in parentheses', () => {
    // 2 · x: x is the product's second operand; ∂/∂x is the other factor, the constant 2.
    const graph = graphOf('  e: 2 * a + b');
    const product = graph.nodes.find((n) => n.op === '*')!;
    expect(edgeLine(graph, product.name, 1).lesson).toBe(`a.grad += 2 * (${product.name}).grad`);
    expect(edgeLine(graph, 'e', 0).lesson).toBe(`(${product.name}).grad += 1.0 * e.grad`);
  });
});

describe('the seed’s and the nudge’s lines', () => {
  it('the seed: z.grad = 1.0, micrograd’s self.grad = 1.0', () => {
    const lesson = buildLesson(scenario('reuse-add'));
    const seed = lesson.steps.findIndex((s) => s.phase === 'seed');
    expect(codeLineAt(lesson, seed)).toEqual({ lesson: 'z.grad = 1.0', micrograd: 'self.grad = 1.0' });
  });

  it('the nudge at the lesson’s rate, its sign kept, with the params’ names', () => {
    const up = buildLesson(scenario('reuse-add'));
    expect(
      codeLineAt(
        up,
        up.steps.findIndex((s) => s.phase === 'nudge'),
      ),
    ).toEqual({
      lesson: 'for p in [a, b]: p.data += 0.01 * p.grad',
      micrograd: 'p.data += 0.01 * p.grad',
    });
    const down = buildLesson(scenario('reuse-add'), { rate: -0.05 });
    expect(
      codeLineAt(
        down,
        down.steps.findIndex((s) => s.phase === 'nudge'),
      )?.micrograd,
    ).toBe('p.data += -0.05 * p.grad');
    const one = buildLesson(parseScenario('title: t\ninputs:\n  a: 3\nnodes:\n  z: a * a\n', 't.yaml'));
    expect(
      codeLineAt(
        one,
        one.steps.findIndex((s) => s.phase === 'nudge'),
      )?.lesson,
    ).toBe('a.data += 0.01 * a.grad');
  });

  it('a descent’s nudge and each training update, in lesson 15: rate -0.05, the params w1, w2, b (never the data)', () => {
    const lesson = buildLesson(scenario('neuron-learns'));
    const descent = { lesson: 'for p in [w1, w2, b]: p.data += -0.05 * p.grad', micrograd: 'p.data += -0.05 * p.grad' };
    expect(
      codeLineAt(
        lesson,
        lesson.steps.findIndex((s) => s.phase === 'nudge'),
      ),
    ).toEqual(descent);
    const updates = lesson.steps.flatMap((s, i) => (s.update !== undefined ? [i] : []));
    // Twenty updates and the Train summary, which ran them all.
    expect(updates.length).toBe(21);
    for (const i of updates) expect(codeLineAt(lesson, i)).toEqual(descent);
  });

  it('a forward step runs none of these', () => {
    const lesson = buildLesson(scenario('reuse-add'));
    expect(
      codeLineAt(
        lesson,
        lesson.steps.findIndex((s) => s.phase === 'forward'),
      ),
    ).toBeUndefined();
  });
});
