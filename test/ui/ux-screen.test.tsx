// The small fixes on screen (ink-testing-library): Tab from a waiting question, the
// knobs while the nudge asks, the help while a number is typed.
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, openTutor } from './harness.js';

let tutor: Awaited<ReturnType<typeof openTutor>> | undefined;
afterEach(() => tutor?.unmount());

describe('predict mode on screen', () => {
  it('Tab from a waiting question shows the next phase’s first step; Shift+Tab back asks the question again', async () => {
    // add-then-mul step 2 (index 1): What is c = a + b? Tab: the seed, the first step of the backward phase.
    tutor = await openTutor({ resume: { id: 'add-then-mul', step: 1 }, quiz: true });
    expect(tutor.frame()).toContain('What is c = a + b?');
    await tutor.type(KEY.tab);
    expect(tutor.frame()).toContain('predict · step 4/11');
    expect(tutor.frame()).toContain('▸ Seed: ∂z/∂z = 1');
    // The seed starts the backward phase: Shift+Tab goes to the start of the forward one.
    await tutor.type(KEY.shiftTab);
    expect(tutor.frame()).toContain('predict · step 2/11');
    expect(tutor.frame()).toContain('What is c = a + b?');
    expect(tutor.frame()).not.toContain('Correct');
  });

  it('- while the nudge asks changes neither the rate nor the question', async () => {
    // add-then-mul step 10 (index 9): the nudge, at 0.01.
    tutor = await openTutor({ resume: { id: 'add-then-mul', step: 9 }, quiz: true });
    expect(tutor.frame()).toContain('Every param moves by 0.01 × its gradient. Does z go up or down?');
    await tutor.type('-', '-', '-', '-', '-');
    expect(tutor.frame()).toContain('Every param moves by 0.01 × its gradient. Does z go up or down?');
    await tutor.type('1');
    expect(tutor.frame()).toContain('Correct: up.');
    await tutor.type('-');
    expect(tutor.frame()).toContain('every input moves by 0.005 × its gradient');
  });

  it('? while a number is typed shows the typing keys; any key goes back to the number', async () => {
    tutor = await openTutor({ resume: { id: 'add-then-mul', step: 1 }, quiz: true });
    await tutor.type('t', '-', '2', '?');
    expect(tutor.frame()).toContain('Keys while an answer is typed');
    expect(tutor.frame()).toMatch(/Backspace {2,}typing: erase a character/);
    expect(tutor.frame()).toMatch(/0-9 - \. e {2,}typing a number: its digits, sign, point/);
    await tutor.type('x');
    expect(tutor.frame()).toContain('Your answer: -2▏');
  });
});
