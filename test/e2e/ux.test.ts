// Small things a learner meets, in a real terminal: a miss answered right at
// the summary does not come back, and Shift+arrows (the bytes xterm sends)
// move through the menu and a question's choices as the plain arrows do.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ENTER, RIGHT } from './pty.js';
import { bundledScenarios } from '../../src/catalog.js';
import { courseEntries } from '../../src/course.js';
import { trackedTuis } from './tracked.js';

const tui = trackedTuis();

/** What xterm, tmux and most terminals send for Shift+↓ and Shift+↑. */
const SHIFT_DOWN = '\x1b[1;2B';
const SHIFT_UP = '\x1b[1;2A';

const stateHome = () => {
  const home = mkdtempSync(join(tmpdir(), 'ux-e2e-'));
  return { home, env: { HOME: home, XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache') } };
};

describe('a learner in a terminal', () => {
  beforeAll(() => assertBuilt());

  it('a miss asked again at the summary and answered right there is not asked at the next start', async () => {
    const { home, env } = stateHome();
    const progressFile = join(home, 'state', 'grad-tutor', 'progress.json');
    // (a + b) · d with a = 3, b = -5, d = 2: c = -2, z = -4; -1 for z is a miss.
    let t = await tui(['add-then-mul', '--quiz'], { env });
    await t.waitFor('predict · step 1/11');
    t.write(RIGHT);
    await t.waitFor('What is c = a + b?');
    t.write(`t-2${ENTER}`);
    await t.waitFor('Correct: -2.');
    t.write(RIGHT);
    await t.waitFor('What is z = c · d?');
    t.write(`t-1${ENTER}`);
    await t.waitFor('The answer is -4.');
    t.write('G');
    let screen = await t.waitFor('One you missed earlier in this lesson (Forward: z):');
    t.write(`t-4${ENTER}`);
    screen = await t.waitFor('Asked again: 1 of 1 right the second time.');
    expect(screen).toContain('Predict mode: 1 of 2 right.');
    t.write('q');
    expect((await t.exit()).code).toBe(0);
    expect(JSON.parse(readFileSync(progressFile, 'utf8')).again).toBeUndefined();

    // The next start is the menu, with no "One you missed last time".
    t = await tui([], { env });
    screen = await t.waitFor('Pick a graph');
    expect(screen).not.toContain('One you missed');
    t.write('q');
    expect((await t.exit()).code).toBe(0);
  }, 30_000);

  it('Shift+↓ and Shift+↑ (\x1b[1;2B, \x1b[1;2A) move through the menu and a question’s choices, as ↓ and ↑ do', async () => {
    const { env } = stateHome();
    const t = await tui([], { env, cols: 100, rows: 30 });
    await t.waitFor('Pick a graph');
    // Two down and one up: the second lesson of the course, which the first row's ▸ does not mark.
    t.write(SHIFT_DOWN);
    t.write(SHIFT_DOWN);
    t.write(SHIFT_UP);
    t.write(ENTER);
    // The second lesson's header, on the screen's first line: keys typed as the menu first appeared were once echoed
    // by the terminal (raw mode came after the first frame), and the echo's line pushed the lesson down a row,
    // under the menu's title. About one run in ten hit that.
    const second = courseEntries(bundledScenarios())[1];
    const screen0 = await t.waitFor(new RegExp(`${second.title} +step 1/`));
    expect(screen0.split('\n')[0]).toMatch(new RegExp(`^${second.title} +step 1/`));
    expect(t.output()).not.toContain('^[');
    // Predict mode, on to the first forward step: its question, the first choice highlighted.
    t.write('p');
    t.write(RIGHT);
    let screen = await t.waitFor('❯ 1.');
    t.write(SHIFT_DOWN);
    screen = await t.waitFor('❯ 2.');
    expect(screen).not.toContain('❯ 1.');
    t.write(SHIFT_UP);
    t.write(SHIFT_UP);
    // Up from the first wraps to the last, as ↑ does.
    screen = await t.waitFor(/❯ [3-9]\./);
    expect(screen).toContain('Pick 1–');
    t.write('q');
    expect((await t.exit()).code).toBe(0);
  }, 30_000);
});
