// The course as a learner meets it: the lessons in order, and the numbers each one teaches, by hand and by finite differences.
import { COURSE } from './course-order.js';
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../src/catalog.js';
import { courseEntries, inCourse, openLesson } from '../src/course.js';
import { runCli } from './helpers/run-cli.js';
import { buildLesson, shownAt } from '../src/lesson/index.js';
import { loadScenarioFile } from '../src/scenario/index.js';

interface Doc {
  id: string;
  output: string;
  nodes: { name: string; op: string; value: number; grad: number | null }[];
  steps: { phase: string; title: string; text: string; lines: string[] }[];
  slope?: { of: string; at: number; value: number; exact: number; nudges: { h: number; value: number; rise: number; ratio: number }[] };
  wrong_order?: { early: string; order: [string, string][]; grads: Record<string, number> };
  course?: { number: number; next?: { id: string; title: string; number: number } };
}

async function show(id: string): Promise<Doc> {
  const { code, stdout, stderr } = await runCli(['show', id, '--json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as Doc;
}
const value = (d: Doc, name: string) => d.nodes.find((n) => n.name === name)!.value;
const grad = (d: Doc, name: string) => d.nodes.find((n) => n.name === name)!.grad;

/** The central difference of f at x in one input: the slope by nudging, worked here apart from the engine. */
function slopeOf(f: (inputs: Record<string, number>) => number, at: Record<string, number>, name: string, h = 1e-6): number {
  return (f({ ...at, [name]: at[name] + h }) - f({ ...at, [name]: at[name] - h })) / (2 * h);
}

describe('the course, in order', () => {
  it('list --json gives lessons 1 to 17 in the order of the course', async () => {
    const entries = JSON.parse((await runCli(['list', '--json'])).stdout) as { id: string; file: string }[];
    expect(entries.map((e) => e.id)).toEqual(COURSE);
    expect(entries.map((e) => e.id)).toEqual(bundledScenarios().map((e) => e.id));
    // The file names carry the numbers, so the order stays put as lessons are added.
    entries.forEach((e, i) => expect(e.file).toMatch(new RegExp(`/${String(i + 1).padStart(2, '0')}-${e.id}\\.yaml$`)));
  });

  it('each lesson knows its number and names the next; the last says the course ends', async () => {
    const catalog = bundledScenarios();
    for (const [i, entry] of catalog.entries()) {
      const opened = openLesson({ kind: 'bundled', id: entry.id }, catalog);
      if (!('scenario' in opened)) throw new Error(opened.error);
      const place = opened.scenario.course!;
      expect(place.number).toBe(i + 1);
      expect(place.next?.id).toBe(catalog[i + 1]?.id);
    }
    const first = await show('slope');
    expect(first.course).toEqual({ number: 1, next: { id: 'add', title: 'A sum', number: 2 } });
    expect(first.steps.at(-1)!.lines.at(-1)).toBe('Next in the course: 2. A sum.');
    const last = await show('mlp');
    expect(last.steps.at(-1)!.lines.at(-1)).toBe(`That was lesson ${catalog.length}, the last of the course.`);
  });

  it('a file outside the course has no place in it', () => {
    const [entry] = bundledScenarios();
    const scenario = openLesson({ kind: 'bundled', id: entry.id });
    if (!('scenario' in scenario)) throw new Error(scenario.error);
    expect(inCourse({ ...scenario.scenario, course: undefined }, '/elsewhere/01-slope.yaml').course).toBeUndefined();
    expect(courseEntries().map((e) => e.title)[0]).toBe('The slope, by nudging');
  });
});

describe('lesson 1: the slope, by nudging', () => {
  const f = ({ x }: Record<string, number>) => 3 * x ** 2 - 4 * x + 5;

  it('f(3) = 20, and (f(3 + h) − f(3)) / h approaches 14 as h shrinks', async () => {
    const d = await show('slope');
    expect(value(d, 'f')).toBe(20);
    expect(d.slope!.value).toBe(20);
    // By hand: f(3 + h) − f(3) = 14h + 3h², so the ratio is exactly 14 + 3h.
    expect(d.slope!.nudges.map((n) => n.h)).toEqual([1, 0.1, 0.01, 0.001]);
    for (const n of d.slope!.nudges) {
      expect(n.value).toBeCloseTo(f({ x: 3 + n.h }), 9);
      expect(n.ratio).toBeCloseTo(14 + 3 * n.h, 9);
    }
    expect(d.slope!.nudges.map((n) => n.ratio)).toEqual([17, 14.3, 14.03, 14.003]);
    // The exact slope 6x − 4 = 14, from the backward pass and from a finite difference of f written here.
    expect(d.slope!.exact).toBe(14);
    expect(grad(d, 'x')).toBe(14);
    expect(slopeOf(f, { x: 3 }, 'x')).toBeCloseTo(14, 6);
  });

  it('runs overview, forward, one Slope step per h and one for the slope along the curve, summary: no chain rule yet', async () => {
    const d = await show('slope');
    const phases = [...new Set(d.steps.map((s) => s.phase))];
    expect(phases).toEqual(['overview', 'forward', 'slope', 'summary']);
    expect(d.steps.filter((s) => s.phase === 'slope').map((s) => s.title)).toEqual([
      'Slope: h = 1',
      'Slope: h = 0.1',
      'Slope: h = 0.01',
      'Slope: h = 0.001',
      'Slope: along the curve',
    ]);
    expect(d.steps.find((s) => s.title === 'Slope: h = 0.1')!.text).toBe(
      'x = 3 + 0.1: f(x + h) = 21.43, a rise of 1.43, and (f(x + h) − f(x)) / h = 1.43 / 0.1 = 14.3.',
    );
  });

  it('says what a derivative and a gradient are, and that 14 = 6x − 4 comes next by the chain rule', async () => {
    const d = await show('slope');
    const all = d.steps.flatMap((s) => [s.text, ...s.lines]).join('\n');
    expect(all).toMatch(/settles at one number, 14: the derivative of f with respect to x/);
    expect(all).toMatch(/together they are the gradient/);
    const summary = d.steps.at(-1)!;
    expect(summary.text).toContain('is 14');
    expect(summary.lines.join('\n')).toContain('6x − 4');
    expect(summary.lines.join('\n')).toContain('chain rule');
  });
});

describe('lesson 10: the lecture’s first graph', () => {
  const L = ({ a, b, c, f }: Record<string, number>) => (a * b + c) * f;
  const at = { a: 2, b: -3, c: 10, f: -2 };

  it('L = −8; ∂L/∂a = 6, ∂L/∂b = −4, ∂L/∂c = −2, ∂L/∂f = 4, by hand and by finite differences', async () => {
    const d = await show('lecture-graph');
    expect(value(d, 'L')).toBe(-8);
    expect(L(at)).toBe(-8);
    const byHand = { a: 6, b: -4, c: -2, f: 4 };
    for (const [name, want] of Object.entries(byHand)) {
      expect(grad(d, name), name).toBe(want);
      expect(slopeOf(L, at, name), name).toBeCloseTo(want, 6);
    }
    // e = a · b = −6 and d = e + c = 4 in between; both get ∂L/∂d = f = −2.
    expect([value(d, 'e'), value(d, 'd'), grad(d, 'e'), grad(d, 'd')]).toEqual([-6, 4, -2, -2]);
  });
});

describe('lesson 11: b = a + a', () => {
  it('∂b/∂a = 2, by hand and by finite differences; the = replay would give 1', async () => {
    const d = await show('add-self');
    const a = value(d, 'a');
    expect(value(d, 'b')).toBe(2 * a);
    expect(grad(d, 'a')).toBe(2);
    expect(slopeOf(({ a }) => a + a, { a }, 'a')).toBeCloseTo(2, 6);
    const { buildLesson, overwriteReplay } = await import('../src/lesson/index.js');
    const opened = openLesson({ kind: 'bundled', id: 'add-self' });
    if (!('scenario' in opened)) throw new Error(opened.error);
    expect(overwriteReplay(buildLesson(opened.scenario)).some((line) => /^a +2 +1$/.test(line))).toBe(true);
  });
});

describe('lesson 12: why a topological order', () => {
  const c = ({ a }: Record<string, number>) => a + a + (a + a);

  it('a = 1, b = 2, c = 4 and ∂c/∂a = 4, by hand and by finite differences', async () => {
    const d = await show('topological-order');
    expect([value(d, 'a'), value(d, 'b'), value(d, 'c')]).toEqual([1, 2, 4]);
    expect([grad(d, 'a'), grad(d, 'b'), grad(d, 'c')]).toEqual([4, 2, 1]);
    expect(slopeOf(c, { a: 1 }, 'a')).toBeCloseTo(4, 6);
  });

  it('the replay runs b’s edges before both of c’s have reached b, and a gets 2', async () => {
    const d = await show('topological-order');
    expect(d.wrong_order).toEqual({
      early: 'b',
      order: [
        ['c', 'b'],
        ['b', 'a'],
        ['b', 'a'],
        ['c', 'b'],
      ],
      grads: { a: 2, b: 2, c: 1 },
    });
    const phases = d.steps.map((s) => s.phase);
    // After the backward pass; then the learner's own order and build_topo's (the Order phase), then the check.
    expect(phases.indexOf('wrong-order')).toBe(phases.lastIndexOf('backward') + 1);
    expect(phases.lastIndexOf('wrong-order') + 1).toBe(phases.indexOf('order'));
    expect(phases.lastIndexOf('order') + 1).toBe(phases.indexOf('check'));
    const replay = d.steps.filter((s) => s.phase === 'wrong-order');
    expect(replay.map((s) => s.title)).toEqual([
      'Wrong order: the plan',
      'Wrong order: c → b',
      'Wrong order: b → a',
      'Wrong order: b → a',
      'Wrong order: c → b',
      'Wrong order: why',
    ]);
    expect(replay[2].lines.join('\n')).toContain('Too early: b has 1 of its 2 edges so far, so it passes on 1, not its full 2.');
    expect(replay[3].text).toBe('∂c/∂a += 1 · 1 = 1, so a has 2.');
    expect(replay[4].lines.join('\n')).toContain('Too late');
    const why = replay.at(-1)!;
    expect(why.text).toBe(
      'A node may pass its gradient on only when every path into it has arrived; that is what the topological order guarantees.',
    );
    expect(why.lines).toContain('a     4            2');
  });

  it('the replay’s drawing shows its gradients as they stand after each edge, worked out by hand', () => {
    // b = a + a, c = b + b at a = 1; the replay runs c→b, b→a, b→a, c→b.
    const lesson = buildLesson(loadScenarioFile(bundledScenarios().find((e) => e.id === 'topological-order')!.file));
    const replay = lesson.steps.filter((s) => s.phase === 'wrong-order').map((s) => shownAt(lesson.trace, s.reached).grads);
    expect(replay).toEqual([
      { c: 1 }, // the plan: only the seed
      { c: 1, b: 1 }, // c → b: 1 · 1
      { c: 1, b: 1, a: 1 }, // b → a (left), too early: b passes on its 1 · 1
      { c: 1, b: 1, a: 2 }, // b → a (right): another 1 · 1
      { c: 1, b: 2, a: 2 }, // c → b, too late: b has 2, a keeps 2 (4 in topological order)
      { a: 2, b: 2, c: 1 }, // why: every gradient as the replay left it
    ]);
  });

  it('the note on b, shown at b’s forward step, reads as what the backward pass will do', async () => {
    const d = await show('topological-order');
    const at = d.steps.findIndex((s) => s.lines.some((l) => l.includes('must wait for both')));
    // A scenario's note on an operation shows at its forward step, before any backward one.
    expect(d.steps[at].title).toBe('Forward: b');
    expect(at).toBeLessThan(d.steps.findIndex((s) => s.phase === 'backward'));
    const note = d.steps[at].lines.find((l) => l.includes('must wait for both'))!;
    expect(note).toMatch(/^In the backward pass to come, /);
  });
});

describe('lessons 13 and 14: tanh from exp gives the neuron’s gradients', () => {
  it('every input’s gradient agrees to 1e-12', async () => {
    const neuron = await show('neuron');
    const fromExp = await show('tanh-from-exp');
    expect(value(fromExp, 'o')).toBeCloseTo(value(neuron, 'o'), 12);
    for (const name of ['x1', 'x2', 'w1', 'w2', 'b']) {
      expect(Math.abs(grad(fromExp, name)! - grad(neuron, name)!), name).toBeLessThan(1e-12);
    }
    // By hand: o = tanh(n) ≈ 0.7071, 1 − o² = 0.5, so ∂o/∂w1 = 0.5 · x1 = 1 and ∂o/∂x1 = 0.5 · w1 = −1.5.
    expect(grad(neuron, 'w1')).toBeCloseTo(1, 9);
    expect(grad(neuron, 'x1')).toBeCloseTo(-1.5, 9);
  });
});

describe('lesson 17: the lecture’s MLP', () => {
  const SIZES = [3, 4, 4, 1];
  /** The MLP's loss on one example, as plain loops over the weights the lesson starts from: no graph, no engine. */
  const lossOf = (p: Record<string, number>) => {
    let layer = [p.x1, p.x2, p.x3];
    for (let l = 1; l < SIZES.length; l++) {
      layer = Array.from({ length: SIZES[l] }, (_, j) =>
        Math.tanh(layer.reduce((sum, x, i) => sum + x * p[`w${l}_${j + 1}_${i + 1}`], 0) + p[`b${l}_${j + 1}`]),
      );
    }
    return (layer[0] - p.y) ** 2;
  };

  it('names every sum, and teaches the loss and gradients the loops give', async () => {
    const d = await show('mlp');
    // Box titles are names: no generated shorthand of a whole sum (`h2_1*w3_1_1+…′`) is left but the products.
    const generated = d.nodes.filter((n) => /[+…′]/.test(n.name));
    expect(generated).toEqual([]);
    // By hand, the first example (x1 = 2, x2 = 3): s1_1_2 = 2 · (-0.6312) + 3 · (-0.62) = -3.1224.
    expect(value(d, 's1_1_2')).toBeCloseTo(-3.1224, 9);
    expect(value(d, 'n1_1')).toBeCloseTo(-3.1224 + -1 * 0.6209 + 0.2875, 9);
    expect(value(d, 'h1_1')).toBeCloseTo(Math.tanh(-3.4558), 9);
    const at: Record<string, number> = Object.fromEntries(d.nodes.filter((n) => n.op === 'input').map((n) => [n.name, n.value]));
    expect(value(d, 'loss')).toBeCloseTo(lossOf(at), 9);
    for (const name of ['w1_1_1', 'b1_4', 'w2_3_2', 'w3_1_4', 'b3_1', 'x1']) {
      expect(Math.abs(grad(d, name)! - slopeOf(lossOf, at, name)), name).toBeLessThan(1e-7);
    }
  });
});
