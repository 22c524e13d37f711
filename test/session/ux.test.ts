/**
 * Small things a learner meets: the knobs while a question waits, Tab in
 * predict mode, a miss answered right at the summary, the help while a
 * question waits, Shift+arrows where there is nothing to pan.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { questionAt } from '../../src/lesson/index.js';
import { EMPTY, loadProgress, mergeProgress } from '../../src/progress/index.js';
import type { KeyName } from '../../src/keys/index.js';
import { buildFrame } from '../../src/session/frame.js';
import { startSession } from '../../src/ui/run.js';
import { lessonOf, scoresOf, type Session } from '../../src/session/session.js';
import { keys, menu, opened, run, scenario, step } from '../helpers/session.js';

const drawingOf = (s: Session) => {
  const frame = buildFrame(s);
  return frame.kind === 'lesson' ? (frame.drawing?.lines.map((row) => row.map((span) => span.text).join('')).join('\n') ?? '') : '';
};
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
    // Four steps would take the rate to 0.001 or 0.2 and change the rate the question names.
    for (const key of ['-', '_', '+', '='] as KeyName[]) {
      const after = run(nudge(), ...keys(key, key, key, key)).state;
      expect(after.options, key).toEqual({});
      expect(questionAt(lessonOf(after)!, 9)!.prompt, key).toBe(before.prompt);
      expect(textOf(after), key).toContain('Every param moves by 0.01 × its gradient.');
    }
  });

  it('once answered, - lowers the rate again, as the step says', () => {
    const answered = run(nudge(), ...keys('1')).state;
    expect(answered.answers['reuse-add']).toEqual({ 9: { given: 'up', hints: 0 } });
    expect(run(answered, ...keys('-')).state.options).toEqual({ rate: 0.005 });
  });

  it('a right answer stays right when the rate is turned afterwards, on screen and in the score', () => {
    // up is right at 0.01; four presses of + take the rate to 0.02, 0.05, 0.1, 0.2.
    const turned = run(nudge(), ...keys('1', '+', '+', '+', '+')).state;
    expect(turned.options.rate).toBe(0.2);
    expect(textOf(turned)).toContain('Correct: up.');
    expect(textOf(turned)).not.toContain('Not quite');
    expect(scoresOf(turned)['reuse-add']).toMatchObject({ right: 1, asked: 1 });
    // Asked with the knob already turned, the question is still the scenario's 0.01, with its answer.
    // (On a backward step outside predict mode, + is the rate; on past the check to the nudge, then predict mode on.)
    const early = run(opened('reuse-add', 7), ...keys('+', '+', '+', '+', 'right', 'right', 'p')).state;
    expect(step(early)).toBe(9);
    expect(early.options.rate).toBe(0.2);
    expect(textOf(early)).toContain('Every param moves by 0.01 × its gradient. Does z go up or down?');
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
    expect(right.retries['reuse-add']).toEqual({ 7: { given: 2, hints: 0 } });
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

describe('Tab in predict mode', () => {
  // add-then-mul: overview 0, forward c 1 and z 2, seed 3, four backward edges 4–7, check 8, nudge 9, summary 10.
  const phase = (s: Session) => lessonOf(s)!.steps[step(s)!].phase;
  const waitingAt = (s: Session) => buildFrame(s).kind === 'lesson' && (buildFrame(s) as { choices: string[] }).choices.length > 0;

  it('lands on the next phase’s first step; a question there is asked, its answer hidden', () => {
    const forward = run(opened('add-then-mul', 0, true), ...keys('tab')).state;
    expect(step(forward)).toBe(1);
    expect(waitingAt(forward)).toBe(true);
    expect(textOf(forward)).toContain('What is c = a + b?');
    expect(textOf(forward)).not.toMatch(/Correct|Not quite|= -2/);
    // The box of c shows no value yet: c = 3 + (-5) = -2 stays to be predicted; answered, it shows.
    expect(drawingOf(forward)).toMatch(/v  3/);
    expect(drawingOf(forward)).not.toMatch(/v -2/);
    expect(drawingOf(run(forward, ...keys('t', '-', '2', 'enter')).state)).toMatch(/v -2/);
  });

  it('from a question waiting, goes on to the next phase too: the question is skipped, neither scored nor asked again', () => {
    const asked = run(opened('add-then-mul', 0, true), ...keys('tab')).state;
    const skipped = run(asked, ...keys('tab')).state;
    expect(step(skipped)).toBe(3);
    expect(phase(skipped)).toBe('seed');
    expect(skipped.answers['add-then-mul']).toBeUndefined();
    expect(skipped.again).toEqual([]);
    // Back to it: asked again, as if never passed.
    const back = run(skipped, ...keys('shift-tab')).state;
    expect(step(back)).toBe(1);
    expect(textOf(back)).toContain('What is c = a + b?');
  });

  it('skipped questions do not count as right: the summary scores only the ones answered', () => {
    // c answered right (-2), then Tab past z, the backward edges and the check, and past the nudge's question.
    const summary = run(opened('add-then-mul', 0, true), ...keys('tab', 't', '-', '2', 'enter', 'tab', 'tab', 'tab')).state;
    expect(step(summary)).toBe(9);
    expect(textOf(summary)).toContain('Does z go up or down?');
    const end = run(summary, ...keys('tab')).state;
    expect(phase(end)).toBe('summary');
    expect(end.answers['add-then-mul']).toEqual({ 1: { given: -2, hints: 0 } });
    expect(scoresOf(end)['add-then-mul']).toEqual({ right: 1, asked: 1 });
    expect(textOf(end)).toContain('Predict mode: 1 of 1 right.');
    expect(textOf(end)).not.toContain('One you missed');
    expect(end.again).toEqual([]);
  });

  it('a question asked again waits for its answer: at the summary, and one missed last time', () => {
    const summary = run(opened('reuse-add', 9, true), ...keys('2', 'G')).state;
    expect(textOf(summary)).toContain('One you missed earlier in this lesson (Nudge):');
    const tabbed = run(summary, ...keys('tab')).state;
    expect(tabbed.retries).toEqual(summary.retries);
    expect(textOf(tabbed)).toContain('One you missed earlier in this lesson (Nudge):');
    const item = { lesson: { kind: 'bundled' as const, id: 'reuse-add' }, step: 7 };
    const review = run({ ...menu(), again: [item] }, { type: 'review', items: [item] }).state;
    const open = run(review, { type: 'opened', lesson: item.lesson, scenario: scenario('reuse-add'), step: 7, from: 'review' }).state;
    const after = run(open, ...keys('tab')).state;
    expect(step(after)).toBe(7);
    expect(after.review?.items).toEqual([item]);
  });
});

describe('the help while a question waits', () => {
  const helpOf = (s: Session) => {
    const frame = buildFrame(run(s, ...keys('?')).state);
    if (frame.kind !== 'help') throw new Error(`not the help: ${frame.kind}`);
    return frame.lines;
  };
  const row = (lines: string[], keys: string) =>
    lines
      .find((l) => l.startsWith(`${keys}  `))
      ?.slice(keys.length)
      .trim();

  it('lists the keys that type a number, from the key table, beside the ones that answer', () => {
    // add-then-mul step 2 (index 1): What is c = a + b?, at 80×24.
    const lines = helpOf({ ...opened('add-then-mul', 1, true), window: { columns: 80, rows: 24 } });
    expect(lines[0]).toBe('Keys while a question waits — any key closes this');
    expect(row(lines, '0-9 - . e')).toBe('typing a number: its digits, sign, point');
    expect(row(lines, 'Enter')).toBe('typing: answer with the number or rule typed');
    expect(row(lines, 'Backspace')).toBe('typing: erase a character');
    expect(row(lines, 'Esc')).toBe('typing: back to the choices');
    expect(row(lines, 't - .')).toBe('type the number (3 significant digits) or its rule');
    expect(row(lines, 'Tab')).toBe('skip it, unscored: on to the next phase');
    // Only keys that do what they say here: not the ones that wait (→, G, o, the knobs), nor ↓/↑ scrolling; the legend still fits.
    for (const gone of ['next step', 'last step', 'larger step', 'smaller step', 'replay backward', 'scroll text', 'next phase (Train'])
      expect(lines.join('\n'), gone).not.toContain(gone);
    expect(row(lines, '← h Backspace')).toBe('previous step');
    expect(row(lines, 'wasd Shift+←→')).toBe('look around a drawing the window cuts');
    expect(lines.at(-1)).toContain('v value');
    expect(lines.length).toBeLessThanOrEqual(23);
  });

  it('? while a number is typed opens it, and the number stays', () => {
    const typing = run(opened('add-then-mul', 1, true), ...keys('t', '-', '2')).state;
    const help = run(typing, ...keys('?')).state;
    expect(help.help).toBe(true);
    expect(row(helpOf(typing), 'Enter')).toBe('typing: answer with the number or rule typed');
    const closed = run(help, ...keys('x')).state;
    expect(closed.help).toBe(false);
    expect(closed.typed).toEqual({ text: '-2' });
    expect(run(closed, ...keys('enter')).state.answers['add-then-mul']).toEqual({ 1: { given: -2, hints: 0 } });
  });

  it('the nudge’s up or down has no number to type, and a question asked again no Tab to skip it', () => {
    const nudge = helpOf(opened('reuse-add', 9, true));
    expect(row(nudge, '0-9 - . e')).toBeUndefined();
    expect(row(nudge, 't - .')).toBeUndefined();
    expect(row(nudge, 'Tab')).toBe('skip it, unscored: on to the next phase');
    const summary = helpOf(run(opened('reuse-add', 9, true), ...keys('2', 'G')).state);
    expect(summary[0]).toBe('Keys while a question waits — any key closes this');
    expect(row(summary, 'Tab')).toBeUndefined();
  });

  it('a question missed last time, asked outside predict mode, gets the same help', () => {
    const item = { lesson: { kind: 'bundled' as const, id: 'reuse-add' }, step: 7 };
    const review = run({ ...menu(), again: [item] }, { type: 'review', items: [item] }).state;
    const open = run(review, { type: 'opened', lesson: item.lesson, scenario: scenario('reuse-add'), step: 7, from: 'review' }).state;
    expect(open.predict).toBe(false);
    const lines = helpOf(open);
    expect(lines[0]).toBe('Keys while a question waits — any key closes this');
    expect(row(lines, 'Esc')).toBe('typing: back to the choices');
  });
});
