import { existsSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { LessonRef } from './lesson/identity.js';
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
}

export const EMPTY: Progress = { version: 2, finished: [], quiz: {}, recent: [] };

/** How many of the learner's own lessons the menu remembers. */
const RECENT = 10;

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
  const { current, finished, quiz, recent } = data;
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
 */
export function mergeProgress(disk: Progress, mine: Progress): Progress {
  const recent = [...mine.recent, ...disk.recent].filter(
    (r, i, all) => all.findIndex((o) => JSON.stringify(o.lesson) === JSON.stringify(r.lesson)) === i,
  );
  return {
    version: 2,
    ...(mine.current ? { current: mine.current } : {}),
    finished: [...new Set([...disk.finished, ...mine.finished])],
    quiz: { ...disk.quiz, ...mine.quiz },
    recent: recent.slice(0, RECENT),
  };
}

/** Re-read, merge and write atomically, so a crash never leaves half a file and another tutor's work is kept. */
export function saveProgress(path: string, mine: Progress): Progress {
  let disk = EMPTY;
  try {
    if (existsSync(path)) disk = read(path) ?? EMPTY;
  } catch {
    // A file gone bad since the start: this tutor's own record replaces it.
  }
  const merged = mergeProgress(disk, mine);
  writeFileAtomic(path, JSON.stringify(merged, null, 2) + '\n');
  return merged;
}
