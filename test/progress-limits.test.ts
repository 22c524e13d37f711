// A progress file held to what the lessons it names can need: a file past that is moved aside, and what
// the tutor writes stays the same size however long the learner's history.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../src/catalog.js';
import { buildLesson } from '../src/lesson/index.js';
import { EMPTY, loadProgress, mergeProgress, saveProgress, type Progress } from '../src/progress/index.js';
import { loadScenarioFile } from '../src/scenario/index.js';
import { runCli } from './helpers/run-cli.js';

const stateDir = () => mkdtempSync(join(tmpdir(), 'gt-limits-'));

/** mul's steps, counted independently of progress.ts: its lesson built from its file. */
const mulSteps = buildLesson(loadScenarioFile(bundledScenarios().find((e) => e.id === 'mul')!.file)).steps.length;

/** A file written as given, and what loading it said and left behind. */
function load(data: unknown) {
  const dir = stateDir();
  const path = join(dir, 'progress.json');
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  writeFileSync(path, text);
  const loaded = loadProgress(path);
  const aside = readdirSync(dir).find((f) => f.startsWith('progress.json.unreadable-'));
  return { ...loaded, path, text, aside: aside && readFileSync(join(dir, aside), 'utf8') };
}

const typed = (i: number) => `typed:z = a * ${i} with a=1`;
const ownRef = (i: number) => ({ kind: 'typed' as const, expression: `z = a * ${i}`, values: ['a=1'] });

describe('a progress file is checked against the lessons it names', () => {
  it('the 90-byte file whose mul has seen step 300,000,000 is moved aside, kept, with the field named', () => {
    const file = { version: 2, finished: [], quiz: {}, recent: [], seen: { mul: '0-300000000' } };
    const { progress, warning, aside, text } = load(file);
    expect(text.length).toBeLessThanOrEqual(90);
    expect(progress).toEqual(EMPTY);
    expect(aside).toBe(text);
    expect(warning).toMatch(/moved to .*progress\.json\.unreadable-/);
    expect(warning).toContain(`seen.mul names step 300000000, past the ${mulSteps} steps of the lesson`);
  });

  it('steps within the lesson are kept: mul to its last step', () => {
    const { progress, warning } = load({ ...EMPTY, seen: { mul: `0-${mulSteps - 1}` } });
    expect(warning).toBeUndefined();
    expect(progress.seen).toEqual({ mul: `0-${mulSteps - 1}` });
  });

  it('the current lesson and the questions to ask again are checked the same way', () => {
    const current = { lesson: { kind: 'bundled', id: 'mul' }, step: mulSteps };
    expect(load({ ...EMPTY, current }).warning).toContain(`current names step ${mulSteps}, past the ${mulSteps} steps`);
    expect(load({ ...EMPTY, again: [current] }).warning).toContain(`again names step ${mulSteps}`);
  });

  it('a seen entry of a megabyte (half a million ranges) is moved aside without being merged', () => {
    const ranges = Array.from({ length: 150_000 }, (_, i) => String(2 * i)).join(',');
    const { warning, aside } = load({ ...EMPTY, seen: { 'file:/x/big.yaml': ranges } });
    expect(warning).toMatch(/seen\.file:\/x\/big\.yaml has 150,000 ranges, more than 256/);
    expect(aside).toContain(ranges);
  });

  it('ranges out of order, or a range that runs backwards, are not what the tutor writes', () => {
    expect(load({ ...EMPTY, seen: { add: '4,0-2' } }).warning).toContain('seen.add');
    expect(load({ ...EMPTY, seen: { add: '3-1' } }).warning).toContain('seen.add');
  });

  it('a file larger than a megabyte is moved aside unread', () => {
    const { warning, aside, text } = load({ ...EMPTY, padding: 'x'.repeat(1024 * 1024) });
    expect(warning).toContain('it is larger than 1 MB');
    expect(aside).toBe(text);
  });

  it('a string longer than 1,024 characters, or more lessons of your own than 50, is refused', () => {
    expect(load({ ...EMPTY, finished: [`file:/${'x'.repeat(1100)}`] }).warning).toContain('finished has a text of 1,106 characters');
    const quiz = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [typed(i), { right: 0, asked: 1 }]));
    expect(load({ ...EMPTY, quiz }).warning).toContain('quiz names 51 lessons outside the course, more than 50');
  });

  it('a score of more right answers than questions is refused', () => {
    expect(load({ ...EMPTY, quiz: { add: { right: 3, asked: 2 } } }).warning).toContain('quiz.add');
  });

  it('a file without the list of recent lessons loads, and a save adds to it (the save threw on it)', () => {
    const { progress, warning, path } = load({ version: 2, finished: ['add'], quiz: {} });
    expect(warning).toBeUndefined();
    const recent = [{ lesson: ownRef(1), title: 'Mine', expression: 'z = a * 1' }];
    expect(saveProgress(path, { ...progress, recent })).toEqual({ ...EMPTY, finished: ['add'], recent });
  });

  it('a long key is named by its first 59 characters', () => {
    const key = `file:/${'d/'.repeat(100)}x.yaml`;
    const { warning } = load({ ...EMPTY, seen: { [key]: 'many' } });
    expect(warning).toContain(`(seen.${key.slice(0, 59)}… is not ranges of steps`);
  });

  it('`grad-tutor progress` gives the same verdict, and moves the file aside', async () => {
    const dir = stateDir();
    mkdirSync(join(dir, 'grad-tutor'));
    const path = join(dir, 'grad-tutor', 'progress.json');
    writeFileSync(path, JSON.stringify({ version: 2, finished: [], quiz: {}, recent: [], seen: { mul: '0-300000000' } }));
    const { code, stderr } = await runCli(['progress'], { XDG_STATE_HOME: dir });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^grad-tutor: could not read your progress file; it was moved to .* \(seen\.mul names step 300000000/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(path)).toBe(false);
  });
});

describe('a save costs the same whatever the history', () => {
  /** A learner who has finished, scored and part-seen `count` graphs of their own, in the order given. */
  const history = (count: number, from = 0): Progress => {
    const keys = Array.from({ length: count }, (_, i) => typed(from + i));
    const files = Array.from({ length: count }, (_, i) => `file:/x/${from + i}.yaml`);
    return {
      ...EMPTY,
      finished: ['add', ...keys],
      quiz: Object.fromEntries(keys.map((k) => [k, { right: 1, asked: 2 }])),
      // Lessons not finished: a finished one's steps are not kept.
      seen: Object.fromEntries(files.map((k) => [k, '0-3,5'])),
      recent: keys.slice(-10).map((_, i) => ({ lesson: ownRef(from + count - 1 - i), title: 'Mine', expression: 'z = a * 1' })),
    };
  };

  it('keeps the course and the 50 most recent lessons of your own in each record', () => {
    const merged = mergeProgress(history(30), history(40, 30));
    const own = merged.finished.filter((k) => k !== 'add');
    expect(merged.finished[0]).toBe('add');
    expect(own).toEqual(Array.from({ length: 50 }, (_, i) => typed(20 + i)));
    expect(Object.keys(merged.quiz)).toEqual(own);
    expect(Object.keys(merged.seen!)).toEqual(Array.from({ length: 50 }, (_, i) => `file:/x/${20 + i}.yaml`));
  });

  it('the file of 10,000 lessons is the size of the file of 50', () => {
    const dir = stateDir();
    const sizes = [50, 10_000].map((count) => {
      const path = join(dir, `${count}.json`);
      saveProgress(path, history(count, 100_000 - count));
      return statSync(path).size;
    });
    expect(sizes[1]).toBe(sizes[0]);
  });

  it('what is saved always loads back: a key too long to keep is dropped, a title cut', () => {
    const path = join(stateDir(), 'progress.json');
    const long = { kind: 'typed' as const, expression: `z = ${'a + '.repeat(400)}a`, values: ['a=1'] };
    saveProgress(path, {
      ...EMPTY,
      finished: ['add', `typed:${long.expression} with a=1`],
      current: { lesson: long, step: 2 },
      recent: [{ lesson: ownRef(1), title: 'T'.repeat(5000), expression: 'z = a * 1' }],
      again: [{ lesson: long, step: 1 }],
    });
    const { progress, warning } = loadProgress(path);
    expect(warning).toBeUndefined();
    expect(progress.finished).toEqual(['add']);
    expect(progress.current).toBeUndefined();
    expect(progress.again).toBeUndefined();
    expect(progress.recent[0].title).toHaveLength(1024);
  });

  it('the steps of a lesson outside the course merge as ranges, never as one flag per step', () => {
    const disk: Progress = { ...EMPTY, seen: { 'file:/x/a.yaml': '0-4999999' } };
    const mine: Progress = { ...EMPTY, seen: { 'file:/x/a.yaml': '5,9000000' } };
    expect(mergeProgress(disk, mine).seen).toEqual({ 'file:/x/a.yaml': '0-4999999,9000000' });
  });
});
