// Paths that are not scenario files, where the tutor meets them: its own
// command line, the "Open a scenario file…" prompt, and a resumed lesson.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ENTER, spawnTui, UP, type Tui } from './pty.js';
import { killAfterEach } from './tracked.js';

const running = killAfterEach();

function home(): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'gt-files-'));
  return { dir, env: { HOME: dir, XDG_STATE_HOME: join(dir, 'state'), XDG_CACHE_HOME: join(dir, 'cache') } };
}

async function tui(args: string[], env: Record<string, string>): Promise<Tui> {
  const t = await spawnTui(args, { cols: 100, rows: 30, env });
  running.push(t);
  return t;
}

describe('the tutor and paths that are not scenario files', () => {
  beforeAll(() => assertBuilt());

  it('grad-tutor /dev/zero: one sentence, exit 2', async () => {
    const t = await tui(['/dev/zero'], home().env);
    expect((await t.exit()).code).toBe(2);
    // One sentence, wrapped at the window's edge.
    expect(t.screen().replace(/\n/g, '')).toBe(
      '/dev/zero:1:1: cannot open the scenario: it is a device, not a file — give the path of a .yaml or .json file.',
    );
  });

  it('the file prompt answers /dev/zero and a FIFO with a sentence, and the tutor goes on', async () => {
    const { dir, env } = home();
    const pipe = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [pipe]);
    const t = await tui([], env);
    await t.waitFor('Open a scenario file');
    // Up twice from the first lesson: past the typed graph to the file prompt.
    t.write(UP);
    t.write(UP);
    t.write(ENTER);
    await t.waitFor('Path to a .yaml or .json file');
    t.write('/dev/zero');
    t.write(ENTER);
    await t.waitFor('it is a device, not a file');
    for (let i = 0; i < '/dev/zero'.length; i++) t.write('\x7f');
    t.write(pipe);
    t.write(ENTER);
    await t.waitFor('named pipe (FIFO)');
    t.write('\x1b');
    await t.waitFor('Type your own graph');
    t.write('q');
    expect((await t.exit()).code).toBe(0);
  });

  it('a saved lesson that is now a FIFO: the menu, not a blank screen that hangs', async () => {
    const { dir, env } = home();
    const pipe = join(dir, 'mine.yaml');
    execFileSync('mkfifo', [pipe]);
    mkdirSync(join(dir, 'state', 'grad-tutor'), { recursive: true });
    writeFileSync(
      join(dir, 'state', 'grad-tutor', 'progress.json'),
      JSON.stringify({ version: 1, finished: [], quiz: {}, current: { id: 'mine', file: pipe, step: 2 } }),
    );
    const t = await tui([], env);
    await t.waitFor('Type your own graph');
    t.write('q');
    expect((await t.exit()).code).toBe(0);
  });
});
