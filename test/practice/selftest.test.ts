import { describe, expect, it } from 'vitest';
import { gain, SELF_TEST, selfTestProblems, testOffer } from '../../src/practice/index.js';

describe('the self-test', () => {
  it('asks twelve fresh items, two for each classic mistake and one each of the product and sum rules, never one skill twice running', () => {
    const problems = selfTestProblems(4);
    expect(problems.map((p) => p.skill)).toEqual([...SELF_TEST]);
    const count = (skill: string) => SELF_TEST.filter((s) => s === skill).length;
    for (const skill of ['two-paths', 'chain', 'backward-order', 'zero-grad', 'tanh']) expect(count(skill)).toBe(2);
    expect([count('product-rule'), count('sum-rule')]).toEqual([1, 1]);
    for (let k = 1; k < SELF_TEST.length; k++) expect(SELF_TEST[k]).not.toBe(SELF_TEST[k - 1]);
    // Another seed, other numbers.
    expect(selfTestProblems(5).map((p) => p.source)).not.toEqual(problems.map((p) => p.source));
  });

  it('gain is (after − before) / (max − before), worked by hand', () => {
    expect(gain({ when: '', score: 1, of: 12 }, { when: '', score: 6, of: 12 })).toBeCloseTo(5 / 11, 12);
    expect(gain({ when: '', score: 4, of: 12 }, { when: '', score: 12, of: 12 })).toBe(1);
    expect(gain({ when: '', score: 12, of: 12 }, { when: '', score: 12, of: 12 })).toBeUndefined();
  });

  it('is offered before the first lesson, once the course is done, and a week after the last test', () => {
    const day = (d: number) => new Date(2026, 11, d, 10);
    const taken = [{ when: day(7).toISOString(), score: 3, of: 12 }];
    expect(testOffer([], [], 'mlp', day(7))).toMatch(/^New here\? "grad-tutor test"/);
    expect(testOffer([], ['add'], 'mlp', day(7))).toBeUndefined();
    expect(testOffer(taken, ['add'], 'mlp', day(10))).toBeUndefined();
    expect(testOffer(taken, ['add', 'mlp'], 'mlp', day(10))).toMatch(/^Course done/);
    expect(testOffer(taken, ['add'], 'mlp', day(14))).toMatch(/^A week on/);
  });
});
