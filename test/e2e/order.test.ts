// The ordering task through the built CLI in a pseudo-terminal at 80×24, keys sent as a person types them: lesson 12
// reached with four Tabs and a whole order picked in one burst, then build_topo; and `grad-tutor practice
// backward-order` with the right order in one burst, said sure, recorded right.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/practice/index.js';
import { assertBuilt, RIGHT, TAB } from './pty.js';
import { trackedTuis } from './tracked.js';

const tui = trackedTuis();
const size = { cols: 80, rows: 24 };
const rowsOf = (screen: string) => screen.split('\n');

describe('the ordering task in a terminal', () => {
  beforeAll(() => assertBuilt());

  it('lesson 12: Tab to the Order phase, the order b then c in one burst, a wrong gradient shown; then build_topo', async () => {
    const env = { XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'gt-order-')) };
    const t = await tui(['topological-order'], { env, ...size });
    await t.waitFor('step 1/');
    t.write(`${TAB}${TAB}${TAB}${TAB}`);
    await t.waitFor('▸ Your order');
    // b before c: b passes on 0, so a ends with 0 where the right order gives 4.
    t.write('12');
    let screen = await t.waitFor('Your order:   b, c');
    expect(screen).toContain('A right one:  c, b');
    expect(screen).toMatch(/^a +4 +0$/m);
    expect(rowsOf(screen).length).toBeLessThanOrEqual(24);
    // Taken back twice, then the right order, all in one burst.
    t.write('uu21');
    screen = await t.waitFor('Your order:   c, b');
    expect(screen).toContain('The same: each node ran after every node that uses it');
    t.write(`${RIGHT}${RIGHT}${RIGHT}${RIGHT}${RIGHT}`);
    screen = await t.waitFor('▸ build_topo: append a');
    expect(screen).toContain('visited: {c, b, a}');
    expect(screen).toContain('topo:    [a]');
    // The node visited is the one lit: a's box has the double border.
    expect(screen).toContain('╔▸a');
    t.write('q');
    expect(await t.exit()).toEqual({ code: 0, signal: null });
  });

  it('lesson 12 at 60×16: the footer keeps the task’s keys, u undo among them, before the lesson’s own', async () => {
    const env = { XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'gt-order-60-')) };
    const t = await tui(['topological-order'], { env, cols: 60, rows: 16 });
    await t.waitFor('step 1/');
    t.write(`${TAB}${TAB}${TAB}${TAB}`);
    let screen = await t.waitFor('▸ Your order');
    expect(screen).toMatch(/^1-2 pick {2}u undo {2}→ next {2}← back {2}Tab phase {2}\? help {2}q quit$/m);
    // b too early, then taken back: the keys stay while the text grows.
    t.write('1');
    screen = await t.waitFor('So far: b');
    expect(screen).toMatch(/^1-2 pick {2}u undo {2}→ next/m);
    t.write('q');
    expect(await t.exit()).toEqual({ code: 0, signal: null });
  });

  it('practice backward-order: the right order in one burst, y, and the answer is recorded right', async () => {
    const state = mkdtempSync(join(tmpdir(), 'gt-order-practice-'));
    const env = { XDG_STATE_HOME: state, GRAD_TUTOR_NOW: '2026-12-07T09:00' };
    const problem = generate('backward-order', 11);
    // The graph's shape gives the order: z, then down the chain (f if there is one, e) to c, which z and e both use.
    const right = problem.scenario.graph.nodes.some((n) => n.name === 'f') ? ['z', 'f', 'e', 'c'] : ['z', 'e', 'c'];
    const t = await tui(['practice', 'backward-order', '--count', '1', '--seed', '11'], { env, ...size });
    let screen = await t.waitFor('problem 1/1');
    expect(screen).toContain(`1-${right.length} pick  u undo  q quit`);
    t.write(right.map((n) => String(problem.order!.indexOf(n) + 1)).join(''));
    await t.waitFor('were you sure?');
    t.write('y');
    screen = await t.waitFor('Correct: each node ran after every node that uses it.');
    expect(screen).toContain(`Your order:   ${right.join(', ')}`);
    expect(rowsOf(screen).length).toBeLessThanOrEqual(24);
    t.write('\r');
    await t.waitFor('Round over');
    t.write('q');
    expect(await t.exit()).toEqual({ code: 0, signal: null });
    const progress = JSON.parse(readFileSync(join(state, 'grad-tutor', 'progress.json'), 'utf8')) as {
      skills?: Record<string, { streak?: number }>;
    };
    expect(progress.skills?.['backward-order']?.streak).toBe(1);
  });
});
