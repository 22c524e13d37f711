// Predict mode on screen (ink-testing-library): typed answers, a typed known
// mistake, and a miss asked again after a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProgress, saveProgress } from '../../src/progress/index.js';
import { progressOf } from '../../src/ui/run.js';
import { KEY, openTutor } from './harness.js';

let tutor: Awaited<ReturnType<typeof openTutor>> | undefined;
afterEach(() => tutor?.unmount());

describe('typed answers', () => {
  it('t, a number and Enter: within 0.5% (3 significant digits) is right, and the footer says how to send it', async () => {
    // reuse-mul, (a + b) · b with a = 3, b = -5; step 3 (index 2): z = c · b = (-2) · (-5) = 10.
    tutor = await openTutor({ resume: { id: 'reuse-mul', step: 2 }, quiz: true });
    expect(tutor.frame()).toContain('What is z = c · b?');
    expect(tutor.frame()).toContain('Pick 1–4, or t to type it (to 3 significant digits).');
    await tutor.type('t', '1', '0', '.', '0', '5');
    expect(tutor.frame()).toContain('Your answer: 10.05▏');
    expect(tutor.frame()).toMatch(/Enter answer {2}Backspace erase {2}Esc choices/);
    await tutor.type(KEY.enter);
    expect(tutor.frame()).toContain('Correct: 10 (you gave 10.05).');
  });

  it('a typed known mistake gets that mistake’s reason; a number that is none gets the answer', async () => {
    tutor = await openTutor({ resume: { id: 'reuse-mul', step: 2 }, quiz: true });
    // (-2) + (-5) = -7 adds where z multiplies.
    await tutor.type('t', '-', '7', KEY.enter);
    expect(tutor.frame()).toContain('Not quite: that is (-2) + (-5); z = c · b, and (-2) · (-5) is 10. The answer is 10.');
    tutor.unmount();
    tutor = await openTutor({ resume: { id: 'reuse-mul', step: 2 }, quiz: true });
    await tutor.type('-', '4', '2', KEY.enter);
    expect(tutor.frame()).toContain('Not quite: -42 is none of the usual slips');
  });

  it('Esc goes back to the choices with nothing answered; Backspace erases', async () => {
    tutor = await openTutor({ resume: { id: 'reuse-mul', step: 2 }, quiz: true });
    await tutor.type('t', '1', '2', KEY.backspace);
    expect(tutor.frame()).toContain('Your answer: 1▏');
    await tutor.type(KEY.escape);
    expect(tutor.frame()).not.toContain('Your answer');
    expect(tutor.frame()).toContain('What is z = c · b?');
  });
});

describe('a miss comes back after a restart', () => {
  it('"One you missed last time", first thing, with the question asked again', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'gt-quiz-ui-')), 'progress.json');
    tutor = await openTutor({ resume: { id: 'reuse-mul', step: 2 }, quiz: true, path });
    await tutor.type('t', '-', '7', KEY.enter);
    saveProgress(path, progressOf(tutor.store.getState()));
    tutor.unmount();
    const { progress } = loadProgress(path);
    expect(progress.again).toEqual([{ lesson: { kind: 'bundled', id: 'reuse-mul' }, step: 2 }]);
    tutor = await openTutor({ progress, path });
    expect(tutor.frame()).toContain('One you missed last time: A reused input in a product, Forward: z.');
    expect(tutor.frame()).toContain('What is z = c · b?');
    await tutor.type('t', '1', '0', KEY.enter);
    expect(tutor.frame()).toContain('Correct: 10.');
    expect(tutor.frame()).toContain('→ goes on to where you left off.');
    await tutor.type(KEY.right);
    expect(tutor.state()).toMatchObject({ lessonId: 'reuse-mul', step: 2 });
    expect(tutor.frame()).not.toContain('One you missed');
  });
});
