// Keys a terminal can send that the tutor has no use for: none may crash it
// or act as a command it was not (Ink 6.8.0's issue #901, patched in
// scripts/build.mjs). Through the built CLI, so the patched bundle is what runs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ENTER, RIGHT, spawnTui, UP, type Tui } from './pty.js';
import { killAfterEach } from './tracked.js';
import { escapeBursts, functionKeys, seeded } from '../fuzz/keys.js';

const running = killAfterEach();

async function lesson(): Promise<Tui> {
  const home = mkdtempSync(join(tmpdir(), 'gt-keys-'));
  const t = await spawnTui(['add-then-mul'], {
    cols: 100,
    rows: 30,
    env: { HOME: home, XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache') },
  });
  running.push(t);
  await t.waitFor('step 1/');
  return t;
}

/** Send the keys one burst at a time, then show that the lesson still answers a key and quits with q. */
async function survives(t: Tui, bursts: string[]): Promise<void> {
  for (const burst of bursts) t.write(burst);
  // Back to the first step and one forward: the lesson still answers keys.
  t.write('g');
  t.write(RIGHT);
  await t.waitFor('step 2/');
  expect(t.screen()).not.toMatch(/TypeError|startsWith|^\s+at /m);
  t.write('q');
  expect(await t.exit()).toEqual({ code: 0, signal: null });
}

describe('keys the tutor has no use for', () => {
  beforeAll(() => assertBuilt());

  it('every function key F1–F12 with every Shift/Alt/Ctrl modifier, and the focus reports', async () => {
    const t = await lesson();
    await survives(t, [...functionKeys(), '\x1b[I', '\x1b[O']);
  });

  it('Ctrl+F1 alone, the crash of Ink issue #901', async () => {
    const t = await lesson();
    await survives(t, ['\x1b[1;5P']);
  });

  it('\\x1b[1;2q is one unknown key, not a q that quits', async () => {
    const t = await lesson();
    await survives(t, ['\x1b[1;2q', '\x1b[1;2q\x1b[1;2q']);
  });

  it('pasted text holding escape codes, bracketed or not', async () => {
    const t = await lesson();
    await survives(t, ['z = a * b\x1b[0m', '\x1b[200~a + b\x1b[201~', '\x1b[31m\x1b[0m', '\x1b]52;c;Y3VybA==\x07', '\x1b[?1049h']);
  });

  it('an expression pasted with a colour code into the typed-graph prompt', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gt-keys-'));
    const t = await spawnTui([], {
      cols: 100,
      rows: 30,
      env: { HOME: home, XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache') },
    });
    running.push(t);
    await t.waitFor('Type your own graph');
    // The menu wraps around: up from the first lesson is its last entry, the typed graph.
    t.write(UP);
    t.write(ENTER);
    await t.waitFor('An expression, e.g.');
    t.write('z = a * b\x1b[0m');
    await t.waitFor('z = a * b');
    t.write('\x1b[1;5P');
    t.write(ENTER);
    await t.waitFor(/a\s*=/);
    t.write('a=3 b=-5');
    t.write(ENTER);
    await t.waitFor('step 1/');
    t.write('q');
    expect(await t.exit()).toEqual({ code: 0, signal: null });
  });

  it('random escape sequences and bytes, in bursts', async () => {
    const t = await lesson();
    await survives(t, escapeBursts(seeded(0x6b657973), 60));
  });
});
