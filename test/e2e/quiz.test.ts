// Predict mode in a real terminal, as a learner goes through it: typed answers,
// a typed known mistake, the hints in order, the one missed asked again at the
// summary and again after a restart.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ENTER, RIGHT } from './pty.js';
import { trackedTuis } from './tracked.js';

const tui = trackedTuis();

/** The row of the drawing that holds d's box title. */
const dTitle = (screen: string) => screen.split('\n').find((line) => /[╭┏][─━]d[─━]/.test(line)) ?? '';

describe('predict mode in a terminal', () => {
  beforeAll(() => assertBuilt());

  it('typed answers, a known mistake typed, the hints in order, and the miss asked again at the summary and after a restart', async () => {
    const state = mkdtempSync(join(tmpdir(), 'gt-quiz-'));
    const env = { XDG_STATE_HOME: state };
    const progressFile = join(state, 'grad-tutor', 'progress.json');
    // (a + b) · d with a = 3, b = -5, d = 2: c = -2, z = -4.
    let t = await tui(['add-then-mul', '--quiz'], { env });
    await t.waitFor('predict · step 1/11');

    t.write(RIGHT);
    await t.waitFor(/What is c = a \+ b\?[\s\S]*to 3 significant digits/);
    t.write(`t-2${ENTER}`);
    await t.waitFor('Correct: -2.');

    // z = c · d: -1 is (-2) / 2, a mistake the choices need not show; typed, it gets its reason.
    t.write(RIGHT);
    await t.waitFor('What is z = c · d?');
    t.write('t-1');
    await t.waitFor('Your answer: -1');
    t.write(ENTER);
    await t.waitFor('Not quite: that is (-2) / 2; z = c · d, and (-2) · 2 is -4. The answer is -4.');

    // The seed, then z → c: the local derivative ∂z/∂c = d, with its three hints.
    t.write(RIGHT + RIGHT);
    let screen = await t.waitFor('What is the local derivative ∂z/∂c');
    expect(dTitle(screen)).toContain('╭─d─');
    t.write('H');
    screen = await t.waitFor('Rule: ∂(c · d)/∂c = d.');
    expect(screen).not.toContain("It uses d's value");
    t.write('H');
    screen = await t.waitFor("It uses d's value (d is highlighted).");
    // The node the hint names is highlighted on the drawing: a heavy border.
    expect(dTitle(screen)).toContain('┏━d━');
    expect(screen).not.toContain('Numbers:');
    t.write('H');
    await t.waitFor('Numbers: d = 2.');
    // Right, but with the numbers shown: helped, not right, and asked again at the summary.
    t.write(`t2${ENTER}`);
    await t.waitFor('Correct, with all the hints: 2.');

    // z → d (its result, -2), c → a (the upstream ∂z/∂c = 2), c → b (the local derivative of a sum, 1), then the nudge: up.
    for (const [prompt, typed] of [
      ['What is ∂z/∂d once this edge has run?', 't-2'],
      ['What is the upstream gradient ∂z/∂c', 't2'],
      ['What is the local derivative ∂c/∂b', 't1'],
    ]) {
      t.write(RIGHT);
      await t.waitFor(prompt);
      t.write(typed + ENTER);
      await t.waitFor(/Correct: -?\d/);
    }
    t.write(RIGHT + RIGHT);
    await t.waitFor('Does z go up or down?');
    t.write('1');
    await t.waitFor('Correct: up.');

    // The summary asks the one missed again before it gives the score.
    t.write(RIGHT);
    screen = await t.waitFor('One you missed earlier in this lesson (Forward: z):');
    expect(screen).toContain('What is z = c · d?');
    expect(screen).not.toContain('Predict mode:');
    // Wrong again (answered right here, it would not come back: test/e2e/ux.test.ts).
    t.write(`t-1${ENTER}`);
    // Then the one answered with all the hints, now on the learner's own.
    screen = await t.waitFor('One you needed all the hints for earlier in this lesson (Backward: z → c):');
    expect(screen).toContain('What is the local derivative ∂z/∂c');
    t.write(`t2${ENTER}`);
    screen = await t.waitFor('Asked again: 1 of 2 right the second time.');
    // The lines wrap at 100 columns: read them as one.
    const said = screen.replace(/\n/g, ' ').replace(/ +/g, ' ');
    expect(said).toContain('Predict mode: 5 of 7 right (1 with all the hints).');
    expect(said).toContain(
      'By kind: forward values 1/2 · local derivatives 1/2 (1 with all the hints) · upstream gradient 1/1 · edge result 1/1 · nudge direction 1/1.',
    );
    t.write('q');
    expect((await t.exit()).code).toBe(0);
    const saved = JSON.parse(readFileSync(progressFile, 'utf8')) as { again?: unknown; finished: string[] };
    expect(saved.again).toEqual([{ lesson: { kind: 'bundled', id: 'add-then-mul' }, step: 2 }]);
    expect(saved.finished).toContain('add-then-mul');

    // The next session starts with it, in words.
    t = await tui([], { env });
    screen = await t.waitFor('One you missed last time: Addition feeding a product, Forward: z.');
    expect(screen).toContain('What is z = c · d?');
    t.write(`t-4${ENTER}`);
    await t.waitFor('→ goes on to the menu.');
    t.write(RIGHT);
    await t.waitFor('Pick a graph');
    t.write('q');
    expect((await t.exit()).code).toBe(0);
    // Answered right: not asked again.
    expect(JSON.parse(readFileSync(progressFile, 'utf8')).again).toBeUndefined();
  }, 60_000);

  it('a lesson left half-way and resumed counts only the steps really seen', async () => {
    const state = mkdtempSync(join(tmpdir(), 'gt-quiz-'));
    const env = { XDG_STATE_HOME: state };
    const progressFile = join(state, 'grad-tutor', 'progress.json');
    let t = await tui(['add'], { env });
    await t.waitFor('step 1/8');
    t.write(RIGHT + RIGHT);
    await t.waitFor('step 3/8');
    t.write('q');
    await t.exit();
    expect(JSON.parse(readFileSync(progressFile, 'utf8')).seen).toEqual({ add: '0-2' });
    t = await tui([], { env });
    await t.waitFor('step 3/8');
    // The rest, one by one: the lesson is finished, with what was seen before the restart.
    t.write(RIGHT.repeat(5));
    await t.waitFor('step 8/8');
    t.write('q');
    await t.exit();
    const saved = JSON.parse(readFileSync(progressFile, 'utf8'));
    expect(saved.finished).toEqual(['add']);
    expect(saved.seen).toBeUndefined();
  }, 30_000);
});
