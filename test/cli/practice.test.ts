import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { SKILLS } from '../../src/practice/index.js';
import { HELP } from '../../src/cli.js';
import { num } from '../../src/lesson/index.js';

interface JsonProblem {
  skill: string;
  seed: number;
  scenario: string;
  questions: { kind: string; prompt: string; answer: number | string; choices: (number | string)[]; hints: string[] }[];
}

const problems = async (...args: string[]): Promise<JsonProblem[]> => {
  const { code, stdout, stderr } = await runCli(['practice', '--json', ...args]);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(stdout) as JsonProblem[];
};

const LETTERS = 'ABCDEFGHIJ';

describe('grad-tutor practice', () => {
  it('--skills lists each skill on a line of its own: id, then title', async () => {
    const { code, stdout } = await runCli(['practice', '--skills']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.map((line) => /^(\S+) {2,}(.+)$/.exec(line)?.slice(1))).toEqual(SKILLS.map((s) => [s.id, s.title]));
  });

  it('--json: one array of --count problems, each scenario one that grad-tutor check accepts in a file', async () => {
    const set = await problems('--count', '22', '--seed', '9');
    expect(set).toHaveLength(22);
    expect(new Set(set.map((p) => p.skill))).toEqual(new Set(SKILLS.map((s) => s.id)));
    const dir = mkdtempSync(join(tmpdir(), 'practice-'));
    const files = set.map((p, k) => {
      const file = join(dir, `problem-${k + 1}.yaml`);
      writeFileSync(file, p.scenario);
      return file;
    });
    const checked = await runCli(['check', ...files]);
    expect(checked.code).toBe(0);
    expect(checked.stdout.trimEnd().split('\n')).toEqual(files.map((f) => `ok ${f}`));
    for (const p of set) {
      expect(p.questions.length).toBeGreaterThan(0);
      for (const q of p.questions) {
        expect(Object.keys(q).sort()).toEqual(['answer', 'choices', 'hints', 'kind', 'prompt']);
        expect(q.choices.filter((c) => c === q.answer)).toHaveLength(1);
        // Numbers as every --json writes them, to 12 significant digits: exp(0.7) is 2.01375270747, not 2.0137527074704766.
        for (const value of [q.answer, ...q.choices]) if (typeof value === 'number') expect(Number(value.toPrecision(12))).toBe(value);
      }
    }
  });

  it('--json: the same seed gives the same problems; another seed other numbers; each problem again from its skill and seed', async () => {
    const first = await problems('--seed', '1', '--count', '5');
    expect(await problems('--seed', '1', '--count', '5')).toEqual(first);
    const other = await problems('--seed', '2', '--count', '5');
    expect(other.map((p) => p.scenario)).not.toEqual(first.map((p) => p.scenario));
    for (const p of first) expect(await problems('--skill', p.skill, '--count', '1', '--seed', String(p.seed))).toEqual([p]);
  });

  it('--skill keeps to one skill, as does the skill named after the command', async () => {
    const set = await problems('--skill', 'zero-grad', '--count', '4', '--seed', '3');
    expect(set.map((p) => p.skill)).toEqual(['zero-grad', 'zero-grad', 'zero-grad', 'zero-grad']);
    expect(set[0].questions.map((q) => q.kind)).toEqual(['zero-grad', 'zero-grad']);
    const named = await runCli(['practice', 'zero-grad', '--json', '--count', '4', '--seed', '3']);
    expect(JSON.parse(named.stdout)).toEqual(set);
  });

  it('without --seed the seed comes from the clock (GRAD_TUTOR_NOW), said on stderr, and --seed with it gives the same set', async () => {
    const env = { GRAD_TUTOR_NOW: '2026-12-24T09:30:15Z' };
    const clocked = await runCli(['practice', '--json', '--count', '3'], env);
    expect(clocked.code).toBe(0);
    // The seconds since 1970 of that moment, the last six digits: 1798104615 → 104615.
    expect(Date.UTC(2026, 11, 24, 9, 30, 15) / 1000).toBe(1798104615);
    expect(clocked.stderr).toBe('practice: seed 104615 (from the clock); --seed 104615 gives the same problems again\n');
    const again = await runCli(['practice', '--json', '--count', '3', '--seed', '104615']);
    expect(again.stdout).toBe(clocked.stdout);
    const nextDay = await runCli(['practice', '--json', '--count', '3'], { GRAD_TUTOR_NOW: '2026-12-25T09:30:15Z' });
    expect(nextDay.stdout).not.toBe(clocked.stdout);
  });

  it.each([
    [['--json', '--skill', 'nope'], /^no skill "nope" — the skills are sum-rule, product-rule, .*\.\n$/],
    [['--json', '--count', '0'], /^--count takes a whole number from 1 to 200, not "0" — e.g. --count 10\.\n$/],
    [['--json', '--count', '2.5'], /^--count takes a whole number from 1 to 200, not "2.5"/],
    [['--json', '--count', '201'], /^--count takes a whole number from 1 to 200, not "201"/],
    [['--json', '--seed', 'x'], /^--seed takes a whole number from 0 to 4,294,967,295, not "x" — e.g. --seed 42\.\n$/],
    [['--json', '--seed', '4294967296'], /^--seed takes a whole number from 0 to 4,294,967,295, not "4294967296"/],
    [['--json', '--seed', '1\u001b[2J'], /^--seed takes a whole number .*, not "1␛\[2J"/],
    [['--format', 'html'], /^practice prints a worksheet as --format markdown, not "html" — use --format markdown, or --json\.\n$/],
    [['--json', '--format', 'markdown'], /^give --json or --format markdown, not both — drop one\.\n$/],
    [
      ['--json', '--answers', 'key.md'],
      /^--answers is where a worksheet puts its answer key — add --format markdown, or drop --answers\.\n$/,
    ],
    [['--skills', '--count', '3'], /^--skills lists the skills and takes no other option — drop --count\.\n$/],
    [['sum-rule', '--skill', 'chain', '--json'], /^give the skill once — "sum-rule" or --skill chain\.\n$/],
    [['--json', '--quiz'], /^grad-tutor practice does not take --quiz — drop it;/],
    // Without a terminal there is nowhere to answer: the printed forms are named instead.
    [['--count', '3'], /^a practice round needs a terminal to answer in — .*\n$/],
  ])('%j: one sentence, exit 2', async (args, says) => {
    const { code, stdout, stderr } = await runCli(['practice', ...args]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(says);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a clock that is no date: one sentence, exit 2', async () => {
    const { code, stderr } = await runCli(['practice', '--json'], { GRAD_TUTOR_NOW: 'tomorrow' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^GRAD_TUTOR_NOW is "tomorrow", which is not a date — .*\n$/);
  });

  it('--format markdown: the worksheet has no answer; the key at the end gives each one by the letter the worksheet shows', async () => {
    const args = ['--count', '11', '--seed', '4'];
    const set = await problems(...args);
    const { code, stdout } = await runCli(['practice', '--format', 'markdown', ...args]);
    expect(code).toBe(0);
    const [sheet, key] = stdout.split('\n## Answer key\n');
    expect(key).toBeDefined();
    expect(sheet).toContain('`grad-tutor practice --format markdown --seed 4 --count 11` prints the same problems again');
    set.forEach((p, k) => {
      expect(sheet).toContain(p.scenario.trimEnd());
      p.questions.forEach((q, j) => {
        const name = `${k + 1}${'abcdefghij'[j]}`;
        // The question's choices in the worksheet, lettered, and the key's letter for it.
        const block = sheet.split(`**${name}.** `)[1].split('\n\n**')[0].split('\n## ')[0];
        const choices = [...block.matchAll(/^- \(([A-J])\) (.*)$/gm)].map((m) => m[2].replace(/\\(.)/g, '$1'));
        expect(choices).toHaveLength(q.choices.length);
        const letter = new RegExp(`^- \\*\\*${name}\\.\\*\\* \\(([A-J])\\) `, 'm').exec(key)![1];
        const right = q.choices.indexOf(q.answer);
        expect(letter).toBe(LETTERS[right]);
        expect(choices[right]).toBe(typeof q.answer === 'number' ? num(q.answer) : q.answer);
      });
      // Nothing of the answers in the worksheet: no hint with the numbers, no gradient in a box.
      expect(sheet).not.toMatch(/Numbers:|The order:|first pass -?\d/);
      expect(sheet).not.toMatch(/│ g +-?\d/);
    });
  });

  it('--format markdown --answers FILE: the key alone in FILE, the worksheet alone on stdout', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'practice-key-')), 'key.md');
    const { code, stdout } = await runCli(['practice', '--format', 'markdown', '--count', '2', '--seed', '8', '--answers', file]);
    expect(code).toBe(0);
    expect(stdout).not.toContain('Answer key');
    const key = readFileSync(file, 'utf8');
    expect(key).toMatch(/^# Practice: answer key\n/);
    expect(key).toContain('- **1a.** (');
    expect(key).toContain('- **2a.** (');
  });

  it('--help tells of the round, --skills, --json and --format markdown', () => {
    expect(HELP).toContain('grad-tutor practice --skills');
    expect(HELP).toContain('grad-tutor practice --json | --format markdown [--skill S] [--count N]');
    // The usage fits the 60 rows the terminal test gives it.
    expect(HELP.split('\n').length).toBeLessThanOrEqual(60);
    expect(HELP).toMatch(/grad-tutor practice \[SKILL\] +a round of fresh problems/);
  });
});
