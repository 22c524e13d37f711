import type { Phase, Step } from '../lesson/index.js';
import { actionFor, LESSON_KEYS, MENU_KEYS, type KeyName } from './keys.js';

/**
 * Everything the tutor remembers, moved only by this reducer. Ink can run a
 * stale input handler when keys arrive in one burst; a reducer always sees
 * the latest state, so `↓ ↓ Enter` in one write opens the third lesson.
 */
export interface TutorState {
  screen: 'menu' | 'lesson';
  /** The highlighted menu entry. */
  menuIndex: number;
  /** The open lesson's id, and the step shown. */
  lessonId?: string;
  step: number;
  help: boolean;
  quit: boolean;
}

/** What the reducer needs to know about the lessons, without holding them. */
export interface Lessons {
  /** Menu entries, in order: each opens the lesson with that id. */
  ids: string[];
  /** A lesson by id (cached: asking twice costs nothing). */
  lesson(id: string): { steps: Step[] };
}

export type TutorEvent = { type: 'key'; key: KeyName } | { type: 'open'; id: string; step?: number };

export function initialState(course: Lessons, resume?: { id: string; step: number }): TutorState {
  const base: TutorState = { screen: 'menu', menuIndex: 0, step: 0, help: false, quit: false };
  if (!resume || !course.ids.includes(resume.id)) return base;
  return { ...base, screen: 'lesson', lessonId: resume.id, menuIndex: course.ids.indexOf(resume.id), step: clampStep(course, resume.id, resume.step) };
}

function clampStep(course: Lessons, id: string, step: number): number {
  return Math.max(0, Math.min(course.lesson(id).steps.length - 1, step));
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

export function reduce(course: Lessons, state: TutorState, event: TutorEvent): TutorState {
  if (state.quit) return state;
  if (event.type === 'open') {
    return { ...state, screen: 'lesson', lessonId: event.id, step: clampStep(course, event.id, event.step ?? 0), help: false };
  }
  const { key } = event;
  if (key === 'ctrl-c') return { ...state, quit: true };
  if (state.help) return { ...state, help: false };
  return state.screen === 'menu' ? menuKey(course, state, key) : lessonKey(course, state, key);
}

function menuKey(course: Lessons, state: TutorState, key: KeyName): TutorState {
  const count = course.ids.length;
  switch (actionFor(MENU_KEYS, key)) {
    case 'down':
      return { ...state, menuIndex: (state.menuIndex + 1) % count };
    case 'up':
      return { ...state, menuIndex: (state.menuIndex - 1 + count) % count };
    case 'open': {
      const id = course.ids[state.menuIndex];
      return { ...state, screen: 'lesson', lessonId: id, step: 0 };
    }
    case 'help':
      return { ...state, help: true };
    case 'quit':
      return { ...state, quit: true };
    default:
      // Digits open a lesson directly, as the menu shows them numbered.
      if (/^[1-9]$/.test(key) && Number(key) <= count) {
        return { ...state, menuIndex: Number(key) - 1, screen: 'lesson', lessonId: course.ids[Number(key) - 1], step: 0 };
      }
      return state;
  }
}

function lessonKey(course: Lessons, state: TutorState, key: KeyName): TutorState {
  const steps = course.lesson(state.lessonId!).steps;
  const last = steps.length - 1;
  switch (actionFor(LESSON_KEYS, key)) {
    case 'next':
      return { ...state, step: Math.min(last, state.step + 1) };
    case 'previous':
      return { ...state, step: Math.max(0, state.step - 1) };
    case 'first':
      return { ...state, step: 0 };
    case 'last':
      return { ...state, step: last };
    case 'nextPhase':
      return { ...state, step: jumpPhase(steps, state.step, 1) };
    case 'previousPhase':
      return { ...state, step: jumpPhase(steps, state.step, -1) };
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
