import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * What the learner has done, small and plain enough to read (see rustlings'
 * app_state). Safe to delete: a missing file is a first run.
 */
export interface Progress {
  version: 1;
  /** The lesson and step the learner was on; absent after finishing. */
  current?: { id: string; file: string; step: number; quiz?: boolean };
  /** Ids of lessons the learner stepped through to the end. */
  finished: string[];
  /** Predict-mode scores by lesson id: right answers out of questions asked. */
  quiz: Record<string, { right: number; asked: number }>;
}

export const EMPTY: Progress = { version: 1, finished: [], quiz: {} };

export function progressPath(env: NodeJS.ProcessEnv): string {
  const state = env.XDG_STATE_HOME && env.XDG_STATE_HOME.startsWith('/') ? env.XDG_STATE_HOME : join(homedir(), '.local', 'state');
  return join(state, 'grad-tutor', 'progress.json');
}

function isProgress(data: unknown): data is Progress {
  if (typeof data !== 'object' || data === null) return false;
  const p = data as Partial<Progress>;
  const current = p.current;
  return (
    p.version === 1 &&
    Array.isArray(p.finished) &&
    p.finished.every((id) => typeof id === 'string') &&
    typeof p.quiz === 'object' &&
    p.quiz !== null &&
    (current === undefined || (typeof current.id === 'string' && typeof current.file === 'string' && Number.isInteger(current.step)))
  );
}

export interface Loaded {
  progress: Progress;
  /** A sentence for the learner when the file could not be read and was moved aside. */
  warning?: string;
}

/** Read the progress file. One that cannot be read is moved aside — kept, never deleted — and the tutor starts fresh. */
export function loadProgress(path: string): Loaded {
  if (!existsSync(path)) return { progress: structuredClone(EMPTY) };
  try {
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (isProgress(data)) return { progress: data };
  } catch {
    // Unreadable or not JSON: handled below like any other bad file.
  }
  const aside = `${path}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(path, aside);
    return { progress: structuredClone(EMPTY), warning: `grad-tutor: could not read your progress file; it was moved to ${aside} and the tutor starts afresh.` };
  } catch {
    return { progress: structuredClone(EMPTY), warning: `grad-tutor: could not read your progress file ${path}; progress will not be saved until it is fixed or removed.` };
  }
}

/** Write atomically: a temporary file renamed over the old one, so a crash never leaves half a file. */
export function saveProgress(path: string, progress: Progress): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(progress, null, 2) + '\n');
  renameSync(temporary, path);
}
