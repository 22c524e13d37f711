import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { CannotCheck } from './check.js';
import { TEMPLATE_FILES } from './templates.js';

/**
 * Writes the exercise folder. A folder that exists and holds anything is
 * refused whole: a learner's half-written engine.py must never be replaced
 * by a TODO, and checking file by file would leave a mix of the two.
 */
export function initFolder(dir: string): string[] {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory())
      throw new CannotCheck(`${dir}: is a file — give a new folder's name, e.g. "grad-tutor code init my-micrograd".`);
    if (readdirSync(dir).length > 0)
      throw new CannotCheck(
        `${dir}: the folder is not empty, and init never writes over your files — give a new folder's name, or check this one with "grad-tutor code check ${dir}".`,
      );
  }
  const written = Object.keys(TEMPLATE_FILES).map((path) => join(dir, path));
  // Shared permissions: these are the learner's own files, to open in any editor.
  for (const [path, text] of Object.entries(TEMPLATE_FILES)) writeFileAtomic(join(dir, path), text, true);
  return written;
}
