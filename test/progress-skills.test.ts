// The progress file's practice fields: each skill's record and the self-test scores, kept, checked and bounded.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { now } from '../src/io/clock.js';
import { recordAnswer, type SkillRecord } from '../src/mastery/index.js';
import { EMPTY, loadProgress, mergeProgress, saveProgress, SKILL_LIMITS, type Progress } from '../src/progress/index.js';

const clock = (when: string) => now({ GRAD_TUTOR_NOW: when });
const right = { outcome: 'right', sure: true } as const;
/** A skill answered right on `day`, and again ten minutes later. */
const practised = (day: string): SkillRecord =>
  recordAnswer(recordAnswer(undefined, right, clock(`${day}T09:00`)), right, clock(`${day}T09:10`));
const filePath = () => join(mkdtempSync(join(tmpdir(), 'gt-skills-')), 'progress.json');

function load(data: unknown) {
  const path = filePath();
  writeFileSync(path, JSON.stringify(data));
  const loaded = loadProgress(path);
  const dir = join(path, '..');
  return { ...loaded, aside: readdirSync(dir).some((f) => f.startsWith('progress.json.unreadable-')) };
}

const withSkills: Progress = {
  ...EMPTY,
  skills: { 'sum-rule': practised('2026-12-01'), tanh: recordAnswer(undefined, { outcome: 'wrong', sure: true }, clock('2026-12-02')) },
  tests: [
    { when: clock('2026-12-01').toISOString(), score: 4, of: 12 },
    { when: clock('2026-12-08').toISOString(), score: 10, of: 12 },
  ],
};

describe('skills and self-test scores in the progress file', () => {
  it('are saved and read back as they were', () => {
    const path = filePath();
    saveProgress(path, withSkills);
    const { progress, warning } = loadProgress(path);
    expect(warning).toBeUndefined();
    expect(progress).toEqual(withSkills);
    expect(JSON.parse(readFileSync(path, 'utf8')).skills['sum-rule'].card.due).toBe(withSkills.skills!['sum-rule'].card.due);
  });

  it('an old file, without them, still reads; and none are written when there are none', () => {
    const { progress, warning } = load({ version: 2, finished: ['mul'], quiz: {}, recent: [] });
    expect(warning).toBeUndefined();
    expect(progress.skills).toBeUndefined();
    const path = filePath();
    saveProgress(path, EMPTY);
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')))).not.toContain('skills');
  });

  const record = withSkills.skills!['sum-rule'];
  const card = record.card;
  const broken: [string, unknown, RegExp][] = [
    ['skills is a list', [], /skills is not an object/],
    ['an id that would act on a terminal', { '\u001b[2J': record }, /skills names a skill by something other than an id like sum-rule/],
    ['a due date that is none', { s: { ...record, card: { ...card, due: 'tomorrow' } } }, /skills\.s\.card has a date that is not one/],
    ['a negative stability', { s: { ...record, card: { ...card, stability: -1 } } }, /skills\.s\.card has a stability or difficulty/],
    ['a stability past FSRS’s largest', { s: { ...record, card: { ...card, stability: 40_000 } } }, /stability or difficulty/],
    ['a difficulty past 10', { s: { ...record, card: { ...card, difficulty: 11 } } }, /stability or difficulty/],
    ['half a rep', { s: { ...record, card: { ...card, reps: 1.5 } } }, /skills\.s\.card\.reps is not a count/],
    ['a state 4', { s: { ...record, card: { ...card, state: 4 } } }, /skills\.s\.card\.state is not 0 to 3/],
    ['a negative streak', { s: { ...record, streak: -1 } }, /skills\.s\.streak is not a count/],
    ['days out of order', { s: { ...record, streak: 2, days: ['2026-12-02', '2026-12-01'] } }, /skills\.s\.days is not/],
    ['a day that does not exist', { s: { ...record, streak: 2, days: ['2026-02-28', '2026-02-30'] } }, /skills\.s\.days is not/],
    ['more days than answers', { s: { ...record, streak: 1, days: ['2026-12-01', '2026-12-02'] } }, /more days than the streak/],
    ['mastered as text', { s: { ...record, mastered: 'yes' } }, /skills\.s\.mastered is neither/],
    ['a sureMiss false', { s: { ...record, sureMiss: false } }, /skills\.s\.sureMiss is not true/],
  ];
  it.each(broken)('a file with %s is moved aside, with one sentence naming the field', (_, skills, why) => {
    const { progress, warning, aside } = load({ ...EMPTY, skills });
    expect(progress).toEqual(EMPTY);
    expect(aside).toBe(true);
    expect(warning).toMatch(why);
    expect(warning).not.toContain('\n');
    expect(warning).not.toContain('\u001b');
  });

  it.each([
    ['a score over its count', [{ when: clock('2026-12-01').toISOString(), score: 13, of: 12 }]],
    ['a test of no items', [{ when: clock('2026-12-01').toISOString(), score: 0, of: 0 }]],
    ['a date that is none', [{ when: 'Monday', score: 1, of: 12 }]],
    [
      'too many',
      Array.from({ length: SKILL_LIMITS.tests + 1 }, (_, i) => ({
        when: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
        score: 1,
        of: 12,
      })),
    ],
  ])('tests with %s are refused', (_, tests) => {
    const { warning, aside } = load({ ...EMPTY, tests });
    expect(aside).toBe(true);
    expect(warning).toMatch(/tests (is not a list of at most 50 scores|holds something other than a score)/);
  });

  it(`at most ${SKILL_LIMITS.skills} skills are read, and a merge keeps the ${SKILL_LIMITS.skills} answered last`, () => {
    const many = (n: number) =>
      Object.fromEntries(
        Array.from({ length: n }, (_, i) => [
          `skill-${i}`,
          practised(`2026-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`),
        ]),
      );
    expect(load({ ...EMPTY, skills: many(SKILL_LIMITS.skills) }).warning).toBeUndefined();
    expect(load({ ...EMPTY, skills: many(SKILL_LIMITS.skills + 1) }).warning).toMatch(/skills has 51 skills, more than 50/);
    const merged = mergeProgress(EMPTY, { ...EMPTY, skills: many(60) });
    // Skills 0-59 were answered on days in order: the last 50 are 10-59.
    expect(Object.keys(merged.skills!).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `skill-${i + 10}`).sort());
  });

  it('two tutors: each skill from the one that answered it last; the scores of both, once each, oldest first', () => {
    const older = practised('2026-12-01');
    const newer = recordAnswer(older, { outcome: 'wrong', sure: false }, clock('2026-12-05'));
    const disk: Progress = { ...EMPTY, skills: { chain: newer, exp: older }, tests: [withSkills.tests![1]] };
    const mine: Progress = { ...EMPTY, skills: { chain: older, tanh: older }, tests: withSkills.tests };
    const merged = mergeProgress(disk, mine);
    expect(merged.skills).toEqual({ chain: newer, exp: older, tanh: older });
    expect(merged.tests).toEqual(withSkills.tests);
  });
});
