// Ctrl+Z and fg, in a real shell with job control; and TERM=dumb.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, NODE, spawnTui, type Tui } from './pty.js';

const sessions: string[] = [];
const running: Tui[] = [];
afterEach(() => {
  for (const t of running.splice(0)) t.kill();
  for (const name of sessions.splice(0)) {
    try {
      execFileSync('tmux', ['kill-session', '-t', name], { stdio: 'ignore' });
    } catch {
      // Already gone.
    }
  }
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Ctrl+Z', () => {
  beforeAll(() => assertBuilt());

  it('suspends to the shell, and fg brings the whole frame back in raw mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gt-suspend-'));
    const name = `gt-suspend-${process.pid}`;
    sessions.push(name);
    execFileSync('tmux', [
      'new-session',
      '-d',
      '-s',
      name,
      '-x',
      '80',
      '-y',
      '24',
      'env',
      '-u',
      'CI',
      `HOME=${dir}`,
      `XDG_STATE_HOME=${dir}/state`,
      'PS1=$ ',
      'bash',
      '--norc',
      '-i',
    ]);
    const capture = () => execFileSync('tmux', ['capture-pane', '-p', '-t', name], { encoding: 'utf8' });
    const waitFor = async (text: string | RegExp) => {
      for (let i = 0; i < 100; i++) {
        const screen = capture();
        if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
        await sleep(100);
      }
      throw new Error(`${String(text)} did not appear; the screen:\n${capture()}`);
    };
    const keys = (...k: string[]) => execFileSync('tmux', ['send-keys', '-t', name, ...k]);

    keys(`'${NODE}' '${BIN}' add-then-mul`, 'Enter');
    await waitFor('step 1/11');
    keys('C-z');
    await waitFor('Stopped');
    // The shell has the terminal, in cooked mode: what is typed echoes.
    keys('echo back-in-the-shell', 'Enter');
    await waitFor(/^back-in-the-shell$/m);
    keys('clear', 'Enter');
    await sleep(300);
    keys('fg', 'Enter');
    // The whole frame, drawn afresh over the cleared screen: the title row and the footer.
    const screen = await waitFor('q quit');
    expect(screen).toContain('step 1/11');
    expect(screen).toContain('[Overview]');
    // Raw mode again: an arrow key moves on without Enter.
    keys('Right');
    await waitFor('step 2/11');
    keys('q');
    await waitFor(/^\$\s*$/m);
  });
});

describe('TERM=dumb', () => {
  beforeAll(() => assertBuilt());

  it('gets the plain transcript, as without a terminal: no cursor movement', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gt-dumb-'));
    const t = await spawnTui(['add-then-mul'], { env: { TERM: 'dumb', HOME: dir, XDG_STATE_HOME: join(dir, 'state') } });
    running.push(t);
    expect((await t.exit()).code).toBe(0);
    expect(t.output()).toContain('[1/11] Overview');
    expect(t.output()).not.toMatch(/\x1b\[[0-9;]*[ABCDHJK]|\x1b\[\?25/);
  });
});
