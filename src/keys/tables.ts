/**
 * The one key table. Input handling, the footer, the help overlay and every
 * sentence that names a key read it, so they never disagree (see gemini-cli's
 * keyBindings). It imports nothing: the lesson's text and the session both read it.
 */

/** A key as the tutor names it: an arrow, a named key, or a single character. */
export type KeyName =
  | 'right'
  | 'left'
  | 'up'
  | 'down'
  | 'enter'
  | 'space'
  | 'backspace'
  | 'tab'
  | 'shift-tab'
  | 'shift-right'
  | 'shift-left'
  | 'shift-up'
  | 'shift-down'
  | 'home'
  | 'end'
  | 'escape'
  | 'ctrl-c'
  | (string & {});

export type LessonAction =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'nextPhase'
  | 'previousPhase'
  | 'predict'
  | 'ask'
  | 'overwrite'
  | 'more'
  | 'less'
  | 'scroll'
  | 'pan'
  | 'edit'
  | 'restore'
  | 'help'
  | 'menu'
  | 'quit'
  | 'follow'
  | 'find'
  | 'code';
/** A lesson key on a step: NEXT_LESSON's, too, on a summary that names the next lesson. */
export type StepAction = LessonAction | 'nextLesson';
export type QuizAction = 'down' | 'up' | 'answer' | 'pick' | 'type' | 'hint' | 'skip';
export type TypedAction = 'type' | 'rule' | 'submit' | 'erase' | 'cancel' | 'quit';
export type MenuAction = 'down' | 'up' | 'open' | 'number' | 'help' | 'quit';
export type PromptAction = 'submit' | 'erase' | 'cancel' | 'quit';

export interface Binding<A extends string> {
  action: A;
  keys: KeyName[];
  /** What the key does, in the learner's words, for the help overlay. */
  does: string;
  /** A short form for the footer; bindings without one stay out of it. */
  footer?: string;
  /** The keys as the help and the footer write them, where listing each would be too long. */
  shown?: { help: string; footer: string };
  /** The key a sentence names, where it is not the first (m for the menu: Esc is first, as the footer shows). */
  named?: KeyName;
}

/** The keys of the lesson's `scroll` binding that scroll down; the others scroll up. */
export const SCROLL_DOWN: KeyName[] = ['down', 'j'];

/**
 * Which way each key of the lesson's `pan` binding moves the window onto a
 * drawing too big for the screen. Shift+arrows (what xterm, tmux and most
 * terminals send as `\x1b[1;2C` …) and w a s d, for terminals that keep
 * Shift+arrows for themselves; h j k l are taken by stepping and scrolling.
 */
export const PAN: Record<string, { row: number; col: number }> = {
  'shift-left': { row: 0, col: -1 },
  'shift-right': { row: 0, col: 1 },
  'shift-up': { row: -1, col: 0 },
  'shift-down': { row: 1, col: 0 },
  a: { row: 0, col: -1 },
  d: { row: 0, col: 1 },
  w: { row: -1, col: 0 },
  s: { row: 1, col: 0 },
};

export const LESSON_KEYS: Binding<LessonAction>[] = [
  { action: 'next', keys: ['right', 'l', 'space', 'enter'], does: 'next step', footer: 'next' },
  { action: 'previous', keys: ['left', 'h', 'backspace'], does: 'previous step', footer: 'back' },
  { action: 'first', keys: ['g', 'home'], does: 'first step' },
  { action: 'last', keys: ['G', 'end'], does: 'last step' },
  { action: 'nextPhase', keys: ['tab'], does: 'next phase (Train: the last update first)', footer: 'phase' },
  { action: 'previousPhase', keys: ['shift-tab'], does: 'previous phase (Train: its first update)' },
  { action: 'predict', keys: ['p'], does: 'predict mode (answer before you see)', footer: 'predict' },
  // Fading: a step of skills already mastered is shown worked in predict mode; A asks its question all the same.
  { action: 'ask', keys: ['A'], does: 'ask a worked step (predict mode, its skills mastered)' },
  { action: 'overwrite', keys: ['o'], does: 'replay backward with = instead of +=' },
  { action: 'more', keys: ['+', '='], does: 'larger step, sign kept (check step: h)' },
  { action: 'less', keys: ['-', '_'], does: 'smaller step, sign kept (check step: h)' },
  // One row for both directions, so the help still fits a 60×16 window.
  { action: 'scroll', keys: [...SCROLL_DOWN, 'up', 'k'], does: 'scroll text too long for the window' },
  // The footer shows it only while the drawing is cut (frame.ts).
  {
    action: 'pan',
    keys: Object.keys(PAN),
    does: 'look around a drawing the window cuts',
    footer: 'pan',
    shown: { help: 'wasd Shift+←→↑↓', footer: 'wasd' },
  },
  // Explore (src/session/explore.ts): the lesson again on another value of an input; the file is never written.
  { action: 'edit', keys: ['e'], does: 'change an input (its value; the file is never written)', footer: 'edit' },
  { action: 'restore', keys: ['E'], does: "the file's values back" },
  { action: 'help', keys: ['?'], does: 'this help', footer: 'help' },
  { action: 'menu', keys: ['escape', 'm'], does: 'back to the menu', footer: 'menu', named: 'm' },
  { action: 'quit', keys: ['q', 'ctrl-c'], does: 'quit', footer: 'quit' },
  // Explore (src/session/explore.ts). Last, so a narrow footer drops `c code` before any other.
  { action: 'follow', keys: ['f'], does: 'all paths, from a node to the output, lit (f again: the next input)' },
  { action: 'find', keys: ['/'], does: 'find a node, by name: the drawing goes to it (Tab completes)' },
  { action: 'code', keys: ['c'], does: "code line, as micrograd's _backward writes it (on or off)", footer: 'code' },
];

/** While a predict-mode question waits for an answer, these come first. */
export const QUIZ_KEYS: Binding<QuizAction>[] = [
  // Shift+↑↓ pan a drawing elsewhere; a list has nothing to pan, so they move as the plain arrows do.
  { action: 'down', keys: ['down', 'j', 'shift-down'], does: 'next answer', footer: 'choose' },
  { action: 'up', keys: ['up', 'k', 'shift-up'], does: 'previous answer' },
  { action: 'answer', keys: ['enter', 'space'], does: 'answer with the highlighted choice', footer: 'answer' },
  // The nth key answers with the nth choice.
  { action: 'pick', keys: [...'123456789'], does: 'answer with the choice of that number', shown: { help: '1-9', footer: '1-9' } },
  // A leading - or . starts the number itself; digits stay the choices' numbers.
  {
    action: 'type',
    keys: ['t', '-', '.'],
    does: 'type the number (3 significant digits) or its rule',
    footer: 'type',
  },
  { action: 'hint', keys: ['H'], does: 'a hint: the rule, its node, the numbers', footer: 'hint' },
  // Tab goes to the next phase past any question; from one waiting, too, which stays unanswered (asked if you come back).
  { action: 'skip', keys: ['tab'], does: 'skip it, unscored: on to the next phase' },
];

/**
 * The ordering task (lesson 12, practice of backward-order): the nth key runs the node numbered n next; u takes the
 * last pick back. Only on the task's step, where digits answer nothing else; the lesson's keys still work there.
 */
export const ORDER_KEYS: Binding<'pick' | 'undo'>[] = [
  { action: 'pick', keys: [...'123456789'], does: 'the order: run that node next', footer: 'pick', shown: { help: '1-9', footer: '1-9' } },
  { action: 'undo', keys: ['u'], does: 'the order: take the last node back', footer: 'undo' },
];

/** In a practice round, once a question is answered and before the verdict: how sure the learner was. */
export const PRACTICE_SURE_KEYS: Binding<'sure' | 'unsure' | 'quit'>[] = [
  { action: 'sure', keys: ['y', '1'], does: 'I was sure', footer: 'sure' },
  { action: 'unsure', keys: ['n', '2'], does: 'I was not sure', footer: 'not sure' },
  { action: 'quit', keys: ['q', 'ctrl-c'], does: 'quit (the answers so far are kept)', footer: 'quit' },
];

/** In a practice round, on a verdict: on to the next problem. */
export const PRACTICE_TOLD_KEYS: Binding<'next' | 'quit'>[] = [
  { action: 'next', keys: ['enter', 'space', 'right', 'l'], does: 'the next problem', footer: 'next' },
  { action: 'quit', keys: ['q', 'ctrl-c'], does: 'quit (the answers so far are kept)', footer: 'quit' },
];

/** In a practice round, while a question waits and at the round's end: q quits (a typed number takes every other key). */
export const PRACTICE_DONE_KEYS: Binding<'quit'>[] = [{ action: 'quit', keys: ['q', 'ctrl-c'], does: 'quit', footer: 'quit' }];

/**
 * While a typed answer is being written (after t); every other key waits, so a stray key loses nothing. At a
 * local derivative a rule can be typed too (`1 - o^2`): letters type themselves there, q as well, so only Ctrl+C quits.
 */
export const TYPED_KEYS: Binding<TypedAction>[] = [
  // A number as typed: `-1.5`, `.5`, `2e-3`; a comma is read as the decimal point.
  {
    action: 'type',
    keys: [...'0123456789.,eE+-'],
    does: 'typing a number: its digits, sign, point',
    shown: { help: '0-9 - . e', footer: '0-9' },
  },
  // ² · × − type themselves, so the parser can say what to type instead (^2, *, -).
  {
    action: 'rule',
    keys: [...'abcdfghijklmnopqrstuvwxyzABCDFGHIJKLMNOPQRSTUVWXYZ_()*/^²·×−', 'space'],
    does: 'typing a local derivative’s rule: letters, spaces, ( ) * / ^',
    shown: { help: 'a-z ( ) * / ^', footer: 'a-z' },
  },
  { action: 'submit', keys: ['enter'], does: 'typing: answer with the number or rule typed', footer: 'answer' },
  { action: 'erase', keys: ['backspace'], does: 'typing: erase a character', footer: 'erase' },
  { action: 'cancel', keys: ['escape'], does: 'typing: back to the choices', footer: 'choices' },
  { action: 'quit', keys: ['ctrl-c'], does: 'typing: quit (q does not: a rule may hold it)', footer: 'quit' },
];

/**
 * On a course lesson's summary (its last step, so there is no next one) Enter opens the lesson after it, which the
 * summary names: this binding stands in for `next` there (lessonKeysOn), for the reducer, the footer and the help.
 */
export const NEXT_LESSON: Binding<'nextLesson'> = {
  action: 'nextLesson',
  keys: ['enter'],
  does: 'on a summary: open the next lesson it names',
  footer: 'next lesson',
};

/** The lesson's keys on a step: with NEXT_LESSON in place of `next` on a summary that names the next lesson. */
export function lessonKeysOn(nextLesson: boolean): Binding<StepAction>[] {
  return nextLesson ? LESSON_KEYS.map((b) => (b.action === 'next' ? NEXT_LESSON : b)) : LESSON_KEYS;
}

/** Keys (most of them opposites) that share one row of the help where the window is short, and the row's words. */
export const PAIRS: { first: LessonAction; second: LessonAction; does: string }[] = [
  { first: 'first', second: 'last', does: 'first step, last step' },
  { first: 'nextPhase', second: 'previousPhase', does: 'next phase, previous phase' },
  { first: 'predict', second: 'ask', does: 'predict mode, ask a worked step' },
  { first: 'more', second: 'less', does: 'larger step, smaller step (check step: h)' },
  { first: 'edit', second: 'restore', does: "change an input, the file's values back" },
  // Three on one row: the pair's row goes on with the next key (shorter in frame.ts keeps the last one's action).
  { first: 'follow', second: 'find', does: 'all paths, find a node' },
  { first: 'find', second: 'code', does: 'all paths, find a node, code line' },
  // So a 60×16 window holds a lesson's keys on one page with e E and f / c.
  { first: 'menu', second: 'quit', does: 'back to the menu, quit' },
];

/**
 * The lesson keys that wait while a question does: moving on or the = replay would show the answer, a knob or an
 * edit would change the question, a node's paths or its code line would give the answer (and a name typed after /
 * could hold a digit, which answers).
 */
export const WAITING: StepAction[] = [
  'next',
  'last',
  'nextPhase',
  'overwrite',
  'more',
  'less',
  'nextLesson',
  'edit',
  'restore',
  'follow',
  'find',
  'code',
];

/** While an input to edit is picked by name (after e): every letter, digit and _ types itself; ? is none a name holds, nor a value. */
export const EDIT_KEYS: Binding<'next' | 'previous' | 'pick' | 'erase' | 'cancel' | 'help' | 'quit'>[] = [
  { action: 'next', keys: ['tab', 'down'], does: 'editing: the next input the name matches', footer: 'next' },
  { action: 'previous', keys: ['shift-tab', 'up'], does: 'editing: the one before' },
  { action: 'pick', keys: ['enter'], does: 'editing: change the input shown', footer: 'pick' },
  { action: 'erase', keys: ['backspace'], does: 'editing: erase a character' },
  { action: 'cancel', keys: ['escape'], does: 'editing: cancel, nothing changed', footer: 'cancel' },
  { action: 'help', keys: ['?'], does: 'editing: this help (what is typed stays)' },
  // Ctrl+C quits everywhere (session.ts); said here because q types itself.
  { action: 'quit', keys: ['ctrl-c'], does: 'editing: quit (q types itself in a name)' },
];

export const MENU_KEYS: Binding<MenuAction>[] = [
  { action: 'down', keys: ['down', 'j', 'shift-down'], does: 'next lesson', footer: 'move' },
  { action: 'up', keys: ['up', 'k', 'shift-up'], does: 'previous lesson' },
  { action: 'open', keys: ['enter', 'right', 'l', 'space'], does: 'open the lesson', footer: 'open' },
  // A number no lesson's number goes on from (3 of 17) opens at once; 1 waits, as 10-17 go on from it (session.ts).
  {
    action: 'number',
    keys: [...'0123456789'],
    does: 'a lesson by its number: 1 5 opens 15, 1 Enter opens 1',
    shown: { help: '0-9', footer: '0-9' },
  },
  { action: 'help', keys: ['?'], does: 'this help', footer: 'help' },
  { action: 'quit', keys: ['q', 'escape', 'ctrl-c'], does: 'quit', footer: 'quit' },
];

/** While the help is open, in a window that holds only part of it: these turn the page; any other key closes it. */
export const HELP_KEYS: Binding<'more'>[] = [
  { action: 'more', keys: ['space', 'down', 'j'], does: 'the next page of keys', footer: 'more' },
];

/** Typing a path, an expression or values: every other key types itself. */
export const PROMPT_KEYS: Binding<PromptAction>[] = [
  { action: 'submit', keys: ['enter'], does: 'go on', footer: 'go on' },
  { action: 'erase', keys: ['backspace'], does: 'erase a character', footer: 'erase' },
  { action: 'cancel', keys: ['escape'], does: 'back to the menu', footer: 'back to the menu' },
  // q types itself here.
  { action: 'quit', keys: ['ctrl-c'], does: 'quit' },
];

/** While a lesson opens in the background, only these do anything. */
export const WORKING_KEYS: Binding<'quit'>[] = [{ action: 'quit', keys: ['q', 'ctrl-c'], does: 'quit' }];
