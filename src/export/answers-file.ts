/**
 * `export … --quiz --answers FILE`: the answer key in a file of its own, so
 * the student's part (on stdout) can be printed alone.
 */

import { fstatSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../io/atomic-write.js';
import { visibleLine } from '../io/visible.js';
import { whyNotWritten } from '../io/write-error.js';

/**
 * Why the key cannot go to `file`, in one sentence, or undefined once it is
 * written. `handout > key.md --answers key.md` would leave only the key: the
 * shell opened key.md for the handout, and the key's file replaces it.
 */
export function writeAnswerKey(file: string, key: string, output: { fd?: unknown }): string | undefined {
  if (file.trim() === '') return '--answers needs a file name — e.g. --answers key.md.';
  const shown = visibleLine(file);
  if (typeof output.fd === 'number' && sameFile(file, output.fd))
    return `--answers ${shown} is where the handout itself goes — give the answer key a file of its own.`;
  try {
    writeFileAtomic(file, key, true);
    return undefined;
  } catch (error) {
    return `could not write the answer key to ${shown}: ${whyNotWritten(error)} — check the path.`;
  }
}

/** The same file, as the system knows it (a link, /dev/stdout or another name for it included). */
function sameFile(file: string, fd: number): boolean {
  const there = statSync(file, { throwIfNoEntry: false });
  if (!there) return false;
  const output = fstatSync(fd);
  return there.dev === output.dev && there.ino === output.ino;
}
