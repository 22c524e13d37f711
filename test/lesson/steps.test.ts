import { describe, expect, it } from 'vitest';
import { buildLesson, lessonToJson, lessonToText, paragraphs, shownAt, stepText } from '../../src/lesson/index.js';
import { SEED_GRAPHS, graphOf, scenarioOf } from '../helpers/graphs.js';
import { loadScenarioFile, parseScenario } from '../../src/scenario/index.js';

const lessonFor = (id: string, nudge = 0.01) =>
  buildLesson(scenarioOf(id, SEED_GRAPHS[id], { c: 'a + b', z: id === 'reuse-add' ? 'c + b' : 'c * d' }, nudge));

describe('the step list', () => {
  it('runs overview, forward per op, seed, backward per edge, check, nudge, summary', () => {
    const phases = lessonFor('add-then-mul').steps.map((s) => s.phase);
    expect(phases).toEqual([
      'overview',
      'forward',
      'forward',
      'seed',
      'backward',
      'backward',
      'backward',
      'backward',
      'check',
      'nudge',
      'summary',
    ]);
  });

  it('writes the forward step of c with symbols, numbers and the result', () => {
    const step = lessonFor('add-then-mul').steps[1];
    expect(step.text).toBe('c = a + b = 3 + (-5) = -2');
    expect(step.highlight).toEqual({
      nodes: ['c', 'a', 'b'],
      edges: [
        ['a', 'c'],
        ['b', 'c'],
      ],
      current: 'c',
    });
    expect(shownAt(lessonFor('add-then-mul').trace, step.reached).values).toEqual({ a: 3, b: -5, d: 2, c: -2 });
  });

  it('writes the chain rule at three levels on a backward step, upstream and local named apart', () => {
    const step = lessonFor('add-then-mul').steps.find((s) => s.title === 'Backward: c → a')!;
    expect(step.text).toBe('upstream ∂z/∂c = 2, local ∂c/∂a = 1, so ∂z/∂a = 2 · 1 = 2');
    expect(step.lines[0]).toMatch(/^upstream: ∂z\/∂c = 2 {3}\(complete: all its paths are in\)/);
    expect(step.lines[1]).toMatch(/^local: {4}∂c\/∂a = 1 {3}\(c = a \+ b/);
    expect(step.lines).toContain('symbols:  ∂z/∂a = ∂z/∂c · ∂c/∂a');
    expect(step.lines).toContain('result:   2 · 1 = 2');
    expect(step.highlight.edges).toEqual([['a', 'c']]);
    expect(shownAt(lessonFor('add-then-mul').trace, step.reached).grads).toEqual({ z: 1, c: 2, d: -2, a: 2 });
  });

  it('shows the running sum where b is reached along two paths', () => {
    const steps = lessonFor('reuse-add').steps.filter((s) => s.contribution?.operand === 'b');
    expect(steps).toHaveLength(2);
    expect(steps[0].lines.some((l) => l.includes('∂z/∂b = 1 (direct) so far') && l.includes('1 still to come'))).toBe(true);
    expect(steps[1].lines.some((l) => l.includes('∂z/∂b = 1 (direct) + 1 (via c) = 2'))).toBe(true);
  });

  it('says where a value leaves the reals', () => {
    const lesson = buildLesson(scenarioOf('bad', graphOf({ a: -1 }, [['z', 'log', ['a']]])));
    const step = lesson.steps.find((s) => s.phase === 'forward')!;
    expect(step.text).toBe('z = log(a) = log(-1) = NaN');
    expect(step.lines[0]).toMatch(/z is NaN: log\(a\) leaves the real numbers here/);
  });

  it('puts the nudge of a · b · d in the nudge step, predicted beside actual', () => {
    const step = lessonFor('mul-mul').steps.find((s) => s.phase === 'nudge')!;
    expect(step.lines).toContain('z: -30 → -26.5031 (the nodes in between are recomputed, not nudged)');
    expect(step.lines.join('\n')).toContain('predicted change +3.61 (= 0.01 × Σ grad²), actual +3.4969');
  });
});

describe('the JSON document', () => {
  it('spells values, grads and the nudge as the --json format shows for (a + b) · d', () => {
    const doc = lessonToJson(lessonFor('add-then-mul')) as {
      nodes: { name: string; value: number; grad: number }[];
      nudge: { before: number; after: number; inputs: Record<string, number> };
    };
    expect(doc.nodes.find((n) => n.name === 'z')).toMatchObject({ value: -4, grad: 1 });
    expect(doc.nodes.find((n) => n.name === 'd')).toMatchObject({ value: 2, grad: -2 });
    expect(doc.nudge).toMatchObject({ before: -4, after: -3.8808, inputs: { a: 3.02, b: -4.98, d: 1.98 } });
  });

  it('writes NaN and Infinity as strings', () => {
    const doc = lessonToJson(buildLesson(scenarioOf('inf', graphOf({ a: 1, b: 0 }, [['z', '/', ['a', 'b']]])))) as {
      nodes: { name: string; value: unknown; grad: unknown }[];
    };
    expect(doc.nodes.find((n) => n.name === 'z')?.value).toBe('Infinity');
    expect(doc.nodes.find((n) => n.name === 'b')?.grad).toBe('-Infinity');
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});

describe('the plain transcript', () => {
  it('numbers every step', () => {
    const text = lessonToText(lessonFor('add-then-mul'));
    expect(text).toContain('[2/11] Forward: c\n  c = a + b = 3 + (-5) = -2');
    expect(text).toContain('[11/11] Summary');
  });
});

describe('a constant has no gradient', () => {
  // Was: a backward step into the exponent 2 whose slope y·ln(x) is NaN at x = -3.
  it('x ^ 2 at x = -3: no backward step runs into the 2, and no NaN anywhere', () => {
    const graph = graphOf({ x: -3 }, [['y', '^', ['x', 'two']]]);
    graph.nodes.splice(1, 0, { name: 'two', op: 'const', inputs: [], value: 2, generated: true });
    const lesson = buildLesson(scenarioOf('pow', graph));
    expect(lesson.steps.some((s) => s.contribution?.operand === 'two')).toBe(false);
    expect(lesson.steps.filter((s) => s.phase === 'backward').map((s) => s.text)).toEqual([
      'upstream ∂y/∂y = 1, local ∂y/∂x = -6, so ∂y/∂x = 1 · (-6) = -6',
    ]);
    // d(x²)/dx = 2x = -6.
    expect(lesson.trace.grads.x).toBe(-6);
    expect(lesson.trace.grads.two).toBeUndefined();
    expect(lesson.steps.flatMap((s) => [s.text, ...s.lines]).join('\n')).not.toContain('NaN');
    const json = lessonToJson(lesson) as { nodes: { name: string; grad: unknown }[] };
    expect(json.nodes.find((n) => n.name === 'two')?.grad).toBeNull();
  });

  it('a variable exponent of a negative base still says why its slope is NaN', () => {
    const lesson = buildLesson(scenarioOf('pow', graphOf({ x: -3, p: 2 }, [['y', '^', ['x', 'p']]])));
    const step = lesson.steps.find((s) => s.contribution?.operand === 'p')!;
    expect(step.lines.at(-1)).toBe('The local derivative is NaN: y·ln(x) has no real value at x = -3, p = 2.');
  });
});

describe('the overview', () => {
  it('reflows a description written with line breaks into paragraphs, keeping list items', () => {
    expect(
      paragraphs('b feeds z twice: once through c\nand once directly.\n\nA second\nparagraph.\n- one item\n- another,\n  continued\n'),
    ).toEqual(['b feeds z twice: once through c and once directly.', 'A second paragraph.', '- one item', '- another, continued']);
    expect(paragraphs('')).toEqual([]);
  });

  it('shows the description as paragraphs that a narrow window wraps evenly', () => {
    const scenario = {
      ...scenarioOf('reuse-add', SEED_GRAPHS['reuse-add']),
      description: 'b feeds z twice: once through c and once directly. Its gradient is the sum\nof both paths.\n',
    };
    const overview = buildLesson(scenario).steps[0];
    expect(overview.lines[0]).toBe('b feeds z twice: once through c and once directly. Its gradient is the sum of both paths.');
  });
});

describe('the overview of a large graph', () => {
  // 40 inputs, 15 named sums p1 … p15 of them, and their total z: every list past a dozen is cut.
  const inputs = Array.from({ length: 40 }, (_, i) => `  x${i}: ${i}\n`).join('');
  const sums = Array.from({ length: 15 }, (_, i) => `  p${i + 1}: x${i} + x${i + 1}\n`).join('');
  const total = Array.from({ length: 40 }, (_, i) => `x${i}`).join(' + ');
  const scenario = parseScenario(
    `title: Many sums\ninputs:\n${inputs}nodes:\n${sums}  z: ${total}\noutput: z\nparams: [x0, x1]\n`,
    'many.yaml',
  );
  const overview = buildLesson(scenario).steps[0];

  it('names the first six and last two of each long list, and how many it leaves out', () => {
    // 16 definitions (p1 … p15 and z): six, "… 8 more", two. 40 inputs: six, "… 32 more", two.
    expect(overview.text).toMatch(/^Many sums: p1 = x0 \+ x1, .*, p6 = x5 \+ x6, … 8 more, p15 = x14 \+ x15, z = x0 \+ x1 \+ /);
    expect(overview.text).toContain('with x0 = 0, x1 = 1, x2 = 2, x3 = 3, x4 = 4, x5 = 5, … 32 more, x38 = 38, x39 = 39.');
    // z's own expression (40 terms, 197 characters) is quoted up to 120.
    expect(overview.text).toMatch(/z = x0 \+ x1 \+ [^,]*…, with/);
    expect(overview.lines).toContain(
      'Params (what the nudge moves): x0, x1. Data (never moved): x2, x3, x4, x5, x6, x7, … 30 more, x38, x39.',
    );
  });
});

describe('predict mode on steps that ask nothing', () => {
  const situation = (step: number) => ({ step, predict: true, picks: {}, hints: 0, overwrite: false });

  it('says at the seed that ∂z/∂z needs no prediction, and nowhere else', () => {
    const lesson = lessonFor('add-then-mul');
    const seed = lesson.steps.findIndex((s) => s.phase === 'seed');
    expect(stepText(lesson, situation(seed)).lines).toContain('(∂z/∂z needs no prediction.)');
    // A further example's pass asks nothing either, but its gradients are no seed: the line would be false there.
    const mlp = buildLesson(loadScenarioFile('scenarios/17-mlp.yaml'));
    const example = mlp.steps.findIndex((s) => s.title.startsWith('Backward: example 2'));
    expect(example).toBeGreaterThan(0);
    for (const i of [example, seed - 1, seed + 2])
      expect(stepText(i === example ? mlp : lesson, situation(i)).lines.join('\n')).not.toContain('needs no prediction');
  });
});
