import type { Phase, Question, Step } from '../lesson/index.js';
import { actionFor, LESSON_KEYS, MENU_KEYS, PROMPT_KEYS, QUIZ_KEYS, SCROLL_DOWN, type KeyName } from './keys.js';

/** The knobs a learner turns: the nudge rate and the numeric check's h. */
export interface Knobs {
  rate?: number;
  h?: number;
}

/** The two menu entries after the lessons, which ask for text. */
export type PromptKind = 'file' | 'expr' | 'values';

/**
 * Everything the tutor remembers, moved only by this reducer. Ink can run a
 * stale input handler when keys arrive in one burst; a reducer always sees
 * the latest state, so `↓ ↓ Enter` in one write opens the third lesson.
 */
export interface TutorState {
  screen: 'menu' | 'lesson' | 'prompt';
  /** The highlighted menu entry: a lesson, or one of the two prompts after them. */
  menuIndex: number;
  /** The open lesson's id, and the step shown. */
  lessonId?: string;
  step: number;
  help: boolean;
  quit: boolean;
  /** Predict mode: each backward step asks before it tells. */
  quiz: boolean;
  /** Picks in predict mode: lesson id → step → the choice picked. */
  answers: Record<string, Record<number, number>>;
  /** The highlighted choice of the open question, and how many hints are out. */
  cursor: number;
  hints: number;
  /** Showing the backward pass as the = bug would have it. */
  overwrite: boolean;
  /** Lines of the step's text scrolled past, in a window too short for all of it. */
  scroll: number;
  knobs: Knobs;
  /** Ids of lessons stepped through to the end, this session or before: the menu's ✓. */
  finished: string[];
  /** Text being typed at a prompt, the expression kept while values are asked, and the last error. */
  prompt?: { kind: PromptKind; text: string; expression?: string; error?: string };
}

/** What the reducer needs of the course, without holding it. Every call is cached and has no visible effect. */
export interface Lessons {
  /** Lesson ids, in menu order. */
  ids: string[];
  lesson(id: string, knobs?: Knobs): { steps: Step[]; nudge: { rate: number }; h: number };
  /** The predict-mode question of a step, if it has one (backward steps do). */
  question(id: string, step: number): Question | undefined;
  /** Load a file, or a typed expression and its values; the new lesson's id, or the sentence that says what is wrong. */
  open(kind: 'file', text: string): { id: string } | { error: string };
  open(kind: 'expr', text: string, values: string): { id: string } | { error: string };
}

/**
 * A key, and how far the step's text on screen can scroll (the view knows;
 * without it, scrolling is not bounded here and the view stops it instead).
 */
export type TutorEvent = { type: 'key'; key: KeyName; scrollLimit?: number };

export function initialState(course: Pick<Lessons, 'ids' | 'lesson'>, resume?: { id: string; step: number }, quiz = false, finished: string[] = []): TutorState {
  const base: TutorState = { screen: 'menu', menuIndex: 0, step: 0, help: false, quit: false, quiz, answers: {}, cursor: 0, hints: 0, overwrite: false, scroll: 0, knobs: {}, finished };
  if (!resume || !course.ids.includes(resume.id)) return base;
  const last = course.lesson(resume.id).steps.length - 1;
  return { ...base, screen: 'lesson', lessonId: resume.id, menuIndex: course.ids.indexOf(resume.id), step: Math.max(0, Math.min(last, resume.step)) };
}

/** Tab moves to the first step of the next phase; the seed counts with the backward pass. */
export function phaseOf(phase: Phase): Phase {
  return phase === 'seed' ? 'backward' : phase;
}

function jumpPhase(steps: Step[], from: number, direction: 1 | -1): number {
  const here = phaseOf(steps[from].phase);
  if (direction === 1) {
    const next = steps.findIndex((s, i) => i > from && phaseOf(s.phase) !== here);
    return next === -1 ? steps.length - 1 : next;
  }
  // Back: to the start of this phase, or if already there, to the start of the one before.
  let i = from;
  while (i > 0 && phaseOf(steps[i - 1].phase) === here) i--;
  if (i < from) return i;
  if (i === 0) return 0;
  const before = phaseOf(steps[i - 1].phase);
  while (i > 0 && phaseOf(steps[i - 1].phase) === before) i--;
  return i;
}

/** Rates a learner steps through with + and -: crossing zero turns ascent into descent. */
export const RATES = [-0.5, -0.2, -0.1, -0.05, -0.02, -0.01, -0.005, -0.001, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5];
/** Steps for the numeric check, from coarse to so fine that rounding error takes over. */
export const HS = [1e-12, 1e-10, 1e-8, 1e-6, 1e-5, 1e-4, 0.001, 0.01, 0.1, 1];

/** The next value up or down a ladder from wherever `value` sits, even between rungs. */
export function stepLadder(ladder: number[], value: number, direction: 1 | -1): number {
  if (direction === 1) return ladder.find((x) => x > value + 1e-15) ?? ladder[ladder.length - 1];
  return [...ladder].reverse().find((x) => x < value - 1e-15) ?? ladder[0];
}

/** The open question of the current step, if predict mode is on and it waits for an answer. */
export function openQuestion(course: Lessons, state: TutorState): Question | undefined {
  if (!state.quiz || state.screen !== 'lesson' || !state.lessonId) return undefined;
  if (state.answers[state.lessonId]?.[state.step] !== undefined) return undefined;
  return course.question(state.lessonId, state.step);
}

/** How many predict-mode answers of a lesson were right, out of how many given. */
export function score(course: Lessons, state: TutorState, id: string): { right: number; asked: number } {
  const picks = Object.entries(state.answers[id] ?? {});
  const right = picks.filter(([step, pick]) => course.question(id, Number(step))?.choices[pick]?.right).length;
  return { right, asked: picks.length };
}

export function reduce(course: Lessons, state: TutorState, event: TutorEvent): TutorState {
  if (state.quit) return state;
  const { key } = event;
  if (key === 'ctrl-c') return { ...state, quit: true };
  if (state.help) return { ...state, help: false };
  if (state.screen === 'prompt') return promptKey(course, state, key);
  if (state.screen === 'menu') return menuKey(course, state, key);
  return lessonKey(course, state, key, event.scrollLimit ?? Number.POSITIVE_INFINITY);
}

/** One place on in a list that wraps around at both ends (the menu, a question's choices). */
function cycle(index: number, by: 1 | -1, count: number): number {
  return (index + by + count) % count;
}

/** Open a lesson at its first step with everything per-lesson reset. */
function openLesson(state: TutorState, id: string): TutorState {
  return { ...state, screen: 'lesson', lessonId: id, step: 0, cursor: 0, hints: 0, overwrite: false, scroll: 0, knobs: {}, prompt: undefined };
}

function menuKey(course: Lessons, state: TutorState, key: KeyName): TutorState {
  // The lessons, then "open a file", then "type a graph".
  const count = course.ids.length + 2;
  switch (actionFor(MENU_KEYS, key)) {
    case 'down':
      return { ...state, menuIndex: cycle(state.menuIndex, 1, count) };
    case 'up':
      return { ...state, menuIndex: cycle(state.menuIndex, -1, count) };
    case 'open':
      if (state.menuIndex === course.ids.length) return { ...state, screen: 'prompt', prompt: { kind: 'file', text: '' } };
      if (state.menuIndex === course.ids.length + 1) return { ...state, screen: 'prompt', prompt: { kind: 'expr', text: '' } };
      return openLesson(state, course.ids[state.menuIndex]);
    case 'help':
      return { ...state, help: true };
    case 'quit':
      return { ...state, quit: true };
    default:
      // Digits open a lesson directly, as the menu shows them numbered.
      if (/^[1-9]$/.test(key) && Number(key) <= course.ids.length) {
        return openLesson({ ...state, menuIndex: Number(key) - 1 }, course.ids[Number(key) - 1]);
      }
      return state;
  }
}

/** Typing a path, an expression or values (PROMPT_KEYS); every other key types itself. */
function promptKey(course: Lessons, state: TutorState, key: KeyName): TutorState {
  const prompt = state.prompt!;
  switch (actionFor(PROMPT_KEYS, key)) {
    case 'cancel':
      return { ...state, screen: 'menu', prompt: undefined };
    case 'erase':
      return { ...state, prompt: { ...prompt, text: prompt.text.slice(0, -1), error: undefined } };
    case 'submit': {
      if (prompt.kind === 'expr') return { ...state, prompt: { kind: 'values', text: '', expression: prompt.text } };
      const result = prompt.kind === 'file' ? course.open('file', prompt.text.trim()) : course.open('expr', prompt.expression ?? '', prompt.text);
      if ('error' in result) {
        // A bad expression sends the learner back to fix it; a bad value stays here.
        const back = prompt.kind === 'values' && result.error.startsWith('expression:');
        return { ...state, prompt: back ? { kind: 'expr', text: prompt.expression ?? '', error: result.error } : { ...prompt, error: result.error } };
      }
      return openLesson({ ...state, menuIndex: Math.max(0, course.ids.indexOf(result.id)) }, result.id);
    }
    default: {
      const typed = key === 'space' ? ' ' : key;
      if ([...typed].length !== 1) return state;
      return { ...state, prompt: { ...prompt, text: prompt.text + typed, error: undefined } };
    }
  }
}

function quizKey(course: Lessons, state: TutorState, key: KeyName, question: Question): TutorState | undefined {
  const count = question.choices.length;
  const answer = (pick: number): TutorState => {
    const id = state.lessonId!;
    return { ...state, answers: { ...state.answers, [id]: { ...state.answers[id], [state.step]: pick } } };
  };
  switch (actionFor(QUIZ_KEYS, key)) {
    case 'down':
      return { ...state, cursor: cycle(state.cursor, 1, count) };
    case 'up':
      return { ...state, cursor: cycle(state.cursor, -1, count) };
    case 'answer':
      return answer(state.cursor);
    case 'hint':
      return { ...state, hints: Math.min(2, state.hints + 1) };
    default:
      if (/^[1-9]$/.test(key) && Number(key) <= count) return answer(Number(key) - 1);
      // The tutor waits for an answer: moving on would show it.
      if (actionFor(LESSON_KEYS, key) === 'next') return state;
      return undefined;
  }
}

function lessonKey(course: Lessons, state: TutorState, key: KeyName, scrollLimit: number): TutorState {
  const question = openQuestion(course, state);
  if (question) {
    const handled = quizKey(course, state, key, question);
    if (handled) return handled;
  }
  const lesson = course.lesson(state.lessonId!, state.knobs);
  const last = lesson.steps.length - 1;
  const go = (step: number): TutorState => {
    if (step === state.step) return state;
    const id = state.lessonId!;
    // Reaching the last step finishes the lesson, so the menu can mark it at once.
    const finished = step === last && !state.finished.includes(id) ? [...state.finished, id] : state.finished;
    return { ...state, step, cursor: 0, hints: 0, scroll: 0, finished };
  };
  switch (actionFor(LESSON_KEYS, key)) {
    case 'next':
      return go(Math.min(last, state.step + 1));
    case 'previous':
      return go(Math.max(0, state.step - 1));
    case 'first':
      return go(0);
    case 'last':
      return go(last);
    case 'nextPhase':
      return go(jumpPhase(lesson.steps, state.step, 1));
    case 'previousPhase':
      return go(jumpPhase(lesson.steps, state.step, -1));
    case 'predict':
      return { ...state, quiz: !state.quiz, cursor: 0, hints: 0, scroll: 0 };
    case 'overwrite':
      return { ...state, overwrite: !state.overwrite, scroll: 0 };
    case 'scroll':
      return SCROLL_DOWN.includes(key)
        ? { ...state, scroll: Math.min(scrollLimit, state.scroll + 1) }
        : { ...state, scroll: Math.max(0, Math.min(scrollLimit, state.scroll) - 1) };
    case 'more':
    case 'less': {
      const direction = actionFor(LESSON_KEYS, key) === 'more' ? 1 : -1;
      if (lesson.steps[state.step].phase === 'check') return { ...state, knobs: { ...state.knobs, h: stepLadder(HS, lesson.h, direction) } };
      return { ...state, knobs: { ...state.knobs, rate: stepLadder(RATES, lesson.nudge.rate, direction) } };
    }
    case 'help':
      return { ...state, help: true };
    case 'menu':
      return { ...state, screen: 'menu' };
    case 'quit':
      return { ...state, quit: true };
    default:
      return state;
  }
}
