/** Why a file could not be written, in the learner's words: one reading of the system's error codes for every writer. */
export function whyNotWritten(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'you may not write there';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a part of its path is not a folder';
  // A folder on the path that cannot be made (under /proc) or a link to nowhere.
  if (code === 'ENOENT') return 'no folder can be made there';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'the disk is full';
  return `it could not be written (${code ?? (error instanceof Error ? error.message : String(error))})`;
}
