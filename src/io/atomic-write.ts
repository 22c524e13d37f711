import { closeSync, constants, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';

/**
 * Write a file so that a reader sees the old text or the new, never half:
 * the text goes to a temporary file beside it, which is then renamed over it.
 * The temporary file has an unpredictable name and is created exclusively
 * without following a symlink, so a link planted there cannot redirect the
 * write; it is removed if anything fails. Folders it creates are the
 * user's alone (0700), and so is the file (0600), unless it is `shared`: a
 * file made to be handed on (a teacher's answer key) is 0644 and its folders
 * 0755, both less the umask.
 */
export function writeFileAtomic(path: string, text: string, shared = false): void {
  makeFolders(dirname(path), shared ? 0o755 : 0o700);
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  const fd = openSync(temporary, flags, shared ? 0o644 : 0o600);
  try {
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * mkdir -p, one folder at a time from the first that is there. Node's recursive mkdir never returns under /proc,
 * where mkdir answers ENOENT though the parent is there: it tries the parent again, for ever.
 */
function makeFolders(folder: string, mode: number): void {
  if (statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return;
  const parent = dirname(folder);
  if (parent !== folder) makeFolders(parent, mode);
  try {
    mkdirSync(folder, { mode });
  } catch (error) {
    // Made meanwhile by another writer (two saves at once): as good as made here.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(folder).isDirectory()) throw error;
  }
}
