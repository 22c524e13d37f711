/** How keys are written: on the footer, in the help, and in the sentences that name them. */
import { QUIZ_KEYS, TYPED_KEYS, WAITING, type Binding, type KeyName, type LessonAction } from './tables.js';

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

/** Rows for the help overlay: every key of a binding, then what it does. */
export function helpRows<A extends string>(table: Binding<A>[]): [string, string][] {
  return table.map((b) => [b.shown?.help ?? b.keys.map(showKey).join(' '), b.does]);
}

/**
 * The help's rows while a question waits: the answering keys, the typing keys
 * (where a number can be typed), then the lesson keys that still do what they
 * say, less the keys answering takes (↑ ↓ choose, so they do not scroll, nor
 * Shift+↑↓ pan). Tab skips only a question asked the first time.
 */
export function questionHelp(lesson: Binding<LessonAction>[], question: { typed: boolean; skip: boolean }): [string, string][] {
  const quiz = QUIZ_KEYS.filter((b) => (b.action !== 'type' || question.typed) && (b.action !== 'skip' || question.skip));
  const taken = new Set(quiz.flatMap((b) => b.keys));
  const still = lesson
    .filter((b) => !WAITING.includes(b.action))
    .map((b) => ({ ...b, keys: b.keys.filter((k) => !taken.has(k)) }))
    .filter((b) => b.keys.length > 0)
    .map((b) => (b.action === 'pan' ? { ...b, shown: { help: 'wasd Shift+←→', footer: b.shown?.footer ?? 'wasd' } } : b));
  return [...helpRows(quiz), ...(question.typed ? helpRows(TYPED_KEYS) : []), ...helpRows(still)];
}
