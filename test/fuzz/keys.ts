/**
 * Key sequences a terminal can send, for the tests and fuzz runs that drive
 * the tutor in a pseudo-terminal (test/e2e/keys.test.ts, test/fuzz/keys.test.ts,
 * scripts/fuzz.ts --keys).
 */

export { seeded } from './seeded.js';

/** xterm's modifier parameter: 1 + Shift(1) + Alt(2) + Ctrl(4); 2…8 are every combination. */
const MODIFIERS = [2, 3, 4, 5, 6, 7, 8];
/** F1–F4 end in a letter (ESC [ 1 ; m P), F5–F12 in a number and ~. */
const LETTER_KEYS = ['P', 'Q', 'R', 'S'];
const TILDE_KEYS = [15, 17, 18, 19, 20, 21, 23, 24];

/** F1–F12 plain and with every modifier, in both of xterm's forms. */
export function functionKeys(): string[] {
  const keys: string[] = [];
  for (const letter of LETTER_KEYS) {
    keys.push(`\x1bO${letter}`);
    for (const m of MODIFIERS) keys.push(`\x1b[1;${m}${letter}`, `\x1bO${m}${letter}`);
  }
  for (const n of TILDE_KEYS) {
    keys.push(`\x1b[${n}~`);
    for (const m of MODIFIERS) keys.push(`\x1b[${n};${m}~`);
  }
  return keys;
}

/**
 * Bytes that are commands in the lesson, and so must stay out of a run that
 * checks the lesson is still there afterwards: q and Ctrl+C quit, m and a
 * lone Esc go to the menu, Ctrl+Z suspends, ? opens help, e opens a line that
 * takes every key after it as a name. (Alt+letter is
 * ESC and the letter, which Ink hands on as the letter: ESC is only ever
 * sent as the start of a sequence below.)
 */
const COMMANDS = new Set(['q', 'm', '?', 'e', '\x03', '\x1a', '\x1b', '\x1c']);

function byteExcept(random: () => number): string {
  for (;;) {
    const ch = String.fromCharCode(Math.floor(random() * 256));
    if (!COMMANDS.has(ch)) return ch;
  }
}

/** An escape sequence a terminal might send, well-formed or cut short or garbled. */
export function escapeSequence(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const params = Array.from({ length: Math.floor(random() * 4) }, () => String(Math.floor(random() * 300))).join(';');
  const finals = '@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklnoprstuvwxyz{|}~';
  switch (Math.floor(random() * 6)) {
    case 0:
      return `\x1b[${params}${pick([...finals])}`;
    case 1:
      return `\x1b[${pick(['?', '>', '<', '='])}${params}${pick([...finals])}`;
    case 2:
      return `\x1bO${pick([...'ABCDHFPQRSabcd'])}`;
    case 3:
      return `\x1b]${Math.floor(random() * 100)};${params}${pick(['\x07', '\x1b\\', ''])}`;
    case 4:
      // Cut short: the rest arrives in the next burst, or never.
      return `\x1b[${params}`;
    default:
      return `\x1b\x1b[${params}${pick([...'ABCD~'])}`;
  }
}

/** `count` bursts of random escape sequences mixed with random bytes (none of them a lesson command). */
export function escapeBursts(random: () => number, count: number): string[] {
  return Array.from({ length: count }, () => {
    let burst = '';
    const parts = 1 + Math.floor(random() * 6);
    for (let i = 0; i < parts; i++) {
      burst +=
        random() < 0.5 ? escapeSequence(random) : Array.from({ length: 1 + Math.floor(random() * 8) }, () => byteExcept(random)).join('');
    }
    return burst;
  });
}
