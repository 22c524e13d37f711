/**
 * The tutor's state and what can be read off it. Only the session's reducer
 * (session.ts) makes new states; the frame builder and the shell read them.
 */
import {
  kindOf,
  lessonKey,
  sameLesson,
  scoreOf,
  waitingFor,
  type Answer,
  type Lesson,
  type OrderTask,
  type LessonOptions,
  type LessonRef,
  type MenuEntry,
  type Phase,
  type Situation,
  type Waiting,
} from '../lesson/index.js';
import type { Again, QuizScore } from '../progress/index.js';
import type { BoxStyle, Point } from '../layout/index.js';
import type { Scenario } from '../scenario/index.js';
import { lessonFor } from './lessons.js';
import type { PracticeState } from './practice.js';
import { isMastered, type SkillRecord } from '../mastery/index.js';
import { skillsOfQuestion } from '../practice/index.js';
import type { SelfTestScore } from '../progress/index.js';
import type { Explore } from './explore.js';
import type { Inspect } from './inspect.js';

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
  /** Explore (e, E): the file's scenario while `scenario` has the learner's values, and the line being typed. */
  explore?: Explore;
}

export interface Session {
  screen: 'menu' | 'lesson' | 'prompt' | 'practice';
  window: { columns: number; rows: number };
  /** The course, in its fixed order; undefined until the shell has read the titles. */
  course?: MenuEntry[];
  /** The learner's own files and typed graphs, most recent first. */
  own: MenuEntry[];
  /** The highlighted menu entry: the course, then the learner's own, then the two prompts. */
  menuIndex: number;
  /** The first entry in view where the window holds only part of the menu: it moves only when the highlight would leave the view. */
  menuTop: number;
  /** The digits of a lesson's number typed so far in the menu, while a longer number could still start with them (1 of 17). */
  lessonNumber?: string;
  open?: OpenLesson;
  help: boolean;
  /** The page of the help on screen, where the window holds only part of it. */
  helpPage?: number;
  quit: boolean;
  /** Predict mode: each backward step asks before it tells. */
  predict: boolean;
  /**
   * First answers in predict mode: lesson key → step → the answer given (a choice's value or a typed number), with
   * how many hints were out, since an answer after the last hint scores as helped, not right.
   */
  answers: Record<string, Record<number, Answer>>;
  /** Answers to the questions asked again at a lesson's summary: lesson key → step → the answer, with its hints. */
  retries: Record<string, Record<number, Answer>>;
  /** Questions answered wrong (or right only with every hint out), to ask again at the start of the next session (kept in progress). */
  again: Again[];
  /** Questions of `again` answered right since the start: progress drops them even if another tutor still lists them. */
  cleared: Again[];
  /** At the start of a session, the questions missed last time, asked one by one before the learner goes on. */
  review?: {
    items: Again[];
    /** Where the learner goes once they are done: the lesson they left off in, or the menu. */
    then?: { lesson: LessonRef; step: number };
    /** The answer to the first item, once given, with its hints. */
    answer?: Answer;
  };
  /** A number being typed as the answer to the waiting question. */
  typed?: { text: string; error?: string };
  /** The ordering task, once the learner has picked on its step (a lesson's, or a practice problem's): src/session/order.ts. */
  order?: OrderTask;
  /** The steps seen of lessons not open now, by lesson key, as ranges ("0-4,7"): restored when a lesson is opened again. */
  seen: Record<string, string>;
  /** Predict-mode scores of earlier sessions, by lesson key. */
  scores: Record<string, QuizScore>;
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
  /**
   * A sentence about the progress file (it could not be read at the start, or a save failed): shown in place of
   * the footer (or as the menu's notice) until the next key. The same sentence again is not news and stays hidden.
   */
  aboutProgress?: { sentence: string; showing: boolean };
  /** A practice round (`grad-tutor practice`): its problems and where the learner is in it. */
  practice?: PracticeState;
  /** Mastery per skill, as progress keeps it: each practice answer updates its skill's record. */
  skills: Record<string, SkillRecord>;
  /** The step (shown worked, its skills mastered) whose question the learner asked for all the same. */
  askWorked?: number;
  /** The self-test offered on the menu's hint row, when it is time for it (before lesson 1, after the last, a week on). */
  offer?: string;
  /** The self-test's scores, oldest first (kept in progress). */
  tests: SelfTestScore[];
  /** What the tutor is busy with while a lesson opens (its drawing laid out in the background): shown in place of the screen. */
  working?: string;
  /** Inspecting a lesson's step: the code line, one node's whole path, a node found by name (inspect.ts). */
  inspect?: Inspect;
}

export function initialSession(start: Partial<Session> & Pick<Session, 'window'>): Session {
  return {
    screen: 'menu',
    own: [],
    menuIndex: 0,
    menuTop: 0,
    help: false,
    quit: false,
    predict: false,
    answers: {},
    retries: {},
    again: [],
    cleared: [],
    seen: {},
    scores: {},
    cursor: 0,
    hints: 0,
    overwrite: false,
    scroll: 0,
    options: {},
    finished: [],
    skills: {},
    tests: [],
    ...start,
  };
}

/** The open lesson, built for the knobs as they stand. */
export function lessonOf(state: Session): Lesson | undefined {
  return state.open ? lessonFor(state.open.scenario, state.options) : undefined;
}

/** The question waiting for an answer on the current step, if any, with the step it belongs to. */
export function waitingOf(state: Session): Waiting | undefined {
  const lesson = lessonOf(state);
  if (!lesson || !state.open || state.screen !== 'lesson') return undefined;
  return waitingFor(lesson, situationOf(state));
}

/** The item of the review on screen: the open lesson at the step missed last time. */
export function reviewing(state: Session): Again | undefined {
  const item = state.review?.items[0];
  return item && state.open && sameLesson(item.lesson, state.open.lesson) && item.step === state.open.step ? item : undefined;
}

export function situationOf(state: Session): Situation {
  const open = state.open!;
  const key = lessonKey(open.lesson);
  const review = reviewing(state) && state.review;
  // An edited lesson's answers are its own: the learner's, kept in progress, were given on the file's numbers.
  const edited = open.explore?.file ? open.explore : undefined;
  return {
    step: open.step,
    predict: state.predict,
    picks: edited ? edited.answers : (state.answers[key] ?? {}),
    retries: edited ? edited.retries : state.retries[key],
    hints: state.hints,
    overwrite: state.overwrite,
    ...workedAt(state, open.step),
    ...(state.typed ? { typed: state.typed } : {}),
    ...(state.order ? { order: state.order } : {}),
    ...(review
      ? {
          review: {
            answer: review.answer,
            left: review.items.length - 1,
            then: review.then ? 'where you left off' : 'the menu',
          },
        }
      : {}),
  };
}

/**
 * Fading: in predict mode a step whose question exercises only mastered skills is shown worked, unless the
 * learner asked for it (A). Worked out for the step on screen only.
 */
function workedAt(state: Session, step: number): { worked?: { mastered: string[] } } {
  if (!state.predict || state.askWorked === step || Object.keys(state.skills).length === 0) return {};
  const skills = skillsOfQuestion(lessonOf(state)!, step);
  return skills.length > 0 && skills.every((skill) => isMastered(state.skills[skill])) ? { worked: { mastered: skills } } : {};
}

/** Predict-mode scores as they stand: earlier sessions', with this session's picks over them. */
export function scoresOf(state: Session): Record<string, QuizScore> {
  const scores = { ...state.scores };
  if (state.open) {
    const key = lessonKey(state.open.lesson);
    if (state.answers[key]) {
      const { right, helped, asked } = scoreOf(lessonFor(fileScenario(state.open)), state.answers[key]);
      scores[key] = { right, asked, ...(helped > 0 ? { helped } : {}) };
    }
  }
  return scores;
}

/** The open lesson's scenario as its file has it, edited or not: the one progress's answers were given on. */
export function fileScenario(open: OpenLesson): Scenario {
  return open.explore?.file ?? open.scenario;
}

/** The phase a step's phase counts with, for Tab and the phase bar: its kind's (the seed's is the backward pass's). */
export function phaseOf(phase: Phase): Phase {
  return kindOf(phase).phase;
}

/** The menu's lessons in order: the course, then the learner's own. */
export function menuLessons(state: Session): MenuEntry[] {
  return [...(state.course ?? []), ...state.own];
}
