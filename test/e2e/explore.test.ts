// Explore through the built CLI in a pseudo-terminal: e, the input, its value and Enter typed in one burst, as a
// person types them, then E; the screen read as the learner reads it, at 80×24 and 140×40.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ENTER, RIGHT, ROOT, spawnTui, TAB } from './pty.js';
import { killAfterEach } from './tracked.js';

const running = killAfterEach();

function home(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'gt-explore-'));
  return { HOME: dir, XDG_STATE_HOME: join(dir, 'state'), XDG_CACHE_HOME: join(dir, 'cache'), NO_COLOR: '1' };
}

const rows = (screen: string) => screen.split('\n');

describe('explore in a terminal', () => {
  beforeAll(() => assertBuilt());

  it('80×24, a lesson file: e a 4 Enter recomputes every number on screen, E puts the file’s back, the file untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gt-explore-file-'));
    const file = join(dir, 'mul.yaml');
    copyFileSync(join(ROOT, 'scenarios', '03-mul.yaml'), file);
    const bytes = readFileSync(file, 'utf8');
    const t = await spawnTui([file], { cols: 80, rows: 24, env: home() });
    running.push(t);
    await t.waitFor('step 1/8');
    // To the backward edge z → b (step 5), whose gradient is a.
    t.write(RIGHT.repeat(4));
    await t.waitFor('step 5/8');
    t.write(`ea4${ENTER}`);
    // By hand: z = 4 · (-5) = -20; b.grad = a = 4 (was 3); a.grad = b = -5, as before.
    let screen = await t.waitFor('a: 3 → 4. z: -15 → -20; b.grad: 3 → 4.');
    expect(rows(screen)[0]).toMatch(/edited · step 5\/8$/);
    expect(screen).toContain('-20');
    expect(screen).toMatch(/result: +1 · 4 = 4/);
    for (const line of rows(screen)) expect([...line].length).toBeLessThanOrEqual(80);
    t.write('E');
    screen = await t.waitFor('The file’s values: a: 4 → 3. z: -20 → -15; b.grad: 4 → 3.');
    expect(screen).not.toContain('edited');
    expect(screen).toMatch(/result: +1 · 3 = 3/);
    t.write('q');
    expect(await t.exit()).toEqual({ code: 0, signal: null });
    expect(readFileSync(file, 'utf8')).toBe(bytes);
  });

  it('140×40, a lesson that trains: a param changed on the nudge step, its role said, the loss followed', async () => {
    const t = await spawnTui(['neuron-learns'], { cols: 140, rows: 40, env: home() });
    running.push(t);
    await t.waitFor('step 1/');
    // Overview → Forward → Backward → Check → Nudge.
    t.write(TAB.repeat(4));
    let screen = await t.waitFor('[Nudge]');
    const step = /step (\d+)\//.exec(rows(screen)[0])![1];
    t.write('ew1');
    screen = await t.waitFor('new value');
    expect(rows(screen).at(-1)).toBe('w1 (param) = -3, new value: ▏  Enter sets, Esc cancels');
    t.write(`-2${ENTER}`);
    // loss = tanh(x1·w1 + x2·w2 + b)² with x1 = 2, x2 = 0, w2 = 1, b = 6.8813735870195432, y = 0: at w1 = -3 it is 0.5.
    const loss = Math.tanh(2 * -2 + 0 * 1 + 6.8813735870195432) ** 2;
    screen = await t.waitFor(`w1: -3 → -2. loss: 0.5 → ${Number(loss.toPrecision(6))};`);
    expect(rows(screen)[0]).toMatch(new RegExp(`edited · step ${step}/`));
    expect(screen).toContain('[Nudge]');
    for (const line of rows(screen)) expect([...line].length).toBeLessThanOrEqual(140);
    t.write('E');
    screen = await t.waitFor('The file’s values: w1: -2 → -3.');
    expect(rows(screen)[0]).toMatch(new RegExp(`A neuron learns +step ${step}/`));
    t.write('q');
    expect(await t.exit()).toEqual({ code: 0, signal: null });
  });
});
