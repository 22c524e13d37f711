// The built CLI in a real pseudo-terminal, and the harness itself on the
// throwaway probe app. npm test builds dist/ before vitest runs.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, RIGHT, ROOT, spawnInPty, spawnTui, type SpawnOptions, type Tui } from './pty.js';

const running: Tui[] = [];
afterEach(() => {
  for (const t of running.splice(0)) t.kill();
});

async function tui(args: string[], options?: SpawnOptions): Promise<Tui> {
  const t = await spawnTui(args, options);
  running.push(t);
  return t;
}

describe('grad-tutor in a terminal', () => {
  beforeAll(() => assertBuilt());

  it('--help shows the usage and exits 0', async () => {
    const t = await tui(['--help']);
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

describe('the pseudo-terminal harness, on the probe app', () => {
  const probe = join(ROOT, 'dist/probe.js');
  let t: Tui;

  beforeAll(() => {
    // Builds only dist/probe.*, so tests running dist/cli.cjs meanwhile are not disturbed.
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, env: { ...process.env, GRAD_TUTOR_PROBE_ENTRY: '1' }, stdio: 'inherit' });
  });

  async function start(options?: SpawnOptions): Promise<Tui> {
    t = await spawnInPty(process.execPath, [probe], options);
    running.push(t);
    await t.waitFor('count 0');
    return t;
  }

  it('ten → in one write advance the counter ten times, and q exits 0 with the cursor shown', async () => {
    await start();
    t.write(RIGHT.repeat(10));
    await t.waitFor('count 10');
    t.write('q');
    expect(await t.exit()).toEqual({ code: 0, signal: null });
    expect(t.screen()).toContain('count 10');
    expect(t.output().endsWith('\x1b[?25h')).toBe(true);
  });

  it('keys split across writes add up the same', async () => {
    await start();
    for (let i = 0; i < 3; i++) t.write(RIGHT);
    t.write(RIGHT.repeat(2));
    await t.waitFor('count 5');
    // Keys that arrive with the q may never reach the screen: the app exits
    // before React renders them. Wait for the frame before quitting.
    t.write('q');
    expect(await t.exit()).toEqual({ code: 0, signal: null });
  });

  it('resize redraws at the new width', async () => {
    await start({ cols: 80, rows: 12 });
    expect(t.screen().split('\n')[0]).toHaveLength(80);
    t.resize(40, 12);
    t.write(RIGHT);
    const screen = await t.waitFor('count 1');
    expect(screen.split('\n').find((line) => line.includes('count 1'))).toHaveLength(40);
  });

  it('waitFor fails with the screen when the text does not come', async () => {
    await start();
    await expect(t.waitFor('count 99', 300)).rejects.toThrow(/count 99.*within 300 ms.*\n.*count 0/s);
  });

  it('waitFor fails at once when the program has exited', async () => {
    await start();
    t.write('q');
    await expect(t.waitFor('never shown', 5000)).rejects.toThrow(/exited \(code 0\)/);
  });

  it('kill ends the program by a signal', async () => {
    await start();
    t.kill('SIGTERM');
    expect(await t.exit()).toEqual({ code: 0, signal: 'SIGTERM' });
  });
});
