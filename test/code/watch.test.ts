// `code watch` through the built CLI in a pseudo-terminal at 80×24: the learner
// saves files, the screen changes; progress is still there when they come back.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, CTRL_C } from '../e2e/pty.js';
import { trackedTuis } from '../e2e/tracked.js';
import { runCli } from '../helpers/run-cli.js';
import { SOLUTION } from './mutants.js';
import { watchScreen } from '../../src/code/watch.js';
import { EXERCISES, type Report } from '../../src/code/judge.js';

const tui = trackedTuis();
/** A check is Python starting and running the MLP: a few seconds at most on a busy machine. */
const CHECK_MS = 15_000;

describe('grad-tutor code watch', () => {
  beforeAll(() => assertBuilt());

  it('checks at once, again on each save, shows the first failing exercise, and keeps which passed', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'watch-')), 'mine');
    expect((await runCli(['code', 'init', dir])).code).toBe(0);
    const save = (file: string) => copyFileSync(join(SOLUTION, 'micrograd', file), join(dir, 'micrograd', file));

    const t = await tui(['code', 'watch', dir], { cols: 80, rows: 24 });
    let screen = await t.waitFor('NotImplementedError', CHECK_MS);
    expect(screen).toContain('✗ 1. Value');
    expect(screen).toContain('exercise 1: write Value.__add__');
    expect(screen).toContain('q quits');

    save('engine.py');
    screen = await t.waitFor('✓ 1. Value', CHECK_MS);
    await t.waitFor('write MLP.parameters', CHECK_MS);

    save('nn.py');
    save('train.py');
    screen = await t.waitFor('All 3 pass', CHECK_MS);
    expect(screen.match(/^✓ \d\./gm)).toHaveLength(3);
    for (const line of screen.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);

    t.write('q');
    expect((await t.exit()).code).toBe(0);
    expect(readFileSync(join(dir, '.grad-tutor-code'), 'utf8')).toMatch(/\ngraphs\nmlp\ntrain\n$/);

    // Back later, with a Python that cannot start: the marks from last time, and why it cannot check.
    const back = await tui(['code', 'watch', dir], { cols: 80, rows: 24, env: { GRAD_TUTOR_PYTHON: '/nowhere/python3' } });
    screen = await back.waitFor('was not found', CHECK_MS);
    expect(screen).toContain('Last time 3 of 3 passed.');
    expect(screen).toContain('✓ 3. train');
    back.write(CTRL_C);
    expect((await back.exit()).code).toBe(0);
  }, 60_000);

  it('refuses without a terminal: one sentence, exit 2', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'watch-')), 'mine');
    await runCli(['code', 'init', dir]);
    const run = await runCli(['code', 'watch', dir]);
    expect([run.code, run.stderr]).toEqual([2, `code watch needs a terminal to draw in — use "grad-tutor code check ${dir}" instead.\n`]);
  });
});

describe('the watch screen', () => {
  const failing: Report = {
    exercises: EXERCISES.map((e, i) => ({
      number: i + 1,
      ...e,
      passed: i === 0,
      ...(i > 0
        ? {
            failure: {
              what: 'loss' as const,
              sentence: "The loss after 2 updates is 0.18; the tutor's is 0.39. ".repeat(3),
              bug: 'zero_grad' as const,
            },
          }
        : {}),
    })),
    passed: 1,
    total: 3,
    skipped: [],
  };

  it('wraps the sentence under the exercises in a narrow window, where it was cut (at 40: "… trains the le")', () => {
    const passing: Report = {
      ...failing,
      exercises: failing.exercises.map((e) => ({ ...e, passed: true, failure: undefined })),
      passed: 3,
    };
    const screen = watchScreen({ dir: 'mine', report: passing, before: [], checking: true, runs: 3 }, 40, 24);
    const at = screen.findIndex((line) => line.startsWith('All 3 pass'));
    expect(screen.slice(at, at + 3).join(' ')).toBe("All 3 pass: your micrograd trains the lecture's MLP as the tutor does. Checking…");
    for (const line of screen) expect([...line].length).toBeLessThanOrEqual(40);
  });

  it('fits 80×24: the first failing exercise in full, wrapped at spaces; the others one line each', () => {
    const screen = watchScreen({ dir: 'mine', report: failing, before: [], checking: false, runs: 2 }, 80, 24);
    expect(screen.length).toBeLessThanOrEqual(24);
    for (const line of screen) expect([...line].length).toBeLessThanOrEqual(80);
    const detail = screen.slice(
      screen.findIndex((l) => l.startsWith('✗ 2.')) + 1,
      screen.findIndex((l) => l.startsWith('✗ 3.')),
    );
    expect(detail.length).toBeGreaterThan(3);
    for (const line of detail) expect(line).toMatch(/^ {4}\S/);
    expect(screen.some((line) => line.includes('"zero_grad" bug'))).toBe(true);
    // Exercise 3 fails too, but only the first failing one is told.
    expect(screen.find((line) => line.startsWith('✗ 3.'))).toBe('✗ 3. train: the four examples, the loss at every step');
    expect(screen.at(-1)).toBe('Save a file in micrograd/ to check again (check 2) · q quits');
  });

  it("shows a folder name's control characters, never sends them", () => {
    const screen = watchScreen({ dir: 'mine\x1b]52;c;evil\x07', before: ['graphs'], checking: true, runs: 1 }, 80, 24);
    expect(screen.join('\n')).not.toMatch(/[\x00-\x08\x1b]/);
    expect(screen[0]).toBe('grad-tutor code watch mine␛]52;c;evil^G');
    expect(screen).toContain("✓ 1. Value: the course's graphs, forward and backward");
    expect(screen).toContain('Last time 1 of 3 passed.');
  });
});
