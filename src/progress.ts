import { closeSync, constants, fstatSync, openSync, readSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { lessonKey, type LessonRef } from './lesson/identity.js';
import { writeFileAtomic } from './io/atomic-write.js';
import { whyNotWritten } from './io/write-error.js';
import { courseSteps, type CourseSteps } from './progress-course.js';
import { clipRanges, formatRanges, parseRanges, unionOfRanges } from './progress-ranges.js';

/**
 * What the learner has done, small and plain enough to read (see rustlings'
 * app_state). Safe to delete: a missing file is a first run. This module is
 * its one owner: it reads, merges and writes it.
 */
export interface Progress {
  version: 2;
  /** The lesson and step the learner was on; absent after finishing or at the menu. */
  current?: { lesson: LessonRef; step: number; quiz?: boolean };
  /** Keys (see lessonKey) of lessons every step of which the learner has seen. */
  finished: string[];
  /** Predict-mode scores by lesson key: right answers out of questions asked. */
  quiz: Record<string, { right: number; asked: number }>;
  /** The learner's own files and typed graphs, most recent first, for the menu. */
  recent: { lesson: LessonRef; title: string; expression: string }[];
  /** Predict-mode questions answered wrong, to ask again at the start of the next session; written only when there are any. */
  again?: Again[];
  /** The steps seen of each lesson not finished yet, by lesson key, as ranges ("0-4,7"); written only when there are any. */
  seen?: Record<string, string>;
}

/** A question to ask again: the step of a lesson whose question was answered wrong. */
export interface Again {
  lesson: LessonRef;
  step: number;
}

const againKey = (a: Again) => `${lessonKey(a.lesson)}\u0000${a.step}`;

/** Steps seen as ranges of step indices: [true, true, true, false, true] → "0-2,4". */
export function encodeSeen(seen: boolean[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < seen.length; i++) {
    if (!seen[i]) continue;
    let j = i;
    while (j + 1 < seen.length && seen[j + 1]) j++;
    ranges.push(i === j ? String(i) : `${i}-${j}`);
    i = j;
  }
  return ranges.join(',');
}

/** The steps of a lesson of `length` steps that `ranges` marks seen; steps past the end (a lesson edited since) are dropped. */
export function decodeSeen(ranges: string | undefined, length: number): boolean[] {
  const seen = Array.from({ length }, () => false);
  for (const [from, to] of parseRanges(ranges ?? '') ?? []) for (let i = from; i <= Math.min(length - 1, to); i++) seen[i] = true;
  return seen;
}

export const EMPTY: Progress = { version: 2, finished: [], quiz: {}, recent: [] };

/** How many of the learner's own lessons the menu remembers. */
const RECENT = 10;

/** How many questions to ask again progress keeps: the most recent misses. */
const AGAIN = 50;

/**
 * The bounds that keep every save the same cost however long the learner's
 * history: the file is read only up to MAX_BYTES, and what the tutor writes
 * stays well under it (at most about 700 KB with every bound reached; a few
 * kilobytes in practice). A file past any of them was not written by the
 * tutor, and is moved aside.
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

/**
 * `$XDG_STATE_HOME/grad-tutor/progress.json`, else under `~/.local/state`.
 * Undefined when neither gives an absolute folder (HOME=""): a relative one
 * would write into whatever folder the tutor was started from.
 */
export function progressPath(env: NodeJS.ProcessEnv): string | undefined {
  if (env.XDG_STATE_HOME && isAbsolute(env.XDG_STATE_HOME)) return join(env.XDG_STATE_HOME, 'grad-tutor', 'progress.json');
  const home = env.HOME !== undefined ? env.HOME : homedir();
  return home && isAbsolute(home) ? join(home, '.local', 'state', 'grad-tutor', 'progress.json') : undefined;
}

/** Said once when there is nowhere to keep progress. */
export const NOWHERE = 'grad-tutor: HOME is empty and XDG_STATE_HOME is not set, so your progress will not be saved this time.';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/** Why a file is not one the tutor wrote: thrown by the checks, caught where the file is read. */
class Refused extends Error {}

/**
 * Every field checked, against the bounds and the lessons it names, so a file
 * that parses can never crash a reader or make a save cost more later.
 */
function validProgress(data: unknown, course: CourseSteps): Progress {
  if (!isObject(data)) throw new Refused('it is not a JSON object');
  if (data.version === 1) return fromVersion1(data, course);
  if (data.version !== 2) throw new Refused(`its version is ${JSON.stringify(data.version)?.slice(0, 20)}, not 2`);
  const check = checker(course);
  const { current, finished, quiz, recent, again, seen } = data;
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
  // A file without the list of recent lessons: an empty one, which a merge can extend.
  return { ...data, recent: recent ?? [] } as unknown as Progress;
}

/** Version 1 named every lesson by its file's base name: its finished ids were bundled ids, and its current lesson a file. */
function fromVersion1(data: Record<string, unknown>, course: CourseSteps): Progress {
  const { finished, quiz, current } = data;
  const check = checker(course);
  check.keys('finished', finished);
  check.scores(quiz);
  const progress: Progress = { version: 2, finished: finished as string[], quiz: quiz as Progress['quiz'], recent: [] };
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
        if (!isObject(score) || !isCount(score.right) || !isCount(score.asked) || score.right > score.asked)
          throw new Refused(`quiz.${named(key)} is not a score of right answers out of questions asked`);
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

export interface Loaded {
  progress: Progress;
  /** A sentence for the learner when the file could not be read and was moved aside. */
  warning?: string;
}

/**
 * The file's text, read only if it is a regular file of at most LIMITS.bytes:
 * checked on the open file, before a byte is read (a FIFO or a 94 MB file
 * would stall every step). Opened without blocking, so a FIFO cannot hang it.
 */
function readBounded(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new Refused('it is not a regular file');
    if (stats.size > LIMITS.bytes) throw new Refused(`it is larger than ${LIMITS.bytes / 1024 / 1024} MB`);
    // The tutor replaces the file, never writes into it: what was checked is what is read.
    const buffer = Buffer.alloc(stats.size);
    let total = 0;
    for (let read = -1; read !== 0 && total < buffer.length; total += read) read = readSync(fd, buffer, total, buffer.length - total, null);
    return buffer.toString('utf8', 0, total);
  } finally {
    closeSync(fd);
  }
}

/** The progress in the file, undefined when there is none; Refused when it is not a file the tutor wrote. */
function readProgress(path: string, course: CourseSteps): Progress | undefined {
  let text: string;
  try {
    text = readBounded(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw error instanceof Refused ? error : new Refused(`it cannot be read (${code ?? String(error)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Refused('it is not valid JSON');
  }
  return validProgress(data, course);
}

/** Moved aside, never deleted: the learner may want it back. Returns where, or undefined when it could not be moved. */
function moveAside(path: string): string | undefined {
  const aside = `${path}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(path, aside);
    return aside;
  } catch {
    return undefined;
  }
}

/**
 * Read the progress file. One that cannot be read, or that fails the checks,
 * is moved aside (kept, never deleted) with one sentence, and the tutor
 * starts fresh. The tutor and `grad-tutor progress` both read it here, so
 * they always agree.
 */
export function loadProgress(path: string, course: CourseSteps = courseSteps()): Loaded {
  try {
    return { progress: readProgress(path, course) ?? structuredClone(EMPTY) };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    const aside = moveAside(path);
    const warning = aside
      ? `grad-tutor: could not read your progress file; it was moved to ${aside} and the tutor starts afresh (${error.message}).`
      : `grad-tutor: could not read your progress file ${path} (${error.message}); progress will not be saved until it is fixed or removed.`;
    return { progress: structuredClone(EMPTY), warning };
  }
}

/**
 * Two tutors may be open at once: what is on disk is merged with what this
 * one knows. Finished lessons and scores are a union (this tutor's score of a
 * lesson over the other's); the current lesson is the one that saved last.
 * The questions to ask again are a union too, less those this tutor has seen
 * answered (`cleared`); the steps seen of a lesson are the union of both
 * tutors', dropped once the lesson is finished. What no lesson needs is
 * pruned to LIMITS (see `kept`), so the file stays the same size however
 * long the history, and always passes the checks it is read with.
 */
export function mergeProgress(disk: Progress, mine: Progress, cleared: Again[] = [], course: CourseSteps = courseSteps()): Progress {
  const fits = (key: string) => key.length <= LIMITS.text;
  const length = (key: string) => stepsOf(key, course);
  const inLesson = (place: { lesson: LessonRef; step: number }) =>
    fits(lessonKey(place.lesson)) && place.step < length(lessonKey(place.lesson));
  const cut = (text: string) => text.slice(0, LIMITS.text);

  const recent = [...mine.recent, ...disk.recent]
    .filter((r, i, all) => fits(lessonKey(r.lesson)) && all.findIndex((o) => lessonKey(o.lesson) === lessonKey(r.lesson)) === i)
    .slice(0, RECENT)
    .map((r) => ({ lesson: r.lesson, title: cut(r.title), expression: cut(r.expression) }));
  const finished = kept([...new Set([...disk.finished, ...mine.finished])].filter(fits), course);
  const quiz = { ...disk.quiz, ...mine.quiz };
  const scored = new Set(kept(Object.keys(quiz).filter(fits), course));
  const gone = new Set(cleared.map(againKey));
  const again = [...(disk.again ?? []), ...(mine.again ?? [])].filter(
    (a, i, all) => !gone.has(againKey(a)) && inLesson(a) && all.findIndex((o) => againKey(o) === againKey(a)) === i,
  );
  const done = new Set(finished);
  const seen: Record<string, string> = {};
  const unfinished = [...new Set([...Object.keys(disk.seen ?? {}), ...Object.keys(mine.seen ?? {})])].filter(
    (k) => !done.has(k) && fits(k),
  );
  for (const key of kept(unfinished, course)) {
    const [a, b] = [parseRanges(disk.seen?.[key] ?? ''), parseRanges(mine.seen?.[key] ?? '')];
    const ranges = formatRanges(clipRanges(unionOfRanges(a ?? [], b ?? []), length(key), LIMITS.ranges));
    if (ranges) seen[key] = ranges;
  }
  return {
    version: 2,
    ...(mine.current && inLesson(mine.current) ? { current: mine.current } : {}),
    finished,
    quiz: Object.fromEntries(Object.entries(quiz).filter(([key]) => scored.has(key))),
    recent,
    ...(again.length > 0 ? { again: again.slice(-AGAIN) } : {}),
    ...(Object.keys(seen).length > 0 ? { seen } : {}),
  };
}

/** How many steps a lesson may name: a bundled lesson's own count; one outside the course, whose length is not known, up to LIMITS.step. */
function stepsOf(key: string, course: CourseSteps): number {
  return course.has(key) ? course.steps(key) : LIMITS.step + 1;
}

/** Every key of the course, and the last LIMITS.own of the rest (the most recent: keys are in the order they were first recorded). */
function kept(keys: string[], course: CourseSteps): string[] {
  let own = keys.filter((k) => !course.has(k)).length;
  return keys.filter((k) => course.has(k) || own-- <= LIMITS.own);
}

/** Re-read, merge and write atomically, so a crash never leaves half a file and another tutor's work is kept. */
export function saveProgress(path: string, mine: Progress, cleared: Again[] = [], course: CourseSteps = courseSteps()): Progress {
  let disk = EMPTY;
  try {
    disk = readProgress(path, course) ?? EMPTY;
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    // A file gone bad since the start: kept aside, and this tutor's own record replaces it.
    moveAside(path);
  }
  const merged = mergeProgress(disk, mine, cleared, course);
  writeFileAtomic(path, JSON.stringify(merged, null, 2) + '\n');
  return merged;
}

/** The one sentence the tutor shows when a save fails: what happened and where, so the learner can free space or fix the folder. */
export function saveFailure(error: unknown, path: string): string {
  return `Progress is not being saved: ${whyNotWritten(error)} — ${path}.`;
}
