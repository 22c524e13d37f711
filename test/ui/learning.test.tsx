import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY, openTutor } from './harness.js';

let tutor: Awaited<ReturnType<typeof openTutor>> | undefined;
afterEach(() => tutor?.unmount());

/** The choices listed under a question, as the learner reads them: "1. 2" → [1, '2']. */
function choicesOn(frame: string): string[] {
  return [...frame.matchAll(/^\s*(?:❯\s+)?\d\. (\S+)\s*$/gm)].map((m) => m[1]);
}

describe('predict mode', () => {
  it('asks before it tells on a backward step, with the right value once among distinct choices', async () => {
    // (a + b) + b, step 8: the edge c → b that adds b's second path.
    tutor = await openTutor({ resume: { id: 'reuse-add', step: 7 }, quiz: true });
    const frame = tutor.frame();
    expect(frame).toContain('What is ∂z/∂b once this edge has run?');
    expect(frame).not.toContain('result:');
    const choices = choicesOn(frame);
    expect(choices.filter((c) => c === '2')).toHaveLength(1);
    expect(new Set(choices).size).toBe(choices.length);
    expect(choices.length).toBeGreaterThanOrEqual(3);
  });

  it('waits for an answer: → does not move on', async () => {
    tutor = await openTutor({ resume: { id: 'reuse-add', step: 7 }, quiz: true });
    await tutor.type(KEY.right, KEY.right);
    expect(tutor.frame()).toContain('step 8/11');
    expect(tutor.frame()).toContain('What is ∂z/∂b');
  });

  it('a right pick is told so in words, and the full step is shown', async () => {
    tutor = await openTutor({ resume: { id: 'reuse-add', step: 7 }, quiz: true });
    const right = choicesOn(tutor.frame()).indexOf('2') + 1;
    await tutor.type(String(right));
    expect(tutor.frame()).toContain('Correct: 2.');
    expect(tutor.frame()).toContain('∂z/∂b = 1 (direct) + 1 (via c) = 2');
  });

  it('the overwrite answer gets the reason for that mistake', async () => {
    tutor = await openTutor({ resume: { id: 'reuse-add', step: 7 }, quiz: true });
    const wrong = choicesOn(tutor.frame()).indexOf('1') + 1;
    expect(wrong).toBeGreaterThan(0);
    // Choose with the arrows and Enter this time, in one burst.
    await tutor.type(...Array(wrong - 1).fill(KEY.down), KEY.enter);
    expect(tutor.frame()).toMatch(/Not quite: that is this path alone: b already had 1 from another path, and paths add \(\+=\)/);
    expect(tutor.frame()).toContain('The answer is 2.');
  });

  it('H gives the rule first, then the node it uses, highlighted on the drawing, then the numbers', async () => {
    // add-then-mul step 5: z → c, the local derivative ∂z/∂c of z = c · d, which is d.
    tutor = await openTutor({ resume: { id: 'add-then-mul', step: 4 }, quiz: true });
    const dBox = (frame: string) => frame.split('\n').find((line) => /[╭┏]━?─?d[─━]/.test(line)) ?? '';
    expect(dBox(tutor.frame())).toContain('╭─d─');
    await tutor.type('H');
    expect(tutor.frame()).toContain('Rule: ∂(c · d)/∂c = d.');
    expect(tutor.frame()).not.toContain("It uses d's value");
    await tutor.type('H');
    expect(tutor.frame()).toContain("It uses d's value (d is highlighted).");
    // Highlighted: d's box is drawn heavy now.
    expect(dBox(tutor.frame())).toContain('┏━d━');
    expect(tutor.frame()).not.toContain('Numbers:');
    await tutor.type('H');
    expect(tutor.frame()).toContain('Numbers: d = 2.');
  });

  it('p toggles predict mode; the summary shows the score, by kind', async () => {
    // add: overview, forward z, seed, z → a, z → b, check, nudge, summary.
    tutor = await openTutor({ resume: { id: 'add', step: 0 } });
    await tutor.type('p', KEY.right);
    expect(tutor.frame()).toContain('predict · step 2/8');
    expect(tutor.frame()).toContain('What is z = a + b?');
    // z = 3 + (-5) = -2, typed; then the seed, and z → a: its local derivative 1.
    await tutor.type('t', '-2', KEY.enter);
    expect(tutor.frame()).toContain('Correct: -2.');
    await tutor.type(KEY.right, KEY.right);
    const first = choicesOn(tutor.frame()).indexOf('1') + 1;
    await tutor.type(String(first), KEY.right);
    // z → b: pick something wrong.
    const wrong = choicesOn(tutor.frame()).findIndex((c) => c !== '1') + 1;
    await tutor.type(String(wrong), KEY.right, KEY.right, '1', 'G');
    // The one missed comes back first, at the summary.
    expect(tutor.frame()).toContain('One you missed earlier in this lesson (Backward: z → b):');
    await tutor.type('t', '1', KEY.enter);
    expect(tutor.frame()).toContain('Predict mode: 3 of 4 right.');
    expect(tutor.frame()).toContain('By kind: forward value 1/1 · local derivative 1/1 · edge result 0/1 · nudge direction 1/1.');
    expect(tutor.frame()).toContain('Asked again: 1 of 1 right the second time.');
  });
});

describe('the overwrite bug, replayed', () => {
  it('o on (a + b) + b shows b’s gradient 1 beside the right 2, with the reason', async () => {
    tutor = await openTutor({ resume: { id: 'reuse-add', step: 3 } });
    await tutor.type('o');
    const frame = tutor.frame();
    expect(frame).toContain('Replay: the backward pass with = instead of +=');
    expect(frame).toMatch(/^b +2 +1\s*$/m);
    expect(frame).toContain('a node reached along several paths keeps');
    await tutor.type('o');
    expect(frame).not.toEqual(tutor.frame());
    expect(tutor.frame()).toContain('Seed');
  });

  it('says when = and += agree', async () => {
    tutor = await openTutor({ resume: { id: 'mul-mul', step: 3 } });
    await tutor.type('o');
    expect(tutor.frame()).toContain('so = and += give the same gradients');
  });
});

describe('knobs', () => {
  it('+ on the nudge step doubles the rate 0.01 → 0.02 and recomputes z', async () => {
    tutor = await openTutor({ resume: { id: 'mul-mul', step: 0 } });
    await tutor.type(KEY.tab, KEY.tab, KEY.tab, KEY.tab);
    expect(tutor.frame()).toContain('z: -30 → -26.5031');
    await tutor.type('+');
    // a = 3 - 0.2 = 2.8, b = -5 + 0.12 = -4.88, d = 2 - 0.3 = 1.7: z = 2.8 · -4.88 · 1.7 = -23.2288
    expect(tutor.frame()).toContain('z: -30 → -23.2288');
    expect(tutor.frame()).toContain('0.02 × its gradient');
  });

  it('- takes a smaller step and keeps the ascent: 0.01 → 0.005 → 0.001, never below zero', async () => {
    tutor = await openTutor({ resume: { id: 'mul-mul', step: 0 } });
    await tutor.type(KEY.tab, KEY.tab, KEY.tab, KEY.tab, '-');
    expect(tutor.frame()).toContain('0.005 × its gradient');
    await tutor.type('-', '-', '-');
    expect(tutor.frame()).toContain('0.001 × its gradient');
    expect(tutor.frame()).toContain('up (ascent)');
    expect(tutor.frame()).toContain('+ / - take a larger / smaller step; the rate keeps its sign.');
  });

  it('+ on a descent rate takes a larger step down: -0.05 → -0.1', async () => {
    // neuron-learns descends at -0.05; its nudge is step 23 of 45 (index 22).
    tutor = await openTutor({ resume: { id: 'neuron-learns', step: 22 } });
    expect(tutor.frame()).toContain('-0.05 × its gradient');
    await tutor.type('+');
    expect(tutor.frame()).toContain('-0.1 × its gradient');
    expect(tutor.frame()).toContain('down (descent)');
  });

  it('+ and - on the check step change h', async () => {
    tutor = await openTutor({ resume: { id: 'reuse-mul', step: 0 } });
    await tutor.type(KEY.tab, KEY.tab, KEY.tab);
    expect(tutor.frame()).toContain('h = 0.001');
    await tutor.type('+');
    expect(tutor.frame()).toContain('h = 0.01');
    // ∂z/∂b = -7 exactly; the forward difference is off by h: -6.99.
    expect(tutor.frame()).toMatch(/^b +-7 +-6\.99 /m);
  });
});

describe('graphs the learner brings', () => {
  it('the menu’s "type your own graph" takes an expression and values, then opens it', async () => {
    tutor = await openTutor();
    await tutor.type(KEY.up, KEY.enter);
    expect(tutor.frame()).toContain('Type your own graph');
    await tutor.type('z = (a + b) * b', KEY.enter);
    await tutor.type('a=3 b=', KEY.enter);
    expect(tutor.frame()).toContain('your values: `b=` is not name=number — write it like a=3.');
    await tutor.type('-5', KEY.enter);
    expect(tutor.frame()).toContain('z = (a + b) * b');
    expect(tutor.state()).toMatchObject({ screen: 'lesson', lessonId: 'typed:z = (a + b) * b with a=3 b=-5' });
    await tutor.type('G');
    expect(tutor.frame()).toMatch(/^b +-5 +-7\s*$/m);
  });

  it('a missing value is named, and Esc goes back to the menu', async () => {
    tutor = await openTutor();
    await tutor.type(KEY.up, KEY.enter, 'y = x * w', KEY.enter, 'x=2', KEY.enter);
    expect(tutor.frame()).toContain('`w` has no value');
    await tutor.type(KEY.escape);
    expect(tutor.frame()).toContain('Pick a graph');
  });

  it('the menu’s "open a file" loads a scenario file, and says what is wrong with a bad one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gt-'));
    writeFileSync(join(dir, 'bad.yaml'), 'title: Bad\ninputs:\n  a: 1\nnodes:\n  z: a +\n');
    writeFileSync(join(dir, 'cube.yaml'), 'title: A cube\ninputs:\n  x: 2\nnodes:\n  y: x ^ 3\n');
    tutor = await openTutor();
    await tutor.type(KEY.up, KEY.up, KEY.enter, join(dir, 'bad.yaml'), KEY.enter);
    expect(tutor.frame()).toContain('bad.yaml:5:');
    await tutor.type(...Array('bad.yaml'.length).fill(KEY.backspace), 'cube.yaml', KEY.enter);
    expect(tutor.frame()).toContain('A cube');
    await tutor.type('G');
    expect(tutor.frame()).toMatch(/^x +2 +12\s*$/m);
  });
});
