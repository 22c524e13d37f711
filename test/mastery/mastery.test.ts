// Mastery by the rule, the rating from confidence, and what a practice round asks.
import { describe, expect, it } from 'vitest';
import { now } from '../../src/io/clock.js';
import {
  dueDate,
  dueSkills,
  isMastered,
  order,
  ratingOf,
  recordAnswer,
  weakestSkills,
  type SkillAnswer,
  type SkillRecord,
} from '../../src/mastery/index.js';

const right: SkillAnswer = { outcome: 'right', sure: true };
const clock = (when: string) => now({ GRAD_TUTOR_NOW: when });

/** The answers given, each at its time on the clock. */
function answered(...answers: [SkillAnswer, string][]): SkillRecord {
  let record: SkillRecord | undefined;
  for (const [answer, when] of answers) record = recordAnswer(record, answer, clock(when));
  return record!;
}

describe('mastered after 3 right in a row on fresh problems, on at least 2 days', () => {
  it('three right on one day are not mastery', () => {
    const record = answered([right, '2026-12-01T09:00'], [right, '2026-12-01T09:05'], [right, '2026-12-01T21:00']);
    expect(record.streak).toBe(3);
    expect(record.days).toEqual(['2026-12-01']);
    expect(isMastered(record)).toBe(false);
  });

  it('three right across two days are', () => {
    const record = answered([right, '2026-12-01T09:00'], [right, '2026-12-01T09:05'], [right, '2026-12-02T09:00']);
    expect(record.days).toEqual(['2026-12-01', '2026-12-02']);
    expect(isMastered(record)).toBe(true);
  });

  it('days are the learner’s local dates: 23:30 and 00:30 are two days, though an hour apart', () => {
    const record = answered([right, '2026-12-01T23:00'], [right, '2026-12-01T23:30'], [right, '2026-12-02T00:30']);
    expect(isMastered(record)).toBe(true);
  });

  it('two right on two days are not, the third makes it', () => {
    const two = answered([right, '2026-12-01'], [right, '2026-12-02']);
    expect(isMastered(two)).toBe(false);
    expect(isMastered(recordAnswer(two, right, clock('2026-12-02T10:00')))).toBe(true);
  });

  it('a miss puts the skill back to learning: streak 0, its days gone, not mastered, and it counts from there', () => {
    const mastered = answered([right, '2026-12-01'], [right, '2026-12-01T10:00'], [right, '2026-12-02']);
    expect(isMastered(mastered)).toBe(true);
    const missed = recordAnswer(mastered, { outcome: 'wrong', sure: false }, clock('2026-12-05'));
    expect(missed).toMatchObject({ streak: 0, days: [], mastered: false });
    // Two more right on two days are not enough: it takes three again.
    const twoMore = recordAnswer(recordAnswer(missed, right, clock('2026-12-05T10:00')), right, clock('2026-12-06'));
    expect(isMastered(twoMore)).toBe(false);
    expect(isMastered(recordAnswer(twoMore, right, clock('2026-12-06T10:00')))).toBe(true);
  });

  it('an answer after the last hint (helped) is not right: it breaks the streak, but a mastered skill stays mastered', () => {
    const helped: SkillAnswer = { outcome: 'helped', sure: true };
    const learning = recordAnswer(answered([right, '2026-12-01'], [right, '2026-12-02']), helped, clock('2026-12-02T10:00'));
    expect(learning).toMatchObject({ streak: 0, days: [], mastered: false });
    const mastered = answered([right, '2026-12-01'], [right, '2026-12-01T10:00'], [right, '2026-12-02']);
    expect(recordAnswer(mastered, helped, clock('2026-12-03'))).toMatchObject({ streak: 0, mastered: true });
  });

  it('no record is no mastery', () => {
    expect(isMastered(undefined)).toBe(false);
  });
});

describe('the rating from right / helped / wrong and sure / not sure', () => {
  it('maps each of the six answers', () => {
    const rated = (outcome: SkillAnswer['outcome'], sure: boolean) => ratingOf({ outcome, sure });
    expect([rated('wrong', true), rated('wrong', false)]).toEqual(['again', 'again']);
    expect([rated('helped', true), rated('helped', false)]).toEqual(['hard', 'hard']);
    expect([rated('right', false), rated('right', true)]).toEqual(['hard', 'good']);
  });

  it('so a miss comes back before a doubtful right answer, and that before a sure one', () => {
    // The same skill, once in review (right on two days), answered each way on day 5.
    const before = answered([right, '2026-12-01T09:00'], [right, '2026-12-01T09:10'], [right, '2026-12-03T09:10']);
    const when = clock('2026-12-05');
    const due = (answer: SkillAnswer) => dueDate(recordAnswer(before, answer, when)).getTime();
    const miss = due({ outcome: 'wrong', sure: true });
    expect(miss).toBe(due({ outcome: 'wrong', sure: false }));
    expect(miss).toBeLessThan(due({ outcome: 'right', sure: false }));
    expect(due({ outcome: 'right', sure: false })).toBeLessThan(due(right));
    expect(due({ outcome: 'helped', sure: true })).toBe(due({ outcome: 'right', sure: false }));
  });

  it('a confident miss comes first among the due reviews, even when a guess that missed is more overdue', () => {
    const start = answered([right, '2026-12-01T09:00']);
    const guessed = recordAnswer(start, { outcome: 'wrong', sure: false }, clock('2026-12-02T09:00'));
    const sure = recordAnswer(start, { outcome: 'wrong', sure: true }, clock('2026-12-02T10:00'));
    expect(guessed.sureMiss).toBeUndefined();
    expect(sure.sureMiss).toBe(true);
    expect(dueSkills({ guessed, sure }, clock('2026-12-03'))).toEqual(['sure', 'guessed']);
    // Answered again, it is an ordinary review.
    expect(recordAnswer(sure, right, clock('2026-12-03')).sureMiss).toBeUndefined();
  });
});

describe('what is due, what is weakest, and a practice round', () => {
  const skills = ['sum-rule', 'product-rule', 'chain', 'tanh', 'exp'];
  // sum-rule due since 12-03 09:10 (its second answer graduated it for 2 days), chain since 12-02 (a miss), tanh mastered.
  const records = {
    'sum-rule': answered([right, '2026-12-01T09:00'], [right, '2026-12-01T09:10']),
    chain: answered([right, '2026-12-01T09:00'], [{ outcome: 'wrong', sure: false }, '2026-12-01T09:30']),
    tanh: answered([right, '2026-12-01T09:00'], [right, '2026-12-01T09:10'], [right, '2026-12-03T10:00']),
    'product-rule': answered([right, '2026-12-06T09:00']),
  };
  const when = clock('2026-12-04');

  it('due reviews, the most overdue first', () => {
    expect(dueDate(records['sum-rule']).toISOString()).toBe(clock('2026-12-03T09:10').toISOString());
    expect(dueSkills(records, when)).toEqual(['chain', 'sum-rule']);
  });

  it('the weakest: not mastered; never practised first, then the shorter streak, then the lower stability', () => {
    // exp never practised; chain's streak is 0; product-rule and sum-rule have 1 and 2; tanh is mastered.
    expect(weakestSkills(records, skills)).toEqual(['exp', 'chain', 'product-rule', 'sum-rule']);
  });

  it('a round: due first, then the weakest, then the mastered, taken in turn so no skill comes twice running', () => {
    const round = order(records, skills, when, 12);
    expect(round).toHaveLength(12);
    expect(round.slice(0, 5)).toEqual(['chain', 'sum-rule', 'exp', 'product-rule', 'tanh']);
    expect(round.slice(5, 10)).toEqual(round.slice(0, 5));
    expect(round.slice(10)).toEqual(['chain', 'sum-rule']);
    for (let i = 1; i < round.length; i++) expect(round[i]).not.toBe(round[i - 1]);
  });

  it('with everything mastered and nothing due, the round still has work: the soonest due first', () => {
    const all = { tanh: records.tanh };
    expect(order(all, ['tanh'], when, 3)).toEqual(['tanh', 'tanh', 'tanh']);
    expect(order({}, [], when, 3)).toEqual([]);
  });

  it('a record of a skill no longer listed is not asked', () => {
    expect(order(records, ['exp'], when, 2)).toEqual(['exp', 'exp']);
  });
});
