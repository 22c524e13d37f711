import { closeSync, constants, fstatSync, openSync, readSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { whyNotWritten } from '../io/write-error.js';
import { courseSteps, type CourseSteps } from './course.js';
import { EMPTY, LIMITS, parseProgress, progressText, Refused, type Again, type Progress } from './format.js';
import { mergeProgress } from './merge.js';

/**
 * The progress file on disk: where it lives, read bounded and checked (a bad
 * one moved aside), and saved merged with what another tutor wrote.
 */

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
  return parseProgress(text, course);
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
  writeFileAtomic(path, progressText(merged));
  return merged;
}

/** The one sentence the tutor shows when a save fails: what happened and where, so the learner can free space or fix the folder. */
export function saveFailure(error: unknown, path: string): string {
  return `Progress is not being saved: ${whyNotWritten(error)} — ${path}.`;
}
