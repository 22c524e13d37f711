// The review schedule, driven by the one clock (GRAD_TUTOR_NOW) across days, as a learner would live it.
import { describe, expect, it } from 'vitest';
import { localDay, now } from '../../src/io/clock.js';
import { dueDate, dueSkills, recordAnswer, type SkillAnswer, type SkillRecord } from '../../src/mastery/index.js';

const DAY = 24 * 60 * 60 * 1000;
const right: SkillAnswer = { outcome: 'right', sure: true };
const wrong: SkillAnswer = { outcome: 'wrong', sure: true };
/** The clock as a test sets it: GRAD_TUTOR_NOW, an ISO date-time. */
const at = (when: Date) => now({ GRAD_TUTOR_NOW: when.toISOString() });

/**
 * FSRS-6's default stability after a first "good" (its published parameter w2); the interval FSRS gives a
 * card in review is its stability in days, rounded, when the retention asked for is FSRS's 90% (the
 * forgetting curve is scaled so that R(t = S) = 0.9).
 */
const FIRST_GOOD_STABILITY = 2.3065;
const intervalFor = (stability: number) => Math.max(1, Math.round(stability));

/** The learner answers whenever the skill is due, each answer from `script`, on the clock; what each answer scheduled. */
function live(script: SkillAnswer[]) {
  let when = now({ GRAD_TUTOR_NOW: '2026-12-01T10:00' });
  let record: SkillRecord | undefined;
  const steps: { when: Date; record: SkillRecord; days: number }[] = [];
  for (const answer of script) {
    // Not due a minute before its time; due at it (checked from the second answer on, once there is a record).
    if (record) {
      expect(dueSkills({ s: record }, at(new Date(when.getTime() - 60_000)))).toEqual([]);
      expect(dueSkills({ s: record }, when)).toEqual(['s']);
    }
    record = recordAnswer(record, answer, when);
    const next = dueDate(record);
    steps.push({ when, record, days: (next.getTime() - when.getTime()) / DAY });
    when = at(next);
  }
  return steps;
}

describe('reviews scheduled by FSRS, across days on the clock', () => {
  it('a learner always right: ten minutes, then intervals of the card stability, each longer than the last', () => {
    const steps = live(Array(6).fill(right));
    // The first answer is a learning step (Anki's 10 minutes), the day it was learnt.
    expect(steps[0].days * 24 * 60).toBeCloseTo(10, 6);
    expect(steps[0].record.card.stability).toBeCloseTo(FIRST_GOOD_STABILITY, 4);
    expect(localDay(new Date(steps[0].record.card.due))).toBe('2026-12-01');
    // Then days: each review's interval is its stability rounded, and grows.
    const reviews = steps.slice(1);
    for (const { record, days } of reviews) {
      expect(record.card.state).toBe(2);
      expect(days).toBe(intervalFor(record.card.stability));
    }
    expect(reviews[0].days).toBe(intervalFor(FIRST_GOOD_STABILITY));
    for (let i = 1; i < reviews.length; i++) expect(reviews[i].days).toBeGreaterThan(reviews[i - 1].days * 2);
  });

  it('a learner who misses once: back within the day, then intervals shorter than before the miss', () => {
    const always = live(Array(7).fill(right));
    const missed = live([right, right, right, wrong, right, right, right]);
    const miss = missed[3];
    expect(miss.record.card.lapses).toBe(1);
    expect(miss.record.card.state).toBe(3); // relearning
    expect(miss.days).toBeLessThan(1);
    expect(localDay(new Date(miss.record.card.due))).toBe(localDay(miss.when));
    // Each interval after the miss is shorter than the one the always-right learner had at the same point.
    for (let i = 4; i < 7; i++) expect(missed[i].days).toBeLessThan(always[i].days);
    // And the stability the miss left is lower than it was before it.
    expect(miss.record.card.stability).toBeLessThan(missed[2].record.card.stability);
  });

  it('the record survives JSON, as the progress file keeps it, and schedules the same from there', () => {
    const when = now({ GRAD_TUTOR_NOW: '2026-12-24T08:00' });
    const record = recordAnswer(recordAnswer(undefined, right, when), right, new Date(when.getTime() + 10 * 60_000));
    const copy = JSON.parse(JSON.stringify(record)) as SkillRecord;
    expect(copy).toEqual(record);
    const later = now({ GRAD_TUTOR_NOW: '2026-12-27' });
    expect(recordAnswer(copy, right, later)).toEqual(recordAnswer(record, right, later));
  });
});

describe('a clock set back', () => {
  it('an answer dated before the last one counts as given at the last one, never an error', () => {
    const right: SkillAnswer = { outcome: 'right', sure: true };
    const first = recordAnswer(undefined, right, now({ GRAD_TUTOR_NOW: '2026-12-24T10:00' }));
    const second = recordAnswer(first, right, now({ GRAD_TUTOR_NOW: '2026-11-01' }));
    expect(second.card.last_review).toBe(first.card.last_review);
    expect(second.days).toEqual(['2026-12-24']);
    expect(second.card.reps).toBe(2);
  });
});
