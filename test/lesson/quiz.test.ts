import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backprop, nudge, type Contribution } from '../../src/engine/index.js';
import { bundledScenarios } from '../../src/catalog.js';
import { loadScenarioFile, scenarioFromTyped } from '../../src/scenario/index.js';
import {
  buildLesson,
  close,
  eachQuestion,
  forwardQuestion,
  judge,
  localQuestion,
  missedSteps,
  nudgeQuestion,
  num,
  questionAt,
  questionFor,
  scoreByKind,
  scoreOf,
  upstreamQuestion,
  verdict,
  type Given,
} from '../../src/lesson/index.js';
import { SEED_GRAPHS } from '../helpers/graphs.js';

/** What the operand already had from other paths, and its gradient once this edge has run: worked out here from the edge's own numbers. */
const before = (c: Contribution) => (c.path > 1 ? c.sumBefore : 0);
const after = (c: Contribution) => c.sumBefore + c.local * c.upstream;

/** Each mistake a reason can name: how its wording starts, the number that mistake gives, and the numbers it must quote. */
const MISTAKES: { says: RegExp; gives: (c: Contribution) => number; quotes: (c: Contribution) => number[] }[] = [
  { says: /^that is this path alone: /, gives: (c) => c.local * c.upstream, quotes: (c) => [c.sumBefore] },
  {
    says: /^that is the upstream gradient .* without the local derivative /,
    gives: (c) => before(c) + c.upstream,
    quotes: (c) => [c.upstream, c.local],
  },
  { says: /^that is the local derivative .* alone; /, gives: (c) => before(c) + c.local, quotes: (c) => [c.local, c.upstream] },
  { says: /^the sign is flipped: /, gives: (c) => -after(c), quotes: (c) => [c.local * c.upstream] },
  { says: /^0 is where every gradient starts/, gives: () => 0, quotes: () => [] },
  { says: /^that counts this path twice/, gives: (c) => 2 * after(c), quotes: () => [] },
  { says: /^that adds the local derivative and the upstream gradient/, gives: (c) => before(c) + c.local + c.upstream, quotes: () => [] },
  { says: /^that is one too many: /, gives: (c) => after(c) + 1, quotes: (c) => [c.local * c.upstream] },
  { says: /^that is one too few: /, gives: (c) => after(c) - 1, quotes: (c) => [c.local * c.upstream] },
];

/**
 * Every wrong choice's reason names one mistake, and that mistake gives the
 * number on the choice (as shown) and quotes the edge's numbers it is about;
 * no two choices share a reason, and the right one has none.
 */
function expectTrueReasons(q: { choices: { value: number; right: boolean; why: string }[] }, c: Contribution): void {
  for (const choice of q.choices) {
    if (choice.right) {
      expect(choice.why).toBe('');
      continue;
    }
    const named = MISTAKES.filter((m) => m.says.test(choice.why));
    expect(named, choice.why).toHaveLength(1);
    expect(num(choice.value), choice.why).toBe(num(named[0].gives(c)));
    for (const n of named[0].quotes(c)) expect(choice.why).toContain(num(n));
  }
  const reasons = q.choices.filter((choice) => !choice.right).map((choice) => choice.why);
  expect(new Set(reasons).size).toBe(reasons.length);
}

describe('predict-mode questions', () => {
  it('on b’s second path in (a + b) · b: the right -7 once, and the real mistakes as distractors', () => {
    const trace = backprop(SEED_GRAPHS['reuse-mul']);
    const second = trace.contributions.find((c) => c.operand === 'b' && c.path === 2)!;
    const q = questionFor(second, 'z', 0);
    const values = q.choices.map((c) => c.value);
    expect(q.choices.filter((c) => c.right).map((c) => c.value)).toEqual([-7]);
    // -5: only this path (the overwrite bug); -5 + -2 … upstream -5 alone plus the earlier -2 is -7 too, so it is dropped.
    expect(values).toContain(-5);
    expect(values).toContain(7);
    expect(q.choices.length).toBeGreaterThanOrEqual(3);
    expect(q.choices.length).toBeLessThanOrEqual(4);
  });

  it('judges a right and a wrong pick in words, with the reason for that mistake', () => {
    const trace = backprop(SEED_GRAPHS['reuse-add']);
    const second = trace.contributions.find((c) => c.operand === 'b' && c.path === 2)!;
    const q = questionFor(second, 'z', 1);
    expect(q.kind).toBe('running-sum');
    expect(verdict(q, 2)).toBe('Correct: 2.');
    expect(verdict(q, 1)).toMatch(/^Not quite: that is this path alone: .*paths add \(\+=\).* The answer is 2\.$/);
  });

  it('gives three hints: the rule with the op’s own rule, the node whose value it uses, the numbers', () => {
    const trace = backprop(SEED_GRAPHS['add-then-mul']);
    const q = questionFor(trace.contributions[0], 'z', 0, trace);
    expect(q.hints).toEqual([
      // From the output, not the circular ∂z/∂c = ∂z/∂z · ∂z/∂c.
      'Rule: the seed ∂z/∂z = 1 times the local derivative of z by c; here ∂(c · d)/∂c = d.',
      "It uses z's gradient ∂z/∂z and d's value (d is highlighted).",
      'Numbers: 1 · 2.',
    ]);
    expect(q.hintNode).toBe('d');
    // Further in, the rule is upstream times local.
    const inner = trace.contributions.find((c) => c.node === 'c' && c.operand === 'a')!;
    expect(questionFor(inner, 'z', 0, trace).hints[0]).toBe('Rule: ∂z/∂a = ∂z/∂c · ∂c/∂a — upstream times local; here ∂(a + b)/∂a = 1.');
  });

  it('for every edge of every seed graph: the right value exactly once, every distractor different as shown', () => {
    for (const graph of Object.values(SEED_GRAPHS)) {
      const trace = backprop(graph);
      trace.contributions.forEach((c, i) => {
        const q = questionFor(c, graph.output, i, trace);
        const shown = q.choices.map((choice) => num(choice.value));
        expect(new Set(shown).size).toBe(shown.length);
        expect(q.choices.filter((choice) => choice.right)).toHaveLength(1);
        expect(q.choices.find((choice) => choice.right)!.value).toBe(c.sumAfter);
        expect(q.choices.length).toBeGreaterThanOrEqual(3);
        expectTrueReasons(q, c);
      });
    }
  });

  it('holds for random local and upstream values too', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: -20, max: 20 }),
        fc.nat(5),
        (local, upstream, before, seed) => {
          const c = {
            node: 'c',
            operand: 'b',
            slot: 1,
            local,
            upstream,
            contribution: local * upstream,
            sumBefore: before,
            sumAfter: before + local * upstream,
            path: 2,
            paths: 2,
          };
          const q = questionFor(c, 'z', seed);
          const shown = q.choices.map((choice) => num(choice.value));
          expect(new Set(shown).size).toBe(shown.length);
          expect(q.choices.filter((choice) => choice.right)).toHaveLength(1);
          expect(q.choices.length).toBeGreaterThanOrEqual(3);
          expectTrueReasons(q, c);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('questions in show', () => {
  it('--json gives each backward step its question: kind, prompt, answer, choices with reasons, hints', async () => {
    const { runCli } = await import('../helpers/run-cli.js');
    const { stdout, code } = await runCli(['show', 'reuse-add', '--json']);
    expect(code).toBe(0);
    type Q = { kind: string; prompt: string; answer: number; choices: { value: number; right: boolean; why: string }[]; hints: string[] };
    const steps = (JSON.parse(stdout) as { steps: { phase: string; title: string; question?: Q }[] }).steps;
    const asked = steps.filter((s) => s.question);
    // (a + b) + b with a = 3, b = -5: c = a + b = -2, z = c + b = -7; every local derivative is 1, every gradient 1 but b's 2.
    expect(asked.map((s) => [s.title, s.question!.kind, s.question!.answer])).toEqual([
      ['Forward: c', 'forward-value', -2],
      ['Forward: z', 'forward-value', -7],
      ['Backward: z → c', 'local-derivative', 1],
      ['Backward: z → b', 'edge-result', 1],
      ['Backward: c → a', 'upstream', 1],
      ['Backward: c → b', 'running-sum', 2],
      ['Nudge', 'nudge-direction', 'up'],
    ]);
    expect(steps.filter((s) => s.question).every((s) => ['forward', 'backward', 'nudge'].includes(s.phase))).toBe(true);
    const second = asked[5].question!;
    expect(second).toMatchObject({
      kind: 'running-sum',
      prompt: 'b already has ∂z/∂b = 1 from another path. What is ∂z/∂b once this edge has run?',
      answer: 2,
    });
    expect(second.choices.filter((c) => c.right)).toEqual([{ value: 2, right: true, why: '' }]);
    expect(second.choices.find((c) => c.value === 1)?.why).toMatch(/this path alone/);
    expect(second.choices.filter((c) => !c.right).every((c) => c.why.length > 0)).toBe(true);
    expect(second.hints).toHaveLength(3);
    const nudge = asked[6].question!;
    expect(nudge.choices).toEqual([
      { value: 'up', right: true, why: '' },
      { value: 'down', right: false, why: expect.stringMatching(/grad · Δx is positive/) },
    ]);
  });

  it('--quiz prints each question in the transcript, before the step tells its answer', async () => {
    const { runCli } = await import('../helpers/run-cli.js');
    const plain = (await runCli(['show', 'add'])).stdout;
    const { stdout } = await runCli(['show', 'add', '--quiz']);
    expect(plain).not.toContain('Q (');
    const block = stdout.split('\n\n').find((b) => b.includes('Backward: z → a'))!;
    // a + b: the first edge asks for the local derivative, by the rule for +.
    expect(block).toContain('Q (local-derivative): What is the local derivative ∂z/∂a of z = a + b?');
    expect(block).toContain('A typed answer counts to 3 significant digits.');
    expect(block.indexOf('Q (')).toBeLessThan(block.indexOf('result:'));
    expect(block).toMatch(/\d\. 1 {2}\(right\)/);
  });
});

describe('a constant in the hints', () => {
  // z = a ^ 2 with a = 3: the 2 is a constant, written into the rule as its number; its "value" is no node to light.
  const trace = backprop(scenarioFromTyped('z = a ^ 2', ['a=3']).graph);
  const z = trace.graph.nodes.find((n) => n.name === 'z')!;

  it('the forward hint names it as the constant and lights the node a', () => {
    const q = forwardQuestion(z, trace, 0);
    expect(q.hints[1]).toBe("It uses a's value and the constant 2 (a is highlighted).");
    expect(q.hintNode).toBe('a');
  });

  it('the local derivative 2·a^(2-1) = 6 reads only a', () => {
    const q = localQuestion(
      trace.contributions.find((c) => c.node === 'z' && c.operand === 'a')!,
      trace,
      0,
    );
    expect(q.answer).toBe(2 * 3);
    expect(q.hints[1]).toBe("It uses a's value (a is highlighted).");
    expect(q.hints[2]).toBe('Numbers: a = 3, into 2·a^(2-1).');
    expect(q.hintNode).toBe('a');
  });
});

describe('the kinds of question, against hand values', () => {
  // (a + b) · d with a = 3, b = -5, d = 2: c = -2, z = -4; ∂z/∂c = d = 2, ∂z/∂d = c = -2, ∂z/∂a = ∂z/∂b = 2.
  const trace = backprop(SEED_GRAPHS['add-then-mul']);
  const edge = (node: string, operand: string) => trace.contributions.find((c) => c.node === node && c.operand === operand)!;

  it('forward-value: c = a + b is -2, and a · b = -15 is the product’s mistake', () => {
    const q = forwardQuestion(
      trace.graph.nodes.find((n) => n.name === 'c')!,
      trace,
      0,
    );
    expect(q).toMatchObject({ kind: 'forward-value', prompt: 'What is c = a + b?', answer: 3 + -5 });
    expect(judge(q, 3 * -5).why).toBe('that is 3 · (-5); c = a + b, and 3 + (-5) is -2.');
    expect(q.hints[2]).toBe('Numbers: 3 + (-5).');
  });

  it('local-derivative: ∂z/∂c by the rule for c · d is d = 2; c’s own value -2 is that mistake; hint 2 points at d', () => {
    const q = localQuestion(edge('z', 'c'), trace, 0);
    expect(q).toMatchObject({ kind: 'local-derivative', answer: 2, hintNode: 'd' });
    expect(q.hints[0]).toBe('Rule: ∂(c · d)/∂c = d.');
    expect(q.hints[1]).toBe("It uses d's value (d is highlighted).");
    expect(q.hints[2]).toBe('Numbers: d = 2.');
    expect(judge(q, -2).why).toBe("that is c's own value; the rule for c · d gives ∂z/∂c = d = 2.");
    // For a sum the rule reads no value: no node to point at.
    const sum = localQuestion(edge('c', 'a'), trace, 0);
    expect(sum.answer).toBe(1);
    expect(sum.hintNode).toBeUndefined();
  });

  it('upstream: ∂z/∂c arriving at c for the edge c → a is 2, not the local 1', () => {
    const q = upstreamQuestion(edge('c', 'a'), trace, 0);
    expect(q).toMatchObject({ kind: 'upstream', answer: 2, hintNode: 'c' });
    expect(judge(q, 1).why).toMatch(/^that is the local derivative ∂c\/∂a; the upstream is ∂z\/∂c/);
    expect(q.hints[2]).toBe('Numbers: ∂z/∂c = 1 · 2.');
  });

  it('nudge-direction: ascent at 0.01 raises z (-4 → -3.8808); descent lowers it', () => {
    const up = nudgeQuestion(nudge(trace, 0.01, { params: ['a', 'b', 'd'], rows: [{}] }), 'z')!;
    expect(up.answer).toBe('up');
    expect(verdict(up, 'down')).toMatch(/^Not quite: each param moves with its gradient's sign.* The answer is up\.$/);
    const down = nudgeQuestion(nudge(trace, -0.01, { params: ['a', 'b', 'd'], rows: [{}] }), 'z')!;
    expect(down.answer).toBe('down');
    expect(verdict(down, 'up')).toMatch(/the rate is negative/);
    expect(verdict(down, 'down')).toBe('Correct: down.');
  });
});

describe('typed answers', () => {
  const trace = backprop(SEED_GRAPHS['reuse-mul']);
  // (a + b) · b, a = 3, b = -5: b's second path brings it to -7 (−2 from c, then −5 direct… in the order the pass runs).
  const second = trace.contributions.find((c) => c.operand === 'b' && c.path === 2)!;
  const q = questionFor(second, 'z', 0, trace);

  it('count to 3 significant digits (within 0.5%) of the answer, and not beyond', () => {
    expect(q.answer).toBe(-7);
    expect(judge(q, -7.03).right).toBe(true);
    expect(judge(q, -7.04).right).toBe(false);
    expect(close(0, 0)).toBe(true);
    expect(close(0.005, 0)).toBe(false);
    expect(verdict(q, -7.004)).toBe('Correct: -7 (you gave -7.004).');
  });

  it('a typed known mistake gets its reason, even one not on screen', () => {
    const hidden = q.mistakes.find((m) => !q.choices.some((c) => c.value === m.value))!;
    expect(hidden).toBeDefined();
    expect(verdict(q, hidden.value)).toBe(`Not quite: ${hidden.why} The answer is -7.`);
    // The overwrite bug: this path alone.
    expect(verdict(q, second.contribution)).toMatch(/this path alone/);
    expect(verdict(q, 123)).toBe('Not quite: 123 is none of the usual slips — work it through once more. The answer is -7.');
  });
});

describe('the bundled course', () => {
  it('asks every kind of question somewhere, and each wrong choice has its reason', async () => {
    const { runCli } = await import('../helpers/run-cli.js');
    const ids = (JSON.parse((await runCli(['list', '--json'])).stdout) as { id: string }[]).map((e) => e.id);
    const kinds = new Set<string>();
    for (const id of ids) {
      const doc = JSON.parse((await runCli(['show', id, '--json'])).stdout) as {
        steps: { question?: { kind: string; choices: { right: boolean; why: string }[]; other_mistakes?: { why: string }[] } }[];
      };
      for (const step of doc.steps) {
        if (!step.question) continue;
        kinds.add(step.question.kind);
        const { choices, other_mistakes = [] } = step.question;
        expect(
          choices.filter((c) => c.right).map((c) => c.why),
          id,
        ).toEqual(['']);
        // One reason per mistake: a reason said of two different answers is true of at most one.
        const reasons = [...choices.filter((c) => !c.right), ...other_mistakes].map((c) => c.why);
        expect(
          reasons.every((why) => why !== ''),
          id,
        ).toBe(true);
        expect(new Set(reasons).size, `${id}: ${reasons.join(' | ')}`).toBe(reasons.length);
      }
    }
    expect([...kinds].sort()).toEqual(['edge-result', 'forward-value', 'local-derivative', 'nudge-direction', 'running-sum', 'upstream']);
  }, 60_000);
});

describe('questions made when asked for', () => {
  it('give the same question whether a step is read alone, out of order, or in a whole document', () => {
    for (const entry of bundledScenarios()) {
      const scenario = loadScenarioFile(entry.file);
      // Read backwards in the tutor's lesson, forwards in a fresh one, as show --json does.
      const tutor = buildLesson(scenario);
      const steps = tutor.steps.map((_, i) => i);
      const read = [...steps].reverse().map((i) => questionAt(tutor, i));
      const document = buildLesson(scenario);
      expect(
        steps.map((i) => eachQuestion(document, i)),
        entry.id,
      ).toEqual(read.reverse());
      // A question read twice in the tutor is the same object, kept.
      const asked = steps.find((i) => questionAt(tutor, i) !== undefined)!;
      expect(questionAt(tutor, asked)).toBeDefined();
      expect(questionAt(tutor, asked)).toBe(questionAt(tutor, asked));
    }
  });
});

describe('the score', () => {
  it('counts by kind, and lists the missed steps', () => {
    const lesson = buildLesson(loadScenarioFile(bundledScenarios().find((e) => e.id === 'add-then-mul')!.file));
    // Steps: 1 forward c, 2 forward z, 4 z → c (local), 5 z → d (result), 6 c → a (upstream), 7 c → b (local), 9 nudge.
    const first = (given: Given) => ({ given, hints: 0 });
    const score = scoreOf(lesson, { 1: first(-2), 2: first(-3), 4: first(2), 6: first(2), 9: first('up') });
    expect(score).toMatchObject({ right: 4, asked: 5 });
    expect(scoreByKind(score)).toBe('forward values 1/2 · local derivative 1/1 · upstream gradient 1/1 · nudge direction 1/1');
    expect(missedSteps(lesson, { 1: first(-2), 2: first(-3), 4: first(0) })).toEqual([2, 4]);
  });
});
