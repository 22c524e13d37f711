import { describe, expect, it } from 'vitest';
import { isLeaf } from '../../src/engine/index.js';
import { buildLesson, num } from '../../src/lesson/index.js';
import { parseScenario, type Scenario } from '../../src/scenario/index.js';
import { generate, judgeAnswer, problemSet, SKILLS, type PracticeQuestion, type Problem } from '../../src/practice/index.js';

const SEEDS = 1000;

/** Kinds whose answer is worked out from several numbers (a local derivative may be an input's value by its rule: ∂(a·b)/∂a = b). */
const WORKED_OUT = new Set(['forward-value', 'upstream', 'running-sum', 'zero-grad']);

/** Each leaf's value by name, as the scenario gives it. */
function leaves(scenario: Scenario): Record<string, number> {
  return Object.fromEntries(scenario.graph.nodes.filter(isLeaf).map((n) => [n.name, n.value!]));
}

/** tanh written out from exp, not Math.tanh: the engine's own. */
const tanh = (x: number) => (Math.exp(2 * x) - 1) / (Math.exp(2 * x) + 1);

/**
 * The reverse topological order of the operations, found here by taking, each
 * time, the one no remaining operation uses. Practice graphs are chains, so
 * there is one such node each time; the test fails if not.
 */
function backwardOrder(scenario: Scenario): string[] {
  let left = scenario.graph.nodes.filter((n) => !isLeaf(n));
  const order: string[] = [];
  while (left.length > 0) {
    const free = left.filter((n) => !left.some((m) => m.inputs.includes(n.name)));
    expect(free).toHaveLength(1);
    order.push(free[0].name);
    left = left.filter((n) => n !== free[0]);
  }
  return order;
}

/**
 * Every question's answer worked out again from the scenario's inputs, by the
 * rules on paper (the engine's passes are not used): what the generator of each
 * skill asks, in the order it asks.
 */
function expected(problem: Problem): (number | string)[] {
  const { scenario } = problem;
  const v = leaves(scenario);
  const x = scenario.expressions;
  switch (problem.skill) {
    case 'sum-rule': {
      const s = x.c === 'a - b' ? -1 : 1;
      return [v.a + s * v.b, s, v.d];
    }
    case 'product-rule':
      return [v.a * v.b, v.b, v.a];
    case 'chain':
      return [v.a * v.b * v.d, v.d * v.f, v.b * v.d * v.f];
    case 'two-paths':
      // z = (a·b)·(b + d): b's gradient from both paths, a·(b + d) + a·b.
      return [v.b + v.d, v.a * (v.b + v.d) + v.a * v.b];
    case 'constants-powers': {
      const n = Number(x.c.split('^')[1]);
      const k = Number(x.z.split('*')[0]);
      return [v.a ** n, n * v.a ** (n - 1), k * n * v.a ** (n - 1)];
    }
    case 'tanh': {
      const t = tanh(v.a + v.b);
      return [1 - t * t, v.c * (1 - t * t)];
    }
    case 'exp':
      return [Math.E ** v.a, v.c * Math.E ** v.a];
    case 'division':
      return [v.a / v.b, -v.a / (v.b * v.b), v.c / v.b];
    case 'nudge-direction': {
      // z = a·b + d: each param moves by rate × its gradient (b, a and 1).
      const r = scenario.nudge;
      const z = (a: number, b: number, d: number) => a * b + d;
      return [z(v.a + r * v.b, v.b + r * v.a, v.d + r) > z(v.a, v.b, v.d) ? 'up' : 'down'];
    }
    case 'backward-order': {
      const order = backwardOrder(scenario);
      const ran = /has run ([a-z, ]+)\./.exec(problem.questions[0].prompt)![1].split(', ');
      expect(ran).toEqual(order.slice(0, ran.length));
      return [order[ran.length], order.join(', ')];
    }
    case 'zero-grad': {
      // L = (w·x + b)², ∂L/∂w = 2(w·x + b)·x, once per example row.
      const g = scenario.examples!.map(({ x }) => 2 * (v.w * x + v.b) * x);
      return [g[0] + g[1], g[1]];
    }
  }
  throw new Error(`no check for ${problem.skill}`);
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const oneDecimal = (x: number) => Math.abs(x * 10 - Math.round(x * 10)) < 1e-9 && Math.abs(x) <= 10;
/** At most four decimals: worked by hand. */
const fewDigits = (x: number) => Math.abs(x * 1e4 - Math.round(x * 1e4)) < 1e-6 && Math.abs(x) < 1000;
const shown = (q: PracticeQuestion) => q.choices.map((c) => (typeof c.value === 'number' ? num(c.value) : c.value));

describe.each(SKILLS.map((s) => s.id))('practice problems of %s', (skill) => {
  it(`on ${SEEDS} seeds: answers as worked by hand, hand-sized numbers, distinct choices, every wrong one with its reason`, () => {
    // Plain checks gathered into one list: an expect per number would take most of the time.
    const bad: string[] = [];
    const fail = (seed: number, what: string) => bad.length < 10 && bad.push(`seed ${seed}: ${what}`);
    for (let seed = 0; seed < SEEDS; seed++) {
      const problem = generate(skill, seed);
      if (problem.skill !== skill || problem.seed !== seed) fail(seed, 'skill or seed not kept');
      for (const value of Object.values(leaves(problem.scenario))) if (!oneDecimal(value)) fail(seed, `input ${value}`);
      const answers = expected(problem);
      if (problem.questions.length !== answers.length) fail(seed, `${problem.questions.length} questions`);
      problem.questions.forEach((q, k) => {
        const want = answers[k];
        const numeric = typeof want === 'number';
        if (numeric ? typeof q.answer !== 'number' || !close(q.answer, want) || q.answer === 0 : q.answer !== want)
          fail(seed, `question ${k + 1}: ${q.answer}, by hand ${want}`);
        // tanh's and exp's values are given in the prompt; every other answer is worked with a pencil.
        if (numeric && skill !== 'tanh' && skill !== 'exp' && !fewDigits(want)) fail(seed, `${want} is no number to work by hand`);
        // A value worked out must not be an input's by accident, where a guess from the drawing would pass.
        if (WORKED_OUT.has(q.kind) && Object.values(leaves(problem.scenario)).includes(q.answer as number))
          fail(seed, `${q.kind} ${q.answer} is an input's value`);
        // Hints before the last leave the answer to the learner: the order's hint highlights the node used twice, not the next one.
        if (q.kind === 'backward-order' && (q.hintNode !== 'c' || q.hints.slice(0, 2).some((h) => h.includes(String(answers[1])))))
          fail(seed, `hints give the order away: ${q.hints.join(' / ')}`);
        // A negative number after an operator is written in parentheses, as the lessons write it: 1 - (-0.46)², not 1 - -0.46².
        const words = [q.prompt, ...q.hints, ...q.choices.map((c) => c.why)].join(' / ');
        if (/ [-+·×] -\d/.test(words)) fail(seed, `a bare negative operand: ${words}`);
        const texts = shown(q);
        if (new Set(texts).size !== texts.length) fail(seed, `choices ${texts.join(' | ')}`);
        if (q.choices.length < (q.kind === 'nudge-direction' ? 2 : 3)) fail(seed, `${q.choices.length} choices`);
        const right = q.choices.filter((c) => c.right);
        if (right.length !== 1 || right[0].value !== q.answer || !judgeAnswer(q, q.answer).right) fail(seed, 'the right choice');
        for (const wrong of q.choices.filter((c) => !c.right))
          if (wrong.why.length < 10 || judgeAnswer(q, wrong.value).right) fail(seed, `wrong choice ${wrong.value}: "${wrong.why}"`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('the YAML text loads as the problem says; the same seed gives the same problem, other seeds other numbers', () => {
    const problem = generate(skill, 42);
    expect(parseScenario(problem.source, 'p.yaml').graph).toEqual(problem.scenario.graph);
    expect(generate(skill, 42)).toEqual(problem);
    expect(generate(skill, 43).source).not.toBe(problem.source);
    const sources = new Set(Array.from({ length: 100 }, (_, seed) => generate(skill, seed).source));
    expect(sources.size).toBeGreaterThan(20);
  });

  it("the answers are the lesson's: buildLesson of the problem's scenario gives the same passes", () => {
    const problem = generate(skill, 7);
    const lesson = buildLesson(problem.scenario);
    const values = leaves(problem.scenario);
    for (const [name, value] of Object.entries(values)) expect(lesson.trace.values[name]).toBe(value);
    const numbers = problem.questions.map((q) => q.answer).filter((a): a is number => typeof a === 'number');
    const known = [
      ...Object.values(lesson.trace.values),
      ...Object.values(lesson.trace.grads).filter((g): g is number => g !== undefined),
      ...lesson.trace.contributions.flatMap((c) => [c.local, c.upstream, c.sumAfter]),
    ];
    // zero_grad's answers sum two rows' passes; every other answer is a number of the lesson's own pass.
    if (skill !== 'zero-grad')
      for (const answer of numbers)
        expect(
          known.some((k) => close(k, answer)),
          `${answer}`,
        ).toBe(true);
  });
});

describe('a problem set', () => {
  it('mixes the skills: every skill in 22 problems, never the same skill twice in a row', () => {
    for (const seed of [1, 2, 3, 99]) {
      const set = problemSet({ count: 22, seed });
      expect(set).toHaveLength(22);
      const skills = set.map((p) => p.skill);
      expect(new Set(skills).size).toBe(SKILLS.length);
      skills.slice(1).forEach((s, k) => expect(s, `seed ${seed} at ${k + 1}`).not.toBe(skills[k]));
    }
  });

  it('of one skill: every problem of it, none with the same numbers, and again the same for the same seed', () => {
    const set = problemSet({ skill: 'division', count: 30, seed: 5 });
    expect(set.every((p) => p.skill === 'division')).toBe(true);
    expect(new Set(set.map((p) => p.source)).size).toBe(30);
    expect(problemSet({ skill: 'division', count: 30, seed: 5 })).toEqual(set);
    // Each problem can be made again on its own from its skill and seed.
    for (const p of set) expect(generate(p.skill, p.seed)).toEqual(p);
  });

  it('of the skill with the fewest problems (about 140): 100 of them, none twice', () => {
    const set = problemSet({ skill: 'constants-powers', count: 100, seed: 11 });
    expect(new Set(set.map((p) => p.source)).size).toBe(100);
  });

  it('two seeds give different problems, and choices in different places', () => {
    const a = problemSet({ count: 11, seed: 1 });
    const b = problemSet({ count: 11, seed: 2 });
    expect(a.map((p) => p.source)).not.toEqual(b.map((p) => p.source));
    // The right answer is not always where the lesson's builder put it: over many seeds, every place holds it.
    const places = new Set<number>();
    for (let seed = 0; seed < 50; seed++)
      for (const q of generate('product-rule', seed).questions) places.add(q.choices.findIndex((c) => c.right));
    expect([...places].sort()).toEqual([0, 1, 2, 3]);
  });
});
