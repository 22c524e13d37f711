// The built CLI in a real pseudo-terminal, driven as a learner types.
// npm test builds dist/ before vitest runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, NODE, spawnInPty, CTRL_C, DOWN, END, ENTER, RIGHT, ROOT, TAB } from './pty.js';
import { killAfterEach, trackedTuis } from './tracked.js';

const running = killAfterEach();
const tui = trackedTuis(running);

describe('grad-tutor in a terminal', () => {
  beforeAll(() => assertBuilt());

  it('--help shows the usage and exits 0', async () => {
    // The usage is longer than 30 rows; a tall terminal keeps all of it on screen.
    const t = await tui(['--help'], { rows: 60 });
    expect(await t.exit()).toEqual({ code: 0, signal: null });
    expect(t.screen()).toContain('grad-tutor list [--json]');
    expect(t.screen()).toContain('Exit codes');
  });

  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const t = await tui(['--version']);
    expect(await t.exit()).toEqual({ code: 0, signal: null });
    expect(t.screen()).toBe(version);
  });

  it('list shows the bundled scenarios with their titles', async () => {
    const t = await tui(['list']);
    expect(await t.exit()).toEqual({ code: 0, signal: null });
    expect(t.screen()).toMatch(/^add-then-mul +Addition feeding a product$/m);
  });

  it('an unknown scenario exits 2 with a sentence that names it', async () => {
    const t = await tui(['show', 'no-such-graph']);
    expect((await t.exit()).code).toBe(2);
    expect(t.screen()).toContain('no-such-graph');
    expect(t.screen()).not.toMatch(/^\s+at /m);
  });

  it('an unknown option exits 2', async () => {
    const t = await tui(['--bogus']);
    expect((await t.exit()).code).toBe(2);
    expect(t.screen()).toContain('--bogus');
  });
});

describe('a lesson, as a learner types it', () => {
  beforeAll(() => assertBuilt());

  it('(a + b) + b from start to end: forward c, b’s second path, the nudge, help, a resize, q', async () => {
    const state = mkdtempSync(join(tmpdir(), 'gt-e2e-'));
    const t = await tui(['reuse-add'], { cols: 100, rows: 30, env: { XDG_STATE_HOME: state } });
    await t.waitFor('step 1/11');
    expect(t.screen()).toContain('A reused input in a sum');

    // Wait for the last line a step changes, so the whole frame is on screen.
    t.write(RIGHT);
    let screen = await t.waitFor('c = a + b = 3 + (-5) = -2');
    expect(screen).toContain('step 2/11');
    expect(screen).toContain('[Forward]');
    // The current node is marked by a double border and ▸, not by colour alone.
    expect(screen).toMatch(/╔▸\+ c/);

    // Six more in one burst: to the edge c → b, the second path into b.
    t.write(RIGHT.repeat(6));
    screen = await t.waitFor('∂z/∂b = 1 (direct) + 1 (via c) = 2');
    expect(screen).toContain('step 8/11');
    expect(screen).toContain('Backward: c → b');
    expect(screen).toMatch(/╔▸b/);

    t.write(TAB + TAB);
    screen = await t.waitFor('z: -7 → -6.95');
    expect(screen).toContain('[Nudge]');
    expect(screen).toMatch(/^b +-5 +2 +-4\.98\s*$/m);

    t.write('?');
    // The help comes in more than one write: wait for a line below the title, not the title.
    screen = await t.waitFor(/any key closes this[\s\S]*Shift\+Tab/);
    t.write('x');
    await t.waitFor('[Nudge]');

    t.resize(60, 16);
    screen = await t.waitFor(/Ove · For · Bac · Che · \[Nudge\]/);
    const lines = screen.split('\n');
    expect(lines.length).toBeLessThan(16);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);

    t.write(END);
    await t.waitFor('step 11/11');
    t.write('q');
    expect(await t.exit()).toEqual({ code: 0, signal: null });
    // The terminal is handed back with the cursor shown.
    expect(t.output().endsWith('\x1b[?25h')).toBe(true);
  });

  // Predict mode in a terminal, answered, missed and asked again after a restart: test/e2e/quiz.test.ts.

  it('a lesson opened from a file is resumed from that file', async () => {
    const env = { XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'gt-e2e-')) };
    const file = join(mkdtempSync(join(tmpdir(), 'gt-e2e-')), 'cube.yaml');
    // y = x ^ 3: seven steps, since no backward step runs into the constant 3.
    writeFileSync(file, 'title: A cube\ninputs:\n  x: 2\nnodes:\n  y: x ^ 3\n');
    let t = await tui([file], { env });
    await t.waitFor('step 1/7');
    t.write(RIGHT + RIGHT);
    await t.waitFor('step 3/7');
    t.write('q');
    expect((await t.exit()).code).toBe(0);
    t = await tui([], { env });
    const screen = await t.waitFor(/A cube[\s\S]*step 3\/7[\s\S]*q quit/);
    expect(screen).toContain('[Backward]');
    t.write('q');
    expect((await t.exit()).code).toBe(0);
  });

  it('Ctrl+C quits cleanly from the menu, exit 0', async () => {
    const t = await tui([], { env: { XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'gt-e2e-')) } });
    await t.waitFor('Pick a graph');
    // Down Down Down Enter in one burst opens the fourth lesson.
    t.write(DOWN + DOWN + DOWN + ENTER);
    await t.waitFor('step 1/11');
    expect(t.screen()).toContain('Addition feeding a product');
    t.write(CTRL_C);
    expect(await t.exit()).toEqual({ code: 0, signal: null });
    expect(t.output().endsWith('\x1b[?25h')).toBe(true);
  });

  it('NO_COLOR: no colour codes, and the highlight still shows', async () => {
    const t = await tui(['add-then-mul'], { env: { NO_COLOR: '1', XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'gt-e2e-')) } });
    await t.waitFor('step 1/11');
    t.write(RIGHT);
    const screen = await t.waitFor('c = a + b = 3 + (-5) = -2');
    expect(screen).toMatch(/╔▸\+ c/);
    t.write('q');
    await t.exit();
    expect(t.output()).not.toMatch(/\x1b\[(3[0-7]|9[0-7]|38;|4[0-7]|48;)[0-9;]*m/);
  });
});

describe('the pseudo-terminal harness', () => {
  it('waitFor fails with the screen when the text does not come, and at once when the program has exited', async () => {
    const t = await tui(['add'], { env: { XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'gt-e2e-')) } });
    await t.waitFor('step 1/');
    await expect(t.waitFor('never on screen', 300)).rejects.toThrow(/never on screen.*within 300 ms.*\n.*A sum/s);
    t.write('q');
    await expect(t.waitFor('never shown', 5000)).rejects.toThrow(/exited \(code 0\)/);
  });
});

describe('pipes', () => {
  it('a reader that stops early ends the output quietly, exit 0', () => {
    const result = spawnSync('sh', ['-c', `"${NODE}" "${BIN}" show neuron --json | head -c 10 >/dev/null; exit \${PIPESTATUS:-0}`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
  });
});

describe('without a terminal', () => {
  const run = (args: string[], input = '') =>
    spawnSync(NODE, [BIN, ...args], {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      env: { ...process.env, XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'gt-e2e-')) },
    });

  it('grad-tutor <scenario> prints the lesson as show does, exit 0, never "Raw mode is not supported"', () => {
    const piped = run(['reuse-add']);
    expect(piped.status).toBe(0);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toBe(run(['show', 'reuse-add']).stdout);
  });

  it('grad-tutor alone prints the list, exit 0', () => {
    const piped = run([]);
    expect(piped.status).toBe(0);
    expect(piped.stdout).toMatch(/^add-then-mul +Addition feeding a product$/m);
  });

  it('stdout a terminal but stdin not one: prints instead of failing', async () => {
    const t = await spawnInPty('sh', ['-c', `"${NODE}" "${BIN}" add < /dev/null`], {
      env: { XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'gt-e2e-')) },
    });
    running.push(t);
    expect((await t.exit()).code).toBe(0);
    expect(t.screen()).toContain('[8/8] Summary');
    expect(t.output()).not.toContain('Raw mode');
  });
});

describe('with a screen reader', () => {
  it('INK_SCREEN_READER=true reads steps as sentences in a real terminal', async () => {
    const t = await tui(['add-then-mul'], { env: { INK_SCREEN_READER: 'true', XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'gt-e2e-')) } });
    await t.waitFor('step 1 of 11');
    t.write(RIGHT);
    const screen = await t.waitFor('c = a + b = 3 + (-5) = -2');
    expect(screen).not.toMatch(/[╭╮╰╯┏┓┗┛╔╗╚╝]/);
    t.write('q');
    expect((await t.exit()).code).toBe(0);
  });
});

describe('scenarios compiled into the bundle', () => {
  it('are used only for a file whose text is unchanged: an edited copy is read afresh', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gt-e2e-'));
    const original = readFileSync(join(ROOT, 'scenarios/04-add-then-mul.yaml'), 'utf8');
    const same = join(dir, '03-add-then-mul.yaml');
    writeFileSync(same, original);
    const edited = join(mkdtempSync(join(tmpdir(), 'gt-e2e-')), '03-add-then-mul.yaml');
    writeFileSync(edited, original.replace('title: Addition feeding a product', 'title: Edited').replace('  d: 2', '  d: 3'));
    const show = (file: string) =>
      JSON.parse(spawnSync(NODE, [BIN, 'show', file, '--json'], { encoding: 'utf8' }).stdout) as {
        title: string;
        nodes: { name: string; value: number }[];
      };
    expect(show(same).title).toBe('Addition feeding a product');
    const changed = show(edited);
    expect(changed.title).toBe('Edited');
    expect(changed.nodes.find((n) => n.name === 'z')!.value).toBe(-6);
  });
});
