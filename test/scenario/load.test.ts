import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/engine/graph.js';
import { loadScenarioFile, parseScenario, scenarioId } from '../../src/scenario/index.js';
import { MAX_LABEL } from '../../src/scenario/labels.js';

/** [name, op, inputs] for every node, in order: the shape the lesson and layout depend on. */
const shape = (graph: Graph): [string, string, string[]][] => graph.nodes.map((n) => [n.name, n.op, n.inputs]);

/** Every operand comes before its user, and names are unique. */
function expectTopological(graph: Graph): void {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const node of graph.nodes) {
    for (const input of node.inputs) if (!seen.has(input)) problems.push(`${input} is not before ${node.name}`);
    if (seen.has(node.name)) problems.push(`${node.name} is not unique`);
    seen.add(node.name);
  }
  expect(problems).toEqual([]);
}

const scenario = (inputs: string, nodes: string, tail = '') => {
  const s = parseScenario(`title: T\ninputs:\n${inputs}nodes:\n${nodes}${tail}`, 'test.yaml');
  expectTopological(s.graph);
  return s;
};

describe('a nested expression', () => {
  it('makes one node per operation and per literal, operands first, with readable names', () => {
    const s = scenario('  x: 2\n', '  z: x ^ 2 * (x + 3)\n');
    expect(shape(s.graph)).toEqual([
      ['x', 'input', []],
      ['2', 'const', []],
      ['x^2', '^', ['x', '2']],
      ['3', 'const', []],
      ['x+3', '+', ['x', '3']],
      ['z', '*', ['x^2', 'x+3']],
    ]);
    expect(s.graph.nodes.map((n) => n.generated)).toEqual([false, true, true, true, true, false]);
    expect(s.graph.nodes.map((n) => n.value)).toEqual([2, 2, undefined, 3, undefined, undefined]);
    expect(s.graph.inputs).toEqual(['x']);
    expect(s.graph.output).toBe('z');
    expect(s.expressions).toEqual({ z: 'x ^ 2 * (x + 3)' });
  });

  it('names negations, calls and literals as written', () => {
    const s = scenario('  a: 1\n  b: 2\n', '  n: -a ^ 2 - -b\n  m: tanh(-3 * a) + 1e-3\n');
    expect(shape(s.graph)).toEqual([
      ['a', 'input', []],
      ['b', 'input', []],
      ['2', 'const', []],
      ['a^2', '^', ['a', '2']],
      ['-(a^2)', 'neg', ['a^2']],
      ['-b', 'neg', ['b']],
      ['n', '-', ['-(a^2)', '-b']],
      ['3', 'const', []],
      ['-3', 'neg', ['3']],
      ['-3*a', '*', ['-3', 'a']],
      ['tanh(-3*a)', 'tanh', ['-3*a']],
      ['1e-3', 'const', []],
      ['m', '+', ['tanh(-3*a)', '1e-3']],
    ]);
    expect(s.graph.nodes.find((n) => n.name === '1e-3')?.value).toBe(0.001);
  });

  it('gives every occurrence its own node, priming repeated names in reading order', () => {
    const s = scenario('  a: 1\n  b: 2\n', '  y: (a+b)*(a+b)\n  w: 2*(a + b) - 2\n');
    expect(s.graph.nodes.map((n) => n.name)).toEqual(['a', 'b', 'a+b', 'a+b′', 'y', '2', 'a+b″', '2*(a+b″)', '2′', 'w']);
    expect(shape(s.graph)[4]).toEqual(['y', '*', ['a+b', 'a+b′']]);
    expect(shape(s.graph)[9]).toEqual(['w', '-', ['2*(a+b″)', '2′']]);
  });

  it('keeps an operand used twice as two inputs', () => {
    expect(shape(scenario('  a: 1\n', '  z: a * a\n').graph)[1]).toEqual(['z', '*', ['a', 'a']]);
  });

  it('labels with only the parentheses needed, reading named nodes by name', () => {
    const s = scenario('  a: 1\n  b: 2\n', '  c: a - b\n  z: (c - (a - b)) / (a ^ b) ^ 2 + (-a) ^ 2\n');
    const names = s.graph.nodes.filter((n) => n.generated && n.op !== 'const').map((n) => n.name);
    expect(names).toEqual(['a-b', 'c-(a-b)', 'a^b', '(a^b)^2', '(c-(a-b))/(a^b)^2', '-a', '(-a)^2']);
  });
});

describe('order', () => {
  it('lets a node use one listed later, placing it first', () => {
    const s = scenario('  a: 3\n  b: -5\n  d: 2\n', '  z: c * d\n  c: a + b\n');
    expect(shape(s.graph)).toEqual([
      ['a', 'input', []],
      ['b', 'input', []],
      ['d', 'input', []],
      ['c', '+', ['a', 'b']],
      ['z', '*', ['c', 'd']],
    ]);
    expect(s.graph.output).toBe('c'); // the last entry of `nodes`
  });

  it('otherwise keeps the file order, each node right after what it needs', () => {
    const s = scenario('  a: 1\n  b: 2\n', '  p: q + 1\n  r: a * 2\n  q: a + b\n');
    expect(s.graph.nodes.map((n) => n.name)).toEqual(['a', 'b', 'q', '1', 'p', '2', 'r']);
  });

  it('keeps a node the output does not need', () => {
    const s = scenario('  a: 1\n', '  unused: a * 3\n  z: a + 1\n');
    expect(s.graph.nodes.map((n) => n.name)).toEqual(['a', '3', 'unused', '1', 'z']);
  });

  it('walks a chain of 20,000 nodes listed in reverse without recursion', () => {
    const n = 20_000;
    const lines = Array.from({ length: n }, (_, k) => `  n${n - k}: ${n - k === 1 ? 'a' : `n${n - k - 1}`} + 1\n`).join('');
    const s = scenario('  a: 1\n', lines, 'output: n20000\n');
    expect(s.graph.nodes.length).toBe(1 + 2 * n);
    expect(shape(s.graph).slice(0, 3)).toEqual([
      ['a', 'input', []],
      ['1', 'const', []],
      ['n1', '+', ['a', '1']],
    ]);
    expect(s.graph.nodes[s.graph.nodes.length - 1].name).toBe('n20000');
  });

  it('names the partial sums of a long sum by their start and end, each told apart by where it ends', () => {
    const names = Array.from({ length: 1_000 }, (_, i) => `a${i}`);
    const s = scenario(names.map((n) => `  ${n}: 1\n`).join(''), `  z: ${names.join(' + ')}\n`);
    const sums = s.graph.nodes.filter((n) => n.generated).map((n) => n.name);
    expect(sums.slice(0, 2)).toEqual(['a0+a1', 'a0+a1+a2']);
    // Short enough to read whole: the first partial sum past the limit, and one near the end.
    expect(sums[8]).toBe('a0+a1+a2+a3+…+a6+a7+a8+a9');
    expect(sums[996]).toBe('a0+a1+a2+a3+…+a995+a996+a997');
    expect(Math.max(...sums.map((n) => n.length))).toBeLessThanOrEqual(MAX_LABEL);
    // No two alike, so none needs a prime.
    expect(new Set(sums).size).toBe(sums.length);
    expect(sums.some((n) => /[′″‴]/.test(n))).toBe(false);
  });

  it('loads a 100,000-term sum, with short unique generated names', () => {
    const s = scenario('  a: 1\n', `  z: ${Array.from({ length: 100_000 }, () => 'a').join(' + ')}\n`);
    expect(s.graph.nodes.length).toBe(100_000);
    expect(s.graph.nodes[2].name).toBe('a+a+a');
    expect(Math.max(...s.graph.nodes.map((n) => n.name.length))).toBeLessThanOrEqual(MAX_LABEL + 7);
    expect(s.graph.nodes[99_999]).toMatchObject({ name: 'z', op: '+', generated: false });
  });
});

describe('the scenario around the graph', () => {
  it('reads the example of the scenario format', () => {
    const s = loadScenarioFile('test/fixtures/good/03-add-then-mul.yaml');
    expect(s).toMatchObject({
      id: 'add-then-mul',
      title: 'Addition feeding a product',
      description: 'c is an intermediate node: a and b reach z only through c.',
      file: 'test/fixtures/good/03-add-then-mul.yaml',
      nudge: 0.01,
      expressions: { c: 'a + b', z: 'c * d' },
    });
    expect(s.graph.inputs).toEqual(['a', 'b', 'd']);
    expect(s.graph.nodes.map((n) => [n.name, n.value, n.note])).toEqual([
      ['a', 3, undefined],
      ['b', -5, undefined],
      ['d', 2, undefined],
      ['c', undefined, 'c is an intermediate node'],
      ['z', undefined, undefined],
    ]);
  });

  it('reads JSON', () => {
    const s = loadScenarioFile('test/fixtures/good/neuron.json');
    expect(s.id).toBe('neuron');
    expect(s.nudge).toBe(-0.05);
    expect(s.description).toBeUndefined();
    expect(s.graph.nodes.find((n) => n.name === 'b')?.value).toBe(6.8813735870195432);
    expect(s.graph.nodes.slice(5).map((n) => n.name)).toEqual(['x1*w1', 'x2*w2', 'x1*w1+x2*w2', 'x1*w1+x2*w2+b', 'o']);
    expect(s.graph.output).toBe('o');
  });

  it('takes an output and a nudge when given, and notes on inputs and generated nodes', () => {
    const s = scenario('  a: 1\n', '  z: a * 2\n  y: z + 1\n', 'output: z\nnudge: -0.5\nnotes:\n  a: the input\n  "2": a constant\n');
    expect(s.graph.output).toBe('z');
    expect(s.nudge).toBe(-0.5);
    expect(s.graph.nodes.filter((n) => n.note).map((n) => [n.name, n.note])).toEqual([
      ['a', 'the input'],
      ['2', 'a constant'],
    ]);
  });

  it('keeps expressions as written, also when YAML reads them as numbers', () => {
    const s = scenario('  a: 1\n', '  z: -3\n  y: "a  *  z"\n  x: |\n    y + 1\n');
    expect(s.expressions).toEqual({ z: '-3', y: 'a  *  z', x: 'y + 1' });
    expect(shape(s.graph)).toEqual([
      ['a', 'input', []],
      ['3', 'const', []],
      ['z', 'neg', ['3']],
      ['y', '*', ['a', 'z']],
      ['1', 'const', []],
      ['x', '+', ['y', '1']],
    ]);
  });
});

describe('ids', () => {
  it.each([
    ['03-add-then-mul.yaml', 'add-then-mul'],
    ['scenarios/10-neuron.yml', 'neuron'],
    ['/tmp/my.graph.json', 'my.graph'],
    ['mine.yaml', 'mine'],
    ['2024.yaml', '2024'],
    ['03-.yaml', '03-'],
    ['1-2-3.yaml', '2-3'],
    ['<expr>', '<expr>'],
  ])('%s → %s', (file, id) => {
    expect(scenarioId(file)).toBe(id);
  });

  it('derives the id from the file unless one is given', () => {
    const text = 'title: T\ninputs:\n  a: 1\nnodes:\n  z: a * 2\n';
    expect(parseScenario(text, 'x/05-foo.yaml').id).toBe('foo');
    expect(parseScenario(text, 'x/05-foo.yaml', 'bar').id).toBe('bar');
  });
});
