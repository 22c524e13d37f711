// The terminal going away under the tutor. tmux, because closing a terminal
// (not signalling the program in it) is what a learner's window manager does.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, NODE, ROOT } from './pty.js';

const sessions: string[] = [];
afterEach(() => {
  for (const name of sessions.splice(0)) {
    try {
      execFileSync('tmux', ['kill-session', '-t', name], { stdio: 'ignore' });
    } catch {
      // Already gone: the test closed it.
    }
  }
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(ready: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (ready()) return;
    await sleep(100);
  }
  throw new Error(`${what} did not happen within 10 s`);
}

/**
 * The tutor on a lesson in a tmux window, one step in. The shell around it
 * ignores SIGHUP so that it outlives the terminal and can write the tutor's
 * exit status (Node resets the signal to its default for the tutor).
 */
async function tutorInTmux(): Promise<{ dir: string; name: string; lesson: string; capture: () => string }> {
  const dir = mkdtempSync(join(tmpdir(), 'gt-hup-'));
  const lesson = join(dir, 'lesson.yaml');
  copyFileSync(join(ROOT, 'scenarios/04-add-then-mul.yaml'), lesson);
  const name = `gt-hup-${process.pid}-${sessions.length}`;
  sessions.push(name);
  const env = `HOME='${dir}' XDG_STATE_HOME='${dir}/state' XDG_CACHE_HOME='${dir}/cache' TERM=xterm-256color`;
  const inner = `trap "" HUP; ${env} '${NODE}' '${BIN}' '${lesson}' 2>'${dir}/stderr'; echo $? > '${dir}/status'`;
  execFileSync('tmux', ['new-session', '-d', '-s', name, '-x', '80', '-y', '24', 'sh', '-c', inner]);
  const capture = () => execFileSync('tmux', ['capture-pane', '-p', '-t', name], { encoding: 'utf8' });
  await until(() => capture().includes('step 1/'), 'the first step');
  execFileSync('tmux', ['send-keys', '-t', name, 'Right', 'Right']);
  await until(() => capture().includes('step 3/'), 'two steps on');
  return { dir, name, lesson, capture };
}

function savedStep(dir: string): number | undefined {
  const file = join(dir, 'state/grad-tutor/progress.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { current?: { step: number } }).current?.step;
}

describe('a hang-up', () => {
  beforeAll(() => assertBuilt());

  it('closing the terminal ends the tutor quietly (no abort from ResetStdio), progress saved', async () => {
    const { dir, name } = await tutorInTmux();
    execFileSync('tmux', ['kill-session', '-t', name]);
    await until(() => existsSync(join(dir, 'status')) && readFileSync(join(dir, 'status'), 'utf8').trim() !== '', 'the exit');
    expect(readFileSync(join(dir, 'status'), 'utf8').trim()).toBe('129');
    expect(readFileSync(join(dir, 'stderr'), 'utf8')).toBe('');
    expect(savedStep(dir)).toBe(2);
  });

  it('SIGHUP ends it the same way', async () => {
    const { dir, lesson } = await tutorInTmux();
    // The tutor is the Node process started with this lesson's path (the shell around it names the path too).
    const pid = execFileSync('pgrep', ['-f', lesson], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .find((p) => readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0')[0] === NODE);
    process.kill(Number(pid), 'SIGHUP');
    await until(() => existsSync(join(dir, 'status')) && readFileSync(join(dir, 'status'), 'utf8').trim() !== '', 'the exit');
    expect(readFileSync(join(dir, 'status'), 'utf8').trim()).toBe('129');
    expect(readFileSync(join(dir, 'stderr'), 'utf8')).toBe('');
    expect(savedStep(dir)).toBe(2);
  });

  it('closing the terminal the keys come from, while the screen stays, ends the tutor in one sentence (it aborted in ResetStdio), progress saved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gt-keys-'));
    const keys = `gt-keys-${process.pid}`;
    const screen = `gt-screen-${process.pid}`;
    sessions.push(keys, screen);
    // One terminal for the keys, which only says its name and waits; the tutor reads from it and draws in the other.
    execFileSync('tmux', ['new-session', '-d', '-s', keys, '-x', '80', '-y', '24', 'sh', '-c', `tty > '${dir}/tty'; sleep 600`]);
    await until(() => existsSync(join(dir, 'tty')) && readFileSync(join(dir, 'tty'), 'utf8').includes('/dev/'), 'the keys terminal');
    const tty = readFileSync(join(dir, 'tty'), 'utf8').trim();
    const env = `HOME='${dir}' XDG_STATE_HOME='${dir}/state' XDG_CACHE_HOME='${dir}/cache' TERM=xterm-256color`;
    const inner = `${env} '${NODE}' '${BIN}' add < '${tty}' 2>'${dir}/stderr'; echo $? > '${dir}/status'; sleep 600`;
    execFileSync('tmux', ['new-session', '-d', '-s', screen, '-x', '100', '-y', '30', 'sh', '-c', inner]);
    const capture = () => execFileSync('tmux', ['capture-pane', '-p', '-t', screen], { encoding: 'utf8' });
    await until(() => capture().includes('step 1/'), 'the first step');
    execFileSync('tmux', ['send-keys', '-t', keys, 'Right', 'Right']);
    await until(() => capture().includes('step 3/'), 'two steps on');
    execFileSync('tmux', ['kill-session', '-t', keys]);
    await until(() => existsSync(join(dir, 'status')) && readFileSync(join(dir, 'status'), 'utf8').trim() !== '', 'the exit');
    expect(readFileSync(join(dir, 'status'), 'utf8').trim()).toBe('129');
    const said = readFileSync(join(dir, 'stderr'), 'utf8').replace(/\x1b\[\?25h/g, '');
    expect(said).toBe('grad-tutor: the terminal the keys came from has closed, so the tutor stopped where you were.\n');
    expect(savedStep(dir)).toBe(2);
  });
});
