/**
 * The tutor's state and what can be read off it. Only the session's reducer
 * (session.ts) makes new states; the frame builder and the shell read them.
 */
import {
  lessonKey,
  scoreOf,
  waitingQuestion,
  type Lesson,
  type LessonOptions,
  type LessonRef,
  type MenuEntry,
  type Phase,
  type Question,
  type Situation,
} from '../lesson/index.js';
import type { BoxStyle, Point } from '../layout/index.js';
import type { Scenario } from '../scenario/index.js';
import { lessonFor } from './lessons.js';

/** The two menu entries after the lessons, which ask for text. */
export type PromptKind = 'file' | 'expr' | 'values';

export interface Prompt {
  kind: PromptKind;
  text: string;
  /** The expression kept while its values are asked. */
  expression?: string;
  error?: string;
}

/** The lesson on screen. */
export interface OpenLesson {
  lesson: LessonRef;
  scenario: Scenario;
  step: number;
  /** Which steps the learner has had on screen: the lesson is finished when all have. */
  seen: boolean[];
}

export interface Session {
  screen: 'menu' | 'lesson' | 'prompt';
  window: { columns: number; rows: number };
  /** The course, in its fixed order; undefined until the shell has read the titles. */
  course?: MenuEntry[];
  /** The learner's own files and typed graphs, most recent first. */
  own: MenuEntry[];
  /** The highlighted menu entry: the course, then the learner's own, then the two prompts. */
  menuIndex: number;
  open?: OpenLesson;
  help: boolean;
  quit: boolean;
  /** Predict mode: each backward step asks before it tells. */
  predict: boolean;
  /** Picks in predict mode: lesson key → step → the choice picked. */
  answers: Record<string, Record<number, number>>;
  /** Predict-mode scores of earlier sessions, by lesson key. */
  scores: Record<string, { right: number; asked: number }>;
  /** The highlighted choice of the waiting question, and how many hints are out. */
  cursor: number;
  hints: number;
  /** Showing the backward pass as the = bug would have it. */
  overwrite: boolean;
  /** Lines of the step's text scrolled past, in a window too short for all of it. */
  scroll: number;
  /** Where the window onto a drawing too big for the screen sits, so stepping moves it only as far as it must. */
  origin?: Point;
  /** The box style of that window: the origin means something only in the style it was taken in. */
  style?: BoxStyle;
  /** The learner moved the window (the pan keys): it stays where they put it until the next step. */
  panned?: boolean;
  options: LessonOptions;
  /** Keys of lessons every step of which the learner has seen, this session or before: the menu's ✓. */
  finished: string[];
  prompt?: Prompt;
  /** A sentence for the menu, such as why the lesson to resume could not be opened. */
  notice?: string;
}

export function initialSession(start: Partial<Session> & Pick<Session, 'window'>): Session {
  return {
    screen: 'menu',
    own: [],
    menuIndex: 0,
    help: false,
    quit: false,
    predict: false,
    answers: {},
    scores: {},
    cursor: 0,
    hints: 0,
    overwrite: false,
    scroll: 0,
    options: {},
    finished: [],
    ...start,
  };
}

/** The open lesson, built for the knobs as they stand. */
export function lessonOf(state: Session): Lesson | undefined {
  return state.open ? lessonFor(state.open.scenario, state.options) : undefined;
}

/** The question waiting for an answer on the current step, if any. */
export function questionOf(state: Session): Question | undefined {
  const lesson = lessonOf(state);
  if (!lesson || !state.open || state.screen !== 'lesson') return undefined;
  return waitingQuestion(lesson, situationOf(state));
}

export function situationOf(state: Session): Situation {
  const open = state.open!;
  return {
    step: open.step,
    predict: state.predict,
    picks: state.answers[lessonKey(open.lesson)] ?? {},
    hints: state.hints,
    overwrite: state.overwrite,
  };
}

/** Predict-mode scores as they stand: earlier sessions', with this session's picks over them. */
export function scoresOf(state: Session): Record<string, { right: number; asked: number }> {
  const scores = { ...state.scores };
  if (state.open) {
    const key = lessonKey(state.open.lesson);
    if (state.answers[key]) scores[key] = scoreOf(lessonFor(state.open.scenario), state.answers[key]);
  }
  return scores;
}

/** Tab moves to the first step of the next phase; the seed counts with the backward pass. */
export function phaseOf(phase: Phase): Phase {
  return phase === 'seed' ? 'backward' : phase;
}

/** The menu's lessons in order: the course, then the learner's own. */
export function menuLessons(state: Session): MenuEntry[] {
  return [...(state.course ?? []), ...state.own];
}
