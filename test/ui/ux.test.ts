/**
 * Small things a learner meets: the knobs while a question waits, Tab in
 * predict mode, a miss answered right at the summary, the help while a
 * question waits, Shift+arrows where there is nothing to pan.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledScenarios } from '../../src/catalog.js';
import { courseEntries } from '../../src/course.js';
import { questionAt } from '../../src/lesson/index.js';
import { EMPTY, loadProgress, mergeProgress } from '../../src/progress.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import type { KeyName } from '../../src/ui/keys.js';
import { buildFrame } from '../../src/ui/frame.js';
import { startSession } from '../../src/ui/run.js';
import { initialSession, lessonOf, reduce, type Action, type Effect, type Session } from '../../src/ui/session.js';

const catalog = bundledScenarios();
const course = courseEntries(catalog);
const scenario = (id: string) => loadScenarioFile(catalog.find((e) => e.id === id)!.file);
const menu = (): Session => initialSession({ window: { columns: 100, rows: 30 }, course });

function run(state: Session, ...actions: Action[]): { state: Session; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const action of actions) {
    const result = reduce(state, action);
    state = result.state;
    effects.push(...result.effects);
  }
  return { state, effects };
}
const keys = (...names: KeyName[]): Action[] => names.map((key) => ({ type: 'key', key }));
const opened = (id: string, step = 0, predict = false): Session =>
  run({ ...menu(), predict }, { type: 'opened', lesson: { kind: 'bundled', id }, scenario: scenario(id), step, from: 'menu' }).state;
const step = (s: Session) => s.open?.step;
const textOf = (s: Session) => {
  const frame = buildFrame(s);
  return frame.kind === 'lesson' ? frame.text.lines.join('\n') : '';
};

describe('the knobs while a question waits', () => {
  // reuse-add: the nudge is step 10 (index 9); its question names the rate, 0.01 by default.
  const nudge = () => opened('reuse-add', 9, true);

  it('+ and - change nothing while the nudge asks up or down: the question stays the one asked', () => {
    const before = questionAt(lessonOf(nudge())!, 9)!;
    expect(before.prompt).toBe('Every param moves by 0.01 × its gradient. Does z go up or down?');
    // Four steps down the ladder would pass zero (0.01 → 0.005 → … → below 0) and turn the ascent into a descent.
    for (const key of ['-', '_', '+', '='] as KeyName[]) {
      const after = run(nudge(), ...keys(key, key, key, key)).state;
      expect(after.options, key).toEqual({});
      expect(questionAt(lessonOf(after)!, 9)!.prompt, key).toBe(before.prompt);
      expect(textOf(after), key).toContain('Every param moves by 0.01 × its gradient.');
    }
  });

  it('once answered, - lowers the rate again, as the step says', () => {
    const answered = run(nudge(), ...keys('1')).state;
    expect(answered.answers['reuse-add']).toEqual({ 9: 'up' });
    expect(run(answered, ...keys('-')).state.options).toEqual({ rate: 0.005 });
  });

  it('the nudge asked again at the summary waits for its answer too', () => {
    // Answered wrong (down: z rises at a positive rate), then on to the summary, where it is asked again.
    const summary = run(nudge(), ...keys('2', 'G')).state;
    expect(lessonOf(summary)!.steps[step(summary)!].phase).toBe('summary');
    expect(textOf(summary)).toContain('One you missed earlier in this lesson (Nudge):');
    expect(run(summary, ...keys('-', '-', '-', '-')).state.options).toEqual({});
  });
});

describe('a miss answered right, wherever, is not asked again', () => {
  // reuse-add step 8 (index 7): the edge c → b that adds b's second path; the answer is 2, so 1 is a miss.
  const item = { lesson: { kind: 'bundled' as const, id: 'reuse-add' }, step: 7 };
  const home = () => mkdtempSync(join(tmpdir(), 'ux-again-'));

  it('asked again at the summary and answered right there: off the list, and off the progress file', () => {
    const missed = run(opened('reuse-add', 7, true), ...keys('t', '1', 'enter')).state;
    expect(missed.again).toEqual([item]);
    const summary = run(missed, ...keys('G')).state;
    expect(textOf(summary)).toContain('One you missed earlier in this lesson (Backward: c → b):');
    const right = run(summary, ...keys('t', '2', 'enter')).state;
    expect(right.retries['reuse-add']).toEqual({ 7: 2 });
    expect(right.again).toEqual([]);
    expect(right.cleared).toEqual([item]);
    // Wrong a second time, it stays.
    expect(run(summary, ...keys('t', '3', 'enter')).state.again).toEqual([item]);
  });

  it('the next session does not ask it: through the shell, the file and a fresh start', () => {
    const path = join(home(), 'progress.json');
    const first = startSession({ progress: { ...EMPTY }, path, window: { columns: 100, rows: 30 } });
    const type = (store: typeof first.store, ...names: KeyName[]) => names.forEach((key) => store.dispatch({ type: 'key', key }));
    first.store.dispatch({ type: 'opened', lesson: item.lesson, scenario: scenario('reuse-add'), step: 7, from: 'menu' });
    type(first.store, 'p', 't', '1', 'enter');
    first.flush();
    expect(loadProgress(path).progress.again).toEqual([item]);
    type(first.store, 'G', 't', '2', 'enter');
    first.flush();
    const saved = loadProgress(path).progress;
    expect(saved.again).toBeUndefined();
    const second = startSession({ progress: saved, path, window: { columns: 100, rows: 30 } });
    expect(second.store.getState().review).toBeUndefined();
  });

  it('a miss from last time answered right as a first answer this session (the review left with Esc) is cleared too', () => {
    const start = run(
      { ...menu(), predict: true, again: [item] },
      { type: 'opened', lesson: item.lesson, scenario: scenario('reuse-add'), step: 7, from: 'menu' },
    ).state;
    const right = run(start, ...keys('t', '2', 'enter')).state;
    expect(right.again).toEqual([]);
    expect(right.cleared).toEqual([item]);
  });

  it('cleared by a review, then missed again in predict mode: back on the list, and not dropped by the merge', () => {
    const cleared = { ...menu(), predict: true, again: [], cleared: [item] };
    const open = run(cleared, { type: 'opened', lesson: item.lesson, scenario: scenario('reuse-add'), step: 7, from: 'menu' }).state;
    const missed = run(open, ...keys('t', '1', 'enter')).state;
    expect(missed.again).toEqual([item]);
    expect(missed.cleared).toEqual([]);
    expect(mergeProgress(EMPTY, { ...EMPTY, again: missed.again }, missed.cleared).again).toEqual([item]);
  });
});
