// The progress file from a learner's terminal: where it is not written, and a reset cancelled.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveProgress, EMPTY } from '../../src/progress.js';
import { assertBuilt, CTRL_C } from './pty.js';
import { trackedTuis } from './tracked.js';

const tui = trackedTuis();

describe('progress in a terminal', () => {
  beforeAll(() => assertBuilt());

  it('with HOME="" and no XDG_STATE_HOME, says once that progress is not saved, and writes none into the current folder', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'gt-nohome-'));
    const t = await tui(['add'], { cwd, env: { HOME: '', XDG_STATE_HOME: undefined, XDG_CACHE_HOME: join(cwd, '..', 'gt-nohome-cache') } });
    const screen = await t.waitFor('step 1/');
    expect(screen.match(/will not be saved/g)).toHaveLength(1);
    t.write('lll');
    await t.waitFor('step 4/');
    t.write('q');
    expect((await t.exit()).code).toBe(0);
    expect(readdirSync(cwd).filter((f) => f !== '.cache')).toEqual([]);
    expect(existsSync(join(cwd, '.local'))).toBe(false);
  });

  for (const [name, key] of [
    ['Ctrl+D', '\x04'],
    ['Ctrl+C', CTRL_C],
  ] as const) {
    it(`reset cancelled with ${name} says nothing was deleted, exit 0`, async () => {
      const state = mkdtempSync(join(tmpdir(), 'gt-reset-'));
      const path = join(state, 'grad-tutor', 'progress.json');
      saveProgress(path, { ...EMPTY, finished: ['add'] });
      const t = await tui(['reset'], { env: { XDG_STATE_HOME: state } });
      await t.waitFor('[y/N]');
      t.write(key);
      const status = await t.exit();
      expect(t.screen()).toContain('nothing was deleted');
      expect(t.screen()).not.toMatch(/unexpected|report it/);
      expect(status.code).toBe(0);
      expect(existsSync(path)).toBe(true);
    });
  }
});
