// `grad-tutor progress` and `progress --json`: the table of skills at a clock set by GRAD_TUTOR_NOW.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SKILLS } from '../../src/practice/index.js';
import { describe, expect, it } from 'vitest';
import { localDay, now } from '../../src/io/clock.js';
import { recordAnswer, type SkillAnswer, type SkillRecord, type SkillRow } from '../../src/mastery/index.js';
import { EMPTY, saveProgress } from '../../src/progress/index.js';
import { runCli } from '../helpers/run-cli.js';

const clock = (when: string) => now({ GRAD_TUTOR_NOW: when });
const right: SkillAnswer = { outcome: 'right', sure: true };
const answered = (...answers: [SkillAnswer, string][]) =>
  answers.reduce<SkillRecord | undefined>((record, [answer, when]) => recordAnswer(record, answer, clock(when)), undefined)!;

/** FSRS's first interval in review: its first "good" stability, 2.3065 days (FSRS-6's w2), rounded. */
const FIRST_INTERVAL_DAYS = 2;

const records = {
  'sum-rule': answered([right, '2026-12-01T09:00'], [right, '2026-12-01T09:10']),
  tanh: answered([right, '2026-12-01T09:00'], [right, '2026-12-01T09:10'], [right, '2026-12-03T10:00']),
  chain: answered([right, '2026-12-01T09:00'], [{ outcome: 'wrong', sure: true }, '2026-12-01T09:30']),
};
const tests = [{ when: clock('2026-12-01T08:00').toISOString(), score: 5, of: 12 }];

function stateWithSkills(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gt-progress-skills-'));
  saveProgress(join(dir, 'grad-tutor', 'progress.json'), { ...EMPTY, skills: records, tests });
  return dir;
}

describe('grad-tutor progress shows each skill', () => {
  it('as a table at the clock: mastered, streak, next review (a date, or due now), and the self-test scores', async () => {
    const dir = stateWithSkills();
    const { code, stdout, stderr } = await runCli(['progress'], { XDG_STATE_HOME: dir, GRAD_TUTOR_NOW: '2026-12-02' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const tanhDue = localDay(new Date(records.tanh.card.due));
    expect(tanhDue > '2026-12-03').toBe(true);
    // sum-rule graduated at 12-01 09:10 for FSRS's first interval; chain's miss is due ten minutes after it.
    const sumDue = localDay(new Date(clock('2026-12-01').getTime() + FIRST_INTERVAL_DAYS * 86_400_000));
    // Every skill has a row, with its title; those never practised say so.
    const rows = stdout.split('\n');
    const row = (id: string) => rows.find((line) => line.startsWith(`  ${id} `)) ?? '';
    expect(rows).toContain('skills, on 2026-12-02:');
    // A title wraps in its column where the line would pass 80 columns (two of indent, then the table).
    expect(row('chain')).toMatch(/^ {2}chain +no +0 +due now +The chain rule through an$/);
    expect(rows[rows.indexOf(row('chain')) + 1]).toMatch(/^ {40,}intermediate node$/);
    for (const line of rows) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(row('sum-rule')).toMatch(new RegExp(`^ {2}sum-rule +no +2 +${sumDue} +The sum rule`));
    expect(row('tanh')).toMatch(new RegExp(`^ {2}tanh +yes +3 +${tanhDue} +tanh: its slope`));
    expect(row('exp')).toMatch(/^ {2}exp +no +0 +not practised +exp: its slope is its own$/);
    expect(rows.filter((line) => / {2}(no|yes) +\d+ /.test(line))).toHaveLength(SKILLS.length);
    expect(stdout).toContain('self-test on 2026-12-01: 5 of 12\n');
  });

  it('a day later on the clock, sum-rule is due too', async () => {
    const dir = stateWithSkills();
    const { stdout } = await runCli(['progress'], { XDG_STATE_HOME: dir, GRAD_TUTOR_NOW: '2026-12-03T09:10' });
    expect(stdout).toMatch(/^ {2}sum-rule +no +2 +due now +The sum rule/m);
    const before = await runCli(['progress'], { XDG_STATE_HOME: dir, GRAD_TUTOR_NOW: '2026-12-03T09:09' });
    expect(before.stdout).toMatch(/^ {2}sum-rule +no +2 +2026-12-03 +The sum rule/m);
  });

  it('with no skills practised, says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gt-progress-skills-'));
    const { stdout } = await runCli(['progress'], { XDG_STATE_HOME: dir });
    expect(stdout).toContain('skills: none practised yet ("grad-tutor practice" starts a round)\n');
  });

  it('--json gives the same as one document', async () => {
    const dir = stateWithSkills();
    const { code, stdout } = await runCli(['progress', '--json'], { XDG_STATE_HOME: dir, GRAD_TUTOR_NOW: '2026-12-02' });
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { file: string; now: string; skills: SkillRow[]; tests: unknown; finished: string[] };
    expect(doc.file).toBe(join(dir, 'grad-tutor', 'progress.json'));
    expect(doc.now).toBe(clock('2026-12-02').toISOString());
    expect(doc.finished).toEqual([]);
    expect(doc.tests).toEqual(tests);
    // Every skill, in the skills' order, with its title; the practised ones with their records.
    expect(doc.skills.map((s) => s.id)).toEqual(SKILLS.map((s) => s.id));
    expect(doc.skills.every((s, i) => s.title === SKILLS[i].title)).toBe(true);
    const practised = doc.skills.filter((s) => s.nextReview !== undefined).map(({ title: _, ...row }) => row);
    expect(practised.map((s) => s.id).sort()).toEqual(['chain', 'sum-rule', 'tanh']);
    expect(practised).toEqual(
      practised.map(({ id }) => {
        const record = records[id as keyof typeof records];
        return {
          id,
          mastered: record.mastered,
          streak: record.streak,
          days: record.days,
          nextReview: record.card.due,
          due: Date.parse(record.card.due) <= clock('2026-12-02').getTime(),
        };
      }),
    );
    expect(Object.fromEntries(practised.map((s) => [s.id, [s.mastered, s.streak, s.due]]))).toEqual({
      chain: [false, 0, true],
      'sum-rule': [false, 2, false],
      tanh: [true, 3, false],
    });
  });

  it('--json with nowhere to keep progress: no file, nothing done', async () => {
    const { code, stdout } = await runCli(['progress', '--json'], { HOME: '', GRAD_TUTOR_NOW: '2026-12-02' });
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { skills: { nextReview?: string; streak: number }[] };
    expect(doc).toMatchObject({ file: null, finished: [], tests: [] });
    // Every skill has its row, none practised.
    expect(doc.skills).toHaveLength(SKILLS.length);
    expect(doc.skills.every((s) => s.nextReview === undefined && s.streak === 0)).toBe(true);
  });
});

describe('a GRAD_TUTOR_NOW that is not a date', () => {
  it.each([['progress'], ['list'], ['progress', '--json']])('refuses %j with one sentence, exit 2, nothing else', async (...args) => {
    const { code, stdout, stderr } = await runCli(args, { GRAD_TUTOR_NOW: 'next tuesday\u001b[2J', HOME: '' });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^GRAD_TUTOR_NOW is "next tuesday.*", which is not a date — set it to an ISO date such as 2026-12-24/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toContain('\u001b');
  });

  it('--help still answers', async () => {
    const { code, stdout } = await runCli(['--help'], { GRAD_TUTOR_NOW: 'soon' });
    expect(code).toBe(0);
    expect(stdout).toContain('grad-tutor progress [--json]');
    expect(stdout).toContain('GRAD_TUTOR_NOW=2026-12-24');
  });
});
