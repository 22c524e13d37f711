import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backprop, type Contribution } from '../../src/engine/index.js';
import { bundledScenarios } from '../../src/catalog.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import {
  buildLesson,
  close,
  forwardQuestion,
  judge,
  missedSteps,
  nudgeQuestion,
  questionAt,
  questionFor,
  scoreByKind,
  scoreOf,
  verdict,
  type NumberQuestion,
} from '../../src/lesson/index.js';
import { graphFrom, recipes } from '../layout/random.js';
import { graphOf, scenarioOf, SEED_GRAPHS } from '../helpers/graphs.js';

const course = (id: string) => buildLesson(loadScenarioFile(bundledScenarios().find((e) => e.id === id)!.file));

/** An edge whose numbers are given: its result is sumBefore + upstream · local. */
function edge(upstream: number, local: number): Contribution {
  return {
    node: 'c',
    operand: 'b',
    slot: 1,
    local,
    upstream,
    contribution: local * upstream,
    sumBefore: 0,
    sumAfter: local * upstream,
    path: 1,
    paths: 1,
  };
}

describe('a typed number', () => {
  it('on lesson 17, the flipped sign of s2_3_2 is wrong and named, however small the numbers', () => {
    const lesson = course('mlp');
    const step = lesson.steps.findIndex((s) => s.title === 'Forward: s2_3_2');
    const q = questionAt(lesson, step) as NumberQuestion;
    // s2_3_2 = 0.00376067…: the flip is 0.0075 away, less than the old 0.01 below 1.
    expect(q.answer).toBeCloseTo(0.00376067, 8);
    const flipped = judge(q, -0.00376067);
    expect(flipped.right).toBe(false);
    expect(flipped.outcome).toBe('wrong');
    expect(flipped.why).toMatch(/^the sign is flipped/);
    expect(judge(q, 0.00376).outcome).toBe('right');
    // Two significant digits are not three: 0.0038 is 1% off.
    expect(judge(q, 0.0038).outcome).toBe('wrong');
  });

  it('counts to 3 significant digits: within 0.5% of the answer, never across zero', () => {
    // -7: 0.5% is 0.035.
    expect(close(-7.03, -7)).toBe(true);
    expect(close(-7.04, -7)).toBe(false);
    expect(close(7, -7)).toBe(false);
    // The edge is in, though 10.05 - 10 is 0.05000000000000071 in floats.
    expect(close(10.05, 10)).toBe(true);
    expect(close(10.06, 10)).toBe(false);
    // 0 needs 0 typed, or a float sum's 1e-17 that prints as 0.
    expect(close(0, 0)).toBe(true);
    expect(close(0.001, 0)).toBe(false);
    expect(close(0, 0.1 + 0.2 - 0.3)).toBe(true);
    // A tiny answer keeps its digits: 0.000123 is not 0.
    expect(close(0, 0.000123)).toBe(false);
    expect(close(-0.000123, 0.000123)).toBe(false);
  });

  it('any answer rounded to 3 significant digits counts, its negative never, and 0.6% off never', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.boolean(), (size, negative) => {
        const answer = negative ? -size : size;
        expect(close(Number(answer.toPrecision(3)), answer)).toBe(true);
        expect(close(-answer, answer)).toBe(false);
        expect(close(answer * 1.006, answer)).toBe(false);
        expect(close(answer * 0.994, answer)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('is never close to a mistake that is not finite (a / 0)', () => {
    // c = a + b with b = 0: the mistake a / b is ∞.
    const graph = graphOf({ a: 1, b: 0 }, [['c', '+', ['a', 'b']]]);
    const trace = backprop(graph);
    const q = forwardQuestion(graph.nodes[2], trace, 0);
    expect(q.mistakes.some((m) => m.value === Infinity)).toBe(true);
    expect(judge(q, 5)).toEqual({ right: false, outcome: 'wrong' });
  });

  it('on 200 random graphs, no listed mistake is judged right', () => {
    const graphs = fc.sample(recipes(16), { seed: 23, numRuns: 200 }).map(graphFrom);
    let questions = 0;
    graphs.forEach((graph, g) => {
      const lesson = buildLesson(scenarioOf(`random-${g}`, graph));
      lesson.steps.forEach((_, i) => {
        const q = questionAt(lesson, i);
        if (!q || q.kind === 'nudge-direction') return;
        questions++;
        for (const mistake of [...q.choices, ...q.mistakes].filter((c) => !c.right)) {
          const judged = judge(q, mistake.value);
          expect(judged.right, `${graph.output} step ${i}: ${mistake.why}`).toBe(false);
          expect(judged.outcome).toBe('wrong');
        }
      });
    });
    expect(questions).toBeGreaterThan(1000);
  });

  it('nearer to a named mistake than to the answer: the mistake wins', () => {
    // 250 · 4 = 1000; one too many, 1001, is within 0.5% of it.
    const q = questionFor(edge(250, 4), 'z', 0);
    expect(q.answer).toBe(1000);
    expect(judge(q, 1000.4).outcome).toBe('right');
    const near = judge(q, 1000.6);
    expect(near.outcome).toBe('wrong');
    expect(near.why).toMatch(/^that is one too many/);
    expect(verdict(q, 1000.6)).toMatch(/^Not quite: that is one too many.* The answer is 1000\.$/);
  });
});

describe('hints in the judgement', () => {
  const trace = backprop(SEED_GRAPHS['reuse-add']);
  const q = questionFor(
    trace.contributions.find((c) => c.operand === 'b' && c.path === 2)!,
    'z',
    1,
    trace,
  );

  it('an answer after the last hint is helped, with fewer it is right, and a wrong one is wrong', () => {
    expect(q.answer).toBe(2);
    expect(q.hints).toHaveLength(3);
    expect(judge(q, 2, 3)).toEqual({ right: true, outcome: 'helped' });
    expect(judge(q, 2, 2)).toEqual({ right: true, outcome: 'right' });
    expect(judge(q, 2)).toEqual({ right: true, outcome: 'right' });
    expect(judge(q, 1, 3).outcome).toBe('wrong');
    expect(verdict(q, 2, 3)).toBe('Correct, with all the hints: 2.');
    expect(verdict(q, 2.001, 3)).toBe('Correct, with all the hints: 2 (you gave 2.001).');
    expect(verdict(q, 2, 2)).toBe('Correct: 2.');
  });

  it('counts for the nudge’s up or down too', () => {
    const nudged = nudgeQuestion({ rate: 0.01, predicted: 1, actual: 1, before: 0, after: 1, moves: [] }, 'z')!;
    expect(judge(nudged, 'up', 3).outcome).toBe('helped');
    expect(judge(nudged, 'up', 2).outcome).toBe('right');
    expect(judge(nudged, 'down', 3).outcome).toBe('wrong');
  });

  it('go into the score: helped is not right, and is asked again like a miss', () => {
    const lesson = course('add-then-mul');
    // Steps: 1 forward c (-2), 2 forward z (-4), 4 z → c (local 2), 6 c → a (upstream 2), 9 nudge.
    const score = scoreOf(lesson, {
      1: { given: -2, hints: 3 },
      2: { given: -3, hints: 0 },
      4: { given: 2, hints: 1 },
      6: { given: 2, hints: 3 },
      9: { given: 'up', hints: 0 },
    });
    expect(score).toMatchObject({ right: 2, helped: 2, asked: 5 });
    expect(scoreByKind(score)).toBe(
      'forward values 0/2 (1 with all the hints) · local derivative 1/1 · upstream gradient 0/1 (1 with all the hints) · nudge direction 1/1',
    );
    expect(missedSteps(lesson, { 1: { given: -2, hints: 3 }, 2: { given: -4, hints: 2 }, 4: { given: 0, hints: 0 } })).toEqual([1, 4]);
  });
});
