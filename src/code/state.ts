import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { EXERCISES } from './judge.js';

/**
 * Which exercises passed, kept in the exercise folder as rustlings keeps its
 * state: a few plain lines a person can read, safe to delete. It belongs to
 * the folder (two folders are two attempts), not to the course's progress.
 */
const STATE = '.grad-tutor-code';
/** More than the file ever holds: a planted huge file is read no further. */
const MAX_BYTES = 4096;

const HEADER = '# grad-tutor code: the exercises that passed at the last check (safe to delete)\n';

/** The ids of the exercises that passed last time; anything else in the file is ignored. */
export function readPassed(root: string): string[] {
  let text = '';
  try {
    const fd = openSync(join(root, STATE), 'r');
    try {
      const buffer = Buffer.alloc(MAX_BYTES);
      text = buffer.toString('utf8', 0, readSync(fd, buffer, 0, MAX_BYTES, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return [];
  }
  const lines = new Set(text.split('\n').map((line) => line.trim()));
  return EXERCISES.map((e) => e.id).filter((id) => lines.has(id));
}

export function writePassed(root: string, passed: string[]): void {
  try {
    writeFileAtomic(join(root, STATE), HEADER + passed.map((id) => `${id}\n`).join(''), true);
  } catch {
    // Progress is a convenience: a read-only folder still gets its checks.
  }
}
