import { existsSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { lessonKey, type LessonRef } from './lesson/identity.js';
import { writeFileAtomic } from './io/atomic-write.js';

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
  for (const range of (ranges ?? '').split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(range);
    if (!match) continue;
    const from = Number(match[1]);
    const to = Math.min(length - 1, Number(match[2] ?? match[1]));
    for (let i = from; i <= to; i++) seen[i] = true;
  }
  return seen;
}

const SEEN = /^(\d+(-\d+)?(,\d+(-\d+)?)*)?$/;

export const EMPTY: Progress = { version: 2, finished: [], quiz: {}, recent: [] };

/** How many of the learner's own lessons the menu remembers. */
const RECENT = 10;

/** How many questions to ask again progress keeps: the most recent misses. */
const AGAIN = 50;

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
const isString = (x: unknown): x is string => typeof x === 'string';
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

function isLessonRef(x: unknown): x is LessonRef {
  if (!isObject(x)) return false;
  if (x.kind === 'bundled') return isString(x.id);
  if (x.kind === 'file') return isString(x.path) && isAbsolute(x.path);
  return x.kind === 'typed' && isString(x.expression) && Array.isArray(x.values) && x.values.every(isString);
}

/** Every field checked, so a file that parses can never crash a reader later. */
function validProgress(data: unknown): Progress | undefined {
  if (!isObject(data)) return undefined;
  if (data.version === 1) return fromVersion1(data);
  if (data.version !== 2) return undefined;
  const { current, finished, quiz, recent, again, seen } = data;
  if (again !== undefined && !(Array.isArray(again) && again.every((a) => isObject(a) && isLessonRef(a.lesson) && isCount(a.step))))
    return undefined;
  if (seen !== undefined && !(isObject(seen) && Object.values(seen).every((r) => isString(r) && SEEN.test(r)))) return undefined;
  if (!Array.isArray(finished) || !finished.every(isString)) return undefined;
  if (!isObject(quiz) || !Object.values(quiz).every((s) => isObject(s) && isCount(s.right) && isCount(s.asked))) return undefined;
  if (
    current !== undefined &&
    !(
      isObject(current) &&
      isLessonRef(current.lesson) &&
      isCount(current.step) &&
      (current.quiz === undefined || typeof current.quiz === 'boolean')
    )
  )
    return undefined;
  if (
    recent !== undefined &&
    !(Array.isArray(recent) && recent.every((r) => isObject(r) && isLessonRef(r.lesson) && isString(r.title) && isString(r.expression)))
  )
    return undefined;
  return data as unknown as Progress;
}

/** Version 1 named every lesson by its file's base name: its finished ids were bundled ids, and its current lesson a file. */
function fromVersion1(data: Record<string, unknown>): Progress | undefined {
  const { finished, quiz, current } = data;
  if (!Array.isArray(finished) || !finished.every(isString)) return undefined;
  if (!isObject(quiz) || !Object.values(quiz).every((s) => isObject(s) && isCount(s.right) && isCount(s.asked))) return undefined;
  const progress: Progress = { version: 2, finished, quiz: quiz as Progress['quiz'], recent: [] };
  if (isObject(current) && isString(current.id) && isCount(current.step))
    progress.current = { lesson: { kind: 'bundled', id: current.id }, step: current.step };
  return progress;
}

export interface Loaded {
  progress: Progress;
  /** A sentence for the learner when the file could not be read and was moved aside. */
  warning?: string;
}

function read(path: string): Progress | undefined {
  return validProgress(JSON.parse(readFileSync(path, 'utf8')));
}

/** Read the progress file. One that cannot be read is moved aside — kept, never deleted — and the tutor starts fresh. */
export function loadProgress(path: string): Loaded {
  if (!existsSync(path)) return { progress: structuredClone(EMPTY) };
  try {
    const progress = read(path);
    if (progress) return { progress };
  } catch {
    // Unreadable or not JSON: handled below like any other bad file.
  }
  const aside = `${path}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(path, aside);
    return {
      progress: structuredClone(EMPTY),
      warning: `grad-tutor: could not read your progress file; it was moved to ${aside} and the tutor starts afresh.`,
    };
  } catch {
    return {
      progress: structuredClone(EMPTY),
      warning: `grad-tutor: could not read your progress file ${path}; progress will not be saved until it is fixed or removed.`,
    };
  }
}

/**
 * Two tutors may be open at once: what is on disk is merged with what this
 * one knows. Finished lessons and scores are a union (this tutor's score of a
 * lesson over the other's); the current lesson is the one that saved last.
 * The questions to ask again are a union too, less those this tutor has seen
 * answered (`cleared`); the steps seen of a lesson are the union of both
 * tutors', dropped once the lesson is finished.
 */
export function mergeProgress(disk: Progress, mine: Progress, cleared: Again[] = []): Progress {
  const recent = [...mine.recent, ...disk.recent].filter(
    (r, i, all) => all.findIndex((o) => JSON.stringify(o.lesson) === JSON.stringify(r.lesson)) === i,
  );
  const finished = [...new Set([...disk.finished, ...mine.finished])];
  const gone = new Set(cleared.map(againKey));
  const again = [...(disk.again ?? []), ...(mine.again ?? [])].filter(
    (a, i, all) => !gone.has(againKey(a)) && all.findIndex((o) => againKey(o) === againKey(a)) === i,
  );
  const seen: Record<string, string> = {};
  for (const key of new Set([...Object.keys(disk.seen ?? {}), ...Object.keys(mine.seen ?? {})])) {
    if (finished.includes(key)) continue;
    const [a, b] = [disk.seen?.[key] ?? '', mine.seen?.[key] ?? ''];
    const length = 1 + Math.max(lastStep(a), lastStep(b));
    const other = decodeSeen(b, length);
    const both = decodeSeen(a, length).map((s, i) => s || other[i]);
    const ranges = encodeSeen(both);
    if (ranges) seen[key] = ranges;
  }
  return {
    version: 2,
    ...(mine.current ? { current: mine.current } : {}),
    finished,
    quiz: { ...disk.quiz, ...mine.quiz },
    recent: recent.slice(0, RECENT),
    ...(again.length > 0 ? { again: again.slice(-AGAIN) } : {}),
    ...(Object.keys(seen).length > 0 ? { seen } : {}),
  };
}

/** The highest step a ranges string names, -1 for none. */
function lastStep(ranges: string): number {
  return Math.max(-1, ...ranges.split(/[,-]/).filter(Boolean).map(Number));
}

/** Re-read, merge and write atomically, so a crash never leaves half a file and another tutor's work is kept. */
export function saveProgress(path: string, mine: Progress, cleared: Again[] = []): Progress {
  let disk = EMPTY;
  try {
    if (existsSync(path)) disk = read(path) ?? EMPTY;
  } catch {
    // A file gone bad since the start: this tutor's own record replaces it.
  }
  const merged = mergeProgress(disk, mine, cleared);
  writeFileAtomic(path, JSON.stringify(merged, null, 2) + '\n');
  return merged;
}
