/** How keys are written: on the footer, in the help, and in the sentences that name them. */
import { QUIZ_KEYS, TYPED_KEYS, WAITING, type Binding, type KeyName } from './tables.js';

const SHOWN: Record<string, string> = {
  right: '→',
  left: '←',
  up: '↑',
  down: '↓',
  enter: 'Enter',
  space: 'Space',
  backspace: 'Backspace',
  tab: 'Tab',
  'shift-tab': 'Shift+Tab',
  'shift-right': 'Shift+→',
  'shift-left': 'Shift+←',
  'shift-up': 'Shift+↑',
  'shift-down': 'Shift+↓',
  home: 'Home',
  end: 'End',
  escape: 'Esc',
  'ctrl-c': 'Ctrl+C',
};

export function showKey(key: KeyName): string {
  return SHOWN[key] ?? key;
}

export function bindingOf<A extends string>(table: Binding<A>[], action: A): Binding<A> {
  const binding = table.find((b) => b.action === action);
  if (!binding) throw new Error(`no binding for ${action}`);
  return binding;
}

/** The key a sentence names for an action: `m` for the menu, `t` to type an answer. */
export function keyOf<A extends string>(table: Binding<A>[], action: A): string {
  const binding = bindingOf(table, action);
  return showKey(binding.named ?? binding.keys[0]);
}

/** The keys of actions side by side in a sentence: `+ / -` for a larger and a smaller step. */
export function keysFor<A extends string>(table: Binding<A>[], ...actions: A[]): string {
  return actions.map((action) => keyOf(table, action)).join(' / ');
}

/** The key that answers a question with its choice `i` (from 0): `1` for the first. */
export function choiceKey(i: number): string {
  return showKey(bindingOf(QUIZ_KEYS, 'pick').keys[i]);
}

/** The keys that answer a question of `count` choices, as a sentence writes the range: `1–4`. */
export function choiceKeys(count: number): string {
  const keys = bindingOf(QUIZ_KEYS, 'pick').keys;
  return `${showKey(keys[0])}–${showKey(keys[Math.min(count, keys.length) - 1])}`;
}

export function actionFor<A extends string>(table: Binding<A>[], key: KeyName): A | undefined {
  return table.find((binding) => binding.keys.includes(key))?.action;
}

/**
 * "→ next  ← back  Tab phase …": the first key of each footer binding. In a
 * narrow window the middle entries go first; help and quit always stay, so
 * the way to every other key is always on screen.
 */
export function footerText<A extends string>(table: Binding<A>[], width = Infinity): string {
  const entries = table
    .filter((b) => b.footer)
    .map((b) => ({ action: b.action as string, text: `${b.shown?.footer ?? showKey(b.keys[0])} ${b.footer}` }));
  const join = () => entries.map((e) => e.text).join('  ');
  while (join().length > width && entries.length > 2) {
    const droppable = entries.findLastIndex((e, i) => i > 0 && e.action !== 'help' && e.action !== 'quit');
    if (droppable === -1) break;
    entries.splice(droppable, 1);
  }
  return join();
}

/** A row of the help overlay: every key of a binding, what it does, and its action (PAIRS finds rows by it). */
export type HelpRow = [keys: string, does: string, action: string];

export function helpRows<A extends string>(table: Binding<A>[]): HelpRow[] {
  return table.map((b) => [b.shown?.help ?? b.keys.map(showKey).join(' '), b.does, b.action]);
}

/**
 * The help's rows while a question waits: the answering keys, the typing keys
 * (where a number can be typed), then the lesson keys that still do what they
 * say, less the keys answering takes (↑ ↓ choose, so they do not scroll, nor
 * Shift+↑↓ pan). Tab skips only a question asked the first time.
 */
export function questionHelp(lesson: Binding<string>[], question: { typed: boolean; skip: boolean }): HelpRow[] {
  const quiz = QUIZ_KEYS.filter((b) => (b.action !== 'type' || question.typed) && (b.action !== 'skip' || question.skip));
  const taken = new Set(quiz.flatMap((b) => b.keys));
  const still = lesson
    .filter((b) => !(WAITING as string[]).includes(b.action))
    .map((b) => ({ ...b, keys: b.keys.filter((k) => !taken.has(k)) }))
    .filter((b) => b.keys.length > 0)
    .map((b) => (b.action === 'pan' ? { ...b, shown: { help: 'wasd Shift+←→', footer: b.shown?.footer ?? 'wasd' } } : b));
  // The typing keys as t begins them; a rule's letters, and Ctrl+C in place of q, once typing (typingHelp).
  const typing = TYPED_KEYS.filter((b) => b.action !== 'rule' && b.action !== 'quit');
  return [...helpRows(quiz), ...(question.typed ? helpRows(typing) : []), ...helpRows(still)];
}

/** The help's rows while an answer is typed: the typing keys (a rule's where one can be typed), and ? for this help. */
export function typingHelp(rule: boolean): HelpRow[] {
  return helpRows(TYPED_KEYS.filter((b) => b.action !== 'rule' || rule));
}
