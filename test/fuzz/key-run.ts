/**
 * A key-fuzz run of the interactive tutor: random key presses, escape
 * sequences (well-formed, cut short, garbled), function keys with modifiers,
 * bursts of them and window resizes, sent to the built CLI in a
 * pseudo-terminal for a given time. Short in test/fuzz/keys.test.ts, as long
 * as asked in `npm run fuzz -- --keys --seconds N`.
 *
 * A crash is the tutor exiting with an error or a signal, or an error on
 * its screen; when it quits as asked (Esc in the menu), the run starts it again.
 * Only the keys that end a session (q, Ctrl+C, Ctrl+D, Ctrl+Z, Ctrl+\) stay
 * out; everything else is fair, the menu, help and prompts included.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKSPACE, DOWN, END, ENTER, ESC, HOME, LEFT, RIGHT, spawnTui, TAB, UP, type ExitStatus, type Tui } from '../e2e/pty.js';
import { escapeBursts, functionKeys } from './keys.js';
import { seeded } from './seeded.js';

export interface KeyRunOptions {
  seed: number;
  /** How long to send keys, in milliseconds. */
  ms: number;
  /** Arguments of the tutor: a lesson id, or none for the menu. */
  args?: string[];
  /** Called with a line now and then: what the run has done so far. */
  log?: (line: string) => void;
}

export interface KeyRunReport {
  seed: number;
  bursts: number;
  keys: number;
  resizes: number;
  /** Tutors started: Esc in the menu quits, as it should, and the run starts another. */
  sessions: number;
  /** The sizes the window went through, smallest and largest. */
  smallest: [number, number];
  largest: [number, number];
  /** Empty when the tutor survived; else what went wrong and the screen at that moment. */
  crash?: string;
}

const QUIT = /[q\x03\x04\x1a\x1c]/g;
const PLAIN = [RIGHT, LEFT, UP, DOWN, HOME, END, ENTER, TAB, BACKSPACE, ESC, ' ', '\x1b[5~', '\x1b[6~', '\x1b[Z'];
const LETTERS = 'abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ0123456789=+-*/^?.,()';
/** Resizes range from a tiny window to a wide one; the tutor must draw all of them. */
const SIZES: [number, number][] = [
  [20, 6],
  [40, 12],
  [60, 16],
  [80, 24],
  [100, 30],
  [140, 40],
  [200, 60],
];

const TRACE = /TypeError|ReferenceError|RangeError|^\s+at .+:\d+:\d+\)?$|something unexpected/m;

export async function keyRun(options: KeyRunOptions): Promise<KeyRunReport> {
  const random = seeded(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const fKeys = functionKeys();
  const home = mkdtempSync(join(tmpdir(), 'gt-keyrun-'));
  const report: KeyRunReport = { seed: options.seed, bursts: 0, keys: 0, resizes: 0, sessions: 0, smallest: [80, 24], largest: [80, 24] };
  let t: Tui | undefined;
  let status: ExitStatus | undefined;
  const start = async (): Promise<Tui> => {
    status = undefined;
    report.sessions++;
    const tui = await spawnTui(options.args ?? ['add-then-mul'], {
      cols: 80,
      rows: 24,
      env: { HOME: home, XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache') },
    });
    tui.exit(24 * 3600 * 1000).then(
      (s) => (status = s),
      () => undefined,
    );
    await tui.waitFor(/\S/, 10_000);
    return tui;
  };
  /** Undefined while it runs, or quit as asked (Esc in the menu quits: exit 0, nothing on screen that says error). */
  const trouble = (tui: Tui, when: string): string | undefined => {
    const screen = tui.screen();
    if (TRACE.test(screen)) return `a stack trace or an error on screen ${when}:\n${screen}`;
    if (status && (status.code !== 0 || status.signal))
      return `the tutor exited (${JSON.stringify(status)}) ${when}; the screen:\n${screen}`;
    return undefined;
  };
  try {
    t = await start();
    const started = Date.now();
    let lastLog = started;
    while (Date.now() - started < options.ms) {
      const roll = random();
      let burst: string;
      if (roll < 0.05) {
        const [cols, rows] = pick(SIZES);
        t.resize(cols, rows);
        report.resizes++;
        if (cols * rows < report.smallest[0] * report.smallest[1]) report.smallest = [cols, rows];
        if (cols * rows > report.largest[0] * report.largest[1]) report.largest = [cols, rows];
        burst = '';
      } else if (roll < 0.3) burst = escapeBursts(random, 1)[0];
      else if (roll < 0.4) burst = pick(fKeys);
      else if (roll < 0.8) burst = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(PLAIN)).join('');
      else burst = Array.from({ length: 1 + Math.floor(random() * 12) }, () => LETTERS[Math.floor(random() * LETTERS.length)]).join('');
      burst = burst.replace(QUIT, '');
      if (burst) {
        t.write(burst);
        report.bursts++;
        report.keys += burst.length;
      }
      // Now and then let the tutor catch up, as a person typing would; else keys pile up in bursts.
      await new Promise((resolve) => setTimeout(resolve, random() < 0.2 ? 30 : 2));
      const wrong = trouble(t, `after ${report.bursts} bursts`);
      if (wrong) return { ...report, crash: wrong };
      if (status) {
        t.kill();
        t = await start();
      }
      if (options.log && Date.now() - lastLog > 5_000) {
        lastLog = Date.now();
        options.log(
          `  ${((Date.now() - started) / 1000).toFixed(0)} s: ${report.bursts} bursts, ${report.keys} bytes, ${report.resizes} resizes, ${report.sessions} sessions`,
        );
      }
    }
    // Let the last keys land, then check once more.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const wrong = trouble(t, 'at the end');
    return wrong ? { ...report, crash: wrong } : report;
  } finally {
    t?.kill();
    rmSync(home, { recursive: true, force: true });
  }
}
