import { isAbsolute } from 'node:path';
import { lessonKey, type LessonRef } from '../lesson/identity.js';
import type { CourseSteps } from './course.js';
import { parseRanges } from './ranges.js';
import { skillsProblem, testsProblem, type SelfTestScore } from './skills.js';
import type { SkillRecord } from '../mastery/index.js';

/**
 * The progress file's shape: its fields, its version, the limits every field
 * keeps to, how its text is read and checked, and how it is written. What the
 * learner has done, small and plain enough to read (see rustlings'
 * app_state); safe to delete: a missing file is a first run. Where it lives,
 * and reading and saving it, are in file.ts; two records merged, merge.ts.
 */

/** The version written; a version 1 file is still read. */
export const VERSION = 2;

export interface Progress {
  version: typeof VERSION;
  /** The lesson and step the learner was on; absent after finishing or at the menu. */
  current?: { lesson: LessonRef; step: number; quiz?: boolean };
  /** Keys (see lessonKey) of lessons every step of which the learner has seen. */
  finished: string[];
  /** Predict-mode scores by lesson key: right answers (and helped ones) out of questions asked. */
  quiz: Record<string, QuizScore>;
  /** The learner's own files and typed graphs, most recent first, for the menu. */
  recent: { lesson: LessonRef; title: string; expression: string }[];
  /** Predict-mode questions answered wrong or helped, to ask again at the start of the next session; written only when there are any. */
  again?: Again[];
  /** The steps seen of each lesson not finished yet, by lesson key, as ranges ("0-4,7"); written only when there are any. */
  seen?: Record<string, string>;
  /** Each skill's record (mastery, streak, FSRS card), by skill id; written only when there are any. */
  skills?: Record<string, SkillRecord>;
  /** The self-test's scores, oldest first; written only when there are any. */
  tests?: SelfTestScore[];
}

/**
 * A lesson's predict-mode score: right answers, and those right only once every
 * hint was out (the last shows the numbers), of the questions asked. `helped`
 * is written only when there are any, and a file from before it reads as none.
 */
export interface QuizScore {
  right: number;
  asked: number;
  helped?: number;
}

/** A question to ask again: the step of a lesson whose question was answered wrong, or right only with every hint out. */
export interface Again {
  lesson: LessonRef;
  step: number;
}

export const EMPTY: Progress = { version: VERSION, finished: [], quiz: {}, recent: [] };

/** How many of the learner's own lessons the menu remembers. */
export const RECENT = 10;

/** How many questions to ask again progress keeps: the most recent misses. */
export const AGAIN = 50;

/**
 * The bounds that keep every save the same cost however long the learner's
 * history: a file larger than LIMITS.bytes is not read, and what the tutor writes
 * stays well under it (at most about 770 KB with every bound reached, 66 KB of
 * it the skills and self-test scores of skills.ts; a few kilobytes in
 * practice). A file past any of them was not written by the tutor, and is
 * moved aside.
 */
export const LIMITS = {
  bytes: 1024 * 1024,
  /** Characters in any text: a lesson's key, a path, a title. A longer lesson's progress is not kept; a longer title is cut. */
  text: 1024,
  /** Lessons outside the course (your own files and typed graphs, and lessons no longer bundled) kept in each record: the most recent. */
  own: 50,
  /** Ranges of steps seen per lesson: a lesson seen in more scattered pieces keeps its first ones. */
  ranges: 256,
  /** The highest step kept of a lesson outside the course, whose length is not known without reading it. */
  step: 10_000_000,
};

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/** Why a file is not one the tutor wrote: thrown by the checks, caught where the file is read. */
export class Refused extends Error {}

/**
 * The progress a file's text holds, every field checked against the bounds
 * and the lessons it names, so a file that parses can never crash a reader or
 * make a save cost more later. Refused when it is not a file the tutor wrote.
 */
export function parseProgress(text: string, course: CourseSteps): Progress {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Refused('it is not valid JSON');
  }
  if (!isObject(data)) throw new Refused('it is not a JSON object');
  if (data.version === 1) return fromVersion1(data, course);
  if (data.version !== VERSION) throw new Refused(`its version is ${JSON.stringify(data.version)?.slice(0, 20)}, not ${VERSION}`);
  const check = checker(course);
  const { current, finished, quiz, recent, again, seen, skills, tests } = data;
  check.keys('finished', finished);
  check.scores(quiz);
  if (current !== undefined) check.place('current', current, true);
  if (recent !== undefined) {
    if (!Array.isArray(recent) || recent.length > RECENT) throw new Refused(`recent is not a list of at most ${RECENT} lessons`);
    for (const r of recent) {
      if (!isObject(r)) throw new Refused('recent holds something other than a lesson');
      check.ref('recent', r.lesson);
      check.text('recent', r.title);
      check.text('recent', r.expression);
    }
  }
  if (again !== undefined) {
    if (!Array.isArray(again) || again.length > AGAIN) throw new Refused(`again is not a list of at most ${AGAIN} questions`);
    for (const a of again) check.place('again', a, false);
  }
  if (seen !== undefined) check.seen(seen);
  const practice = (skills !== undefined ? skillsProblem(skills) : undefined) ?? (tests !== undefined ? testsProblem(tests) : undefined);
  if (practice) throw new Refused(practice);
  // A file without the list of recent lessons: an empty one, which a merge can extend.
  return { ...data, recent: recent ?? [] } as unknown as Progress;
}

/** Version 1 named every lesson by its file's base name: its finished ids were bundled ids, and its current lesson a file. */
function fromVersion1(data: Record<string, unknown>, course: CourseSteps): Progress {
  const { finished, quiz, current } = data;
  const check = checker(course);
  check.keys('finished', finished);
  check.scores(quiz);
  const progress: Progress = { version: VERSION, finished: finished as string[], quiz: quiz as Progress['quiz'], recent: [] };
  if (isObject(current) && typeof current.id === 'string' && isCount(current.step)) {
    const place = { lesson: { kind: 'bundled', id: current.id }, step: current.step };
    check.place('current', place, false);
    progress.current = place as Progress['current'];
  }
  return progress;
}

const counted = (n: number) => n.toLocaleString('en-US');

/** A lesson's key as the sentence names it: a long one cut, so the sentence stays a sentence. */
const named = (key: string) => (key.length > 60 ? `${key.slice(0, 59)}…` : key);

/** The checks, each throwing Refused with what is wrong and where. */
function checker(course: CourseSteps) {
  const text = (field: string, x: unknown): string => {
    if (typeof x !== 'string') throw new Refused(`${field} holds something other than text`);
    if (x.length > LIMITS.text)
      throw new Refused(`${field} has a text of ${counted(x.length)} characters, more than ${counted(LIMITS.text)}`);
    return x;
  };
  /** Lessons outside the course are bounded in number; the course is bounded by itself. */
  const ownAtMost = (field: string, keys: string[]) => {
    const own = keys.filter((k) => !course.has(k)).length;
    if (own > LIMITS.own) throw new Refused(`${field} names ${counted(own)} lessons outside the course, more than ${LIMITS.own}`);
  };
  const lastStep = (field: string, key: string, step: number) => {
    const length = stepsOf(key, course);
    if (step >= length)
      throw new Refused(
        course.has(key)
          ? `${field} names step ${step}, past the ${length} steps of the lesson`
          : `${field} names step ${step}, more than ${counted(LIMITS.step)}`,
      );
  };
  const ref = (field: string, x: unknown): LessonRef => {
    if (!isLessonRef(x)) throw new Refused(`${field} holds something other than a lesson`);
    text(field, lessonKey(x));
    return x;
  };
  return {
    text,
    ref,
    keys(field: string, x: unknown) {
      if (!Array.isArray(x)) throw new Refused(`${field} is not a list`);
      for (const key of x) text(field, key);
      if (new Set(x).size !== x.length) throw new Refused(`${field} names a lesson twice`);
      ownAtMost(field, x as string[]);
    },
    scores(x: unknown) {
      if (!isObject(x)) throw new Refused('quiz is not an object');
      for (const [key, score] of Object.entries(x)) {
        text('quiz', key);
        const refused = new Refused(`quiz.${named(key)} is not a score of right and helped answers out of questions asked`);
        if (!isObject(score)) throw refused;
        const helped = score.helped === undefined ? 0 : score.helped;
        if (!isCount(score.right) || !isCount(score.asked) || !isCount(helped) || score.right + helped > score.asked) throw refused;
      }
      ownAtMost('quiz', Object.keys(x));
    },
    /** A lesson and a step in it; `quiz` marks the current lesson, which may say it is in predict mode. */
    place(field: string, x: unknown, quiz: boolean) {
      if (!isObject(x) || !isCount(x.step)) throw new Refused(`${field} is not a lesson and a step`);
      if (quiz && x.quiz !== undefined && typeof x.quiz !== 'boolean') throw new Refused(`${field}.quiz is neither true nor false`);
      lastStep(field, lessonKey(ref(field, x.lesson)), x.step);
    },
    seen(x: unknown) {
      if (!isObject(x)) throw new Refused('seen is not an object');
      for (const [key, value] of Object.entries(x)) {
        const field = `seen.${named(text('seen', key))}`;
        const ranges = typeof value === 'string' ? parseRanges(value) : undefined;
        if (!ranges) throw new Refused(`${field} is not ranges of steps in order, like "0-4,7"`);
        if (ranges.length > LIMITS.ranges) throw new Refused(`${field} has ${counted(ranges.length)} ranges, more than ${LIMITS.ranges}`);
        if (ranges.length > 0) lastStep(field, key, ranges[ranges.length - 1][1]);
      }
      ownAtMost('seen', Object.keys(x));
    },
  };
}

function isLessonRef(x: unknown): x is LessonRef {
  if (!isObject(x)) return false;
  if (x.kind === 'bundled') return typeof x.id === 'string';
  if (x.kind === 'file') return typeof x.path === 'string' && isAbsolute(x.path);
  return x.kind === 'typed' && typeof x.expression === 'string' && Array.isArray(x.values) && x.values.every((v) => typeof v === 'string');
}

/** How many steps a lesson may name: a bundled lesson's own count; one outside the course, whose length is not known, up to LIMITS.step. */
export function stepsOf(key: string, course: CourseSteps): number {
  return course.has(key) ? course.steps(key) : LIMITS.step + 1;
}

/** Every key of the course, and the last LIMITS.own of the rest (the most recent: keys are in the order they were first recorded). */
export function kept(keys: string[], course: CourseSteps): string[] {
  let own = keys.filter((k) => !course.has(k)).length;
  return keys.filter((k) => course.has(k) || own-- <= LIMITS.own);
}

/** The file's text: indented, so a person can read it. */
export function progressText(progress: Progress): string {
  return JSON.stringify(progress, null, 2) + '\n';
}
