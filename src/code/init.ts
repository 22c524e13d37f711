import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { whyNotWritten } from '../io/write-error.js';
import { CannotCheck, isLink } from './check.js';
import { TEMPLATE_FILES } from './templates.js';

const NEW_NAME = `give a new folder's name, e.g. "grad-tutor code init my-micrograd".`;

/**
 * Writes the exercise folder. A folder that exists and holds anything is
 * refused whole: a learner's half-written engine.py must never be replaced
 * by a TODO, and checking file by file would leave a mix of the two.
 */
export function initFolder(dir: string): string[] {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new CannotCheck(`${dir}: is a file — ${NEW_NAME}`);
    if (readdirSync(dir).length > 0)
      throw new CannotCheck(
        `${dir}: the folder is not empty, and init never writes over your files — give a new folder's name, or check this one with "grad-tutor code check ${dir}".`,
      );
  } else if (isLink(dir)) {
    // existsSync follows the link: a link there that leads nowhere cannot be made a folder.
    throw new CannotCheck(`${dir}: is a link to nothing (or to itself) — ${NEW_NAME}`);
  }
  const written = Object.keys(TEMPLATE_FILES).map((path) => join(dir, path));
  try {
    // Shared permissions: these are the learner's own files, to open in any editor.
    for (const [path, text] of Object.entries(TEMPLATE_FILES)) writeFileAtomic(join(dir, path), text, true);
  } catch (error) {
    throw new CannotCheck(`${dir}: the folder could not be made, as ${whyNotWritten(error)} — ${NEW_NAME}`);
  }
  return written;
}
