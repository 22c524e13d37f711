// The progress file from a learner's terminal: where it is not written, and a reset cancelled.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProgress, saveProgress, EMPTY } from '../../src/progress/index.js';
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

  it('a 90-byte file naming step 300,000,000 of mul is moved aside in one sentence (it ran out of memory, exit 134)', async () => {
    const state = mkdtempSync(join(tmpdir(), 'gt-bad-progress-'));
    mkdirSync(join(state, 'grad-tutor'));
    const path = join(state, 'grad-tutor', 'progress.json');
    const text = JSON.stringify({ version: 2, finished: [], quiz: {}, recent: [], seen: { mul: '0-300000000' } });
    writeFileSync(path, text);
    // At 80×24 the menu fills the window: a sentence written before the first frame scrolled away unread.
    const t = await tui([], { env: { XDG_STATE_HOME: state }, cols: 80, rows: 24 });
    // The sentence wraps at the window's edge: read back as one line.
    const screen = (await t.waitFor('Pick a graph')).replace(/\n/g, '');
    expect(screen).toMatch(/could not read your progress file; it was moved to .*\.unreadable-/);
    expect(screen).toContain('seen.mul names step 300000000');
    t.write('3');
    await t.waitFor('step 1/');
    t.write('q');
    expect(await t.exit()).toEqual({ code: 0, signal: null });
    const aside = readdirSync(join(state, 'grad-tutor')).find((f) => f.startsWith('progress.json.unreadable-'))!;
    expect(readFileSync(join(state, 'grad-tutor', aside), 'utf8')).toBe(text);
    // The new file is the tutor's own, read back as it was saved: mul open at its first step.
    expect(loadProgress(path)).toEqual({
      progress: { ...EMPTY, current: { lesson: { kind: 'bundled', id: 'mul' }, step: 0 }, seen: { mul: '0' } },
    });
  });

  it('a save that fails is told on screen once, in one sentence, and the lesson goes on (saves failed silently)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gt-unsaved-'));
    // A state "folder" that is a file: every save fails (ENOTDIR), as on a read-only or full disk.
    const state = join(dir, 'state');
    writeFileSync(state, '');
    const t = await tui(['add'], { env: { XDG_STATE_HOME: state } });
    const told = await t.waitFor('Progress is not being saved');
    expect(told).toContain('step 1/');
    expect(told.match(/Progress is not being saved: a part of its path is not a folder/g)).toHaveLength(1);
    t.write('l');
    const next = await t.waitFor('step 2/');
    expect(next).not.toContain('Progress is not being saved');
    t.write('l');
    expect(await t.waitFor('step 3/')).not.toContain('Progress is not being saved');
    t.write('q');
    expect((await t.exit()).code).toBe(0);
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
