/**
 * Ink's key events as the tutor's key names, which the session's key table
 * (src/keys/tables.ts) binds to actions.
 */
import type { KeyName } from '../keys/index.js';

/** The flags Ink's useInput passes, as far as the tutor cares. */
export interface InkKey {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  return: boolean;
  escape: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
  home: boolean;
  end: boolean;
  ctrl: boolean;
  shift: boolean;
  /** Alt (or Esc as a prefix): Alt+Q is not q, so it must not quit. */
  meta?: boolean;
}

const CHARS: Record<string, KeyName> = {
  '\r': 'enter',
  '\n': 'enter',
  '\t': 'tab',
  '\x7f': 'backspace',
  '\b': 'backspace',
  ' ': 'space',
  '\x03': 'ctrl-c',
  '\x1b': 'escape',
};

/**
 * Ink hands over a burst of plain characters ("llll", "jj\r") as one event
 * with the whole string, and escape sequences one by one. Split the plain
 * ones, so ten `l` typed at once are ten steps.
 */
export function keysOf(input: string, key: InkKey): KeyName[] {
  // Shift+arrow pans the drawing; Ink reports `\x1b[1;2C` as the arrow with `shift`.
  const shift = key.shift && !key.ctrl && !key.meta ? 'shift-' : '';
  if (key.rightArrow) return [`${shift}right`];
  if (key.leftArrow) return [`${shift}left`];
  if (key.upArrow) return [`${shift}up`];
  if (key.downArrow) return [`${shift}down`];
  if (key.home) return ['home'];
  if (key.end) return ['end'];
  if (key.tab) return [key.shift ? 'shift-tab' : 'tab'];
  if (key.return) return ['enter'];
  // Ink 6.8 reports the Backspace key (\x7f) as `delete`.
  if (key.backspace || key.delete) return ['backspace'];
  if (key.escape) return ['escape'];
  // Alt+letter names no key of the tutor's; taken as the letter, Alt+M would open the menu and Alt+Q quit.
  if (key.meta) return [];
  if (key.ctrl && input === 'c') return ['ctrl-c'];
  if (key.ctrl) return [];
  return [...input].map((ch) => CHARS[ch] ?? ch);
}
