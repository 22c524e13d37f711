import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** A scenario is a few kilobytes; 5 MB is far past any graph one could learn from, and still quick to refuse. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Why a path was not read, as the clauses of a ScenarioError: what is wrong, and how to fix it. */
export type Refusal = (problem: string, fix: string) => Error;

function kindOf(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'it is a directory';
  if (stats.isFIFO()) return 'it is a named pipe (FIFO), not a file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'it is a device, not a file';
  if (stats.isSocket()) return 'it is a socket, not a file';
  return 'it is not a regular file';
}

function tooLarge(refuse: Refusal): Error {
  return refuse(
    `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`,
    'a scenario is a few kilobytes of YAML: check that this is the file you meant',
  );
}

/**
 * The bytes of a regular file of at most MAX_FILE_BYTES, or the error `refuse`
 * makes. /dev/zero would be read until memory ran out, and opening a FIFO
 * waits for a writer that may never come, with every signal ignored: so the
 * kind and size are checked before anything is read, the file is opened
 * without blocking, and checked again on the open file (it may have been
 * swapped since). A file that grows while read (or /proc's, whose size says
 * 0) is cut off one byte past the limit.
 */
export function readRegularFile(path: string, refuse: Refusal): Buffer {
  let fd: number;
  try {
    const kind = kindOf(statSync(path));
    if (kind) throw refuse(`cannot open the scenario: ${kind}`, 'give the path of a .yaml or .json file');
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw openError(error, refuse);
  }
  try {
    const stats = fstatSync(fd);
    const kind = kindOf(stats);
    if (kind) throw refuse(`cannot open the scenario: ${kind}`, 'give the path of a .yaml or .json file');
    if (stats.size > MAX_FILE_BYTES) throw tooLarge(refuse);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, MAX_FILE_BYTES + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > MAX_FILE_BYTES) throw tooLarge(refuse);
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw openError(error, refuse);
  } finally {
    closeSync(fd);
  }
}

/**
 * What a pipe holds, as `cat f.yaml | grad-tutor check /dev/stdin` gives it:
 * read from the stream until its writer closes it, and refused as soon as it
 * holds more than MAX_FILE_BYTES (a pipe has no size up front), the rest
 * never read. Unlike a FIFO named by path, which may never get a writer,
 * this pipe was opened by the shell and its writer is already there. Read
 * through Node's stream, not by reopening /dev/stdin: Node has made fd 0
 * non-blocking, and a read of it before the writer has written fails.
 * Past the limit the stream is paused, not destroyed: destroying stdin
 * raises an error that the hang-up handler takes for a crash.
 */
export function readPiped(stdin: NodeJS.ReadableStream, refuse: Refusal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stop = (finish: () => void) => {
      stdin.off('data', onData).off('end', onEnd).off('error', onError);
      stdin.pause();
      finish();
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(bytes);
      total += bytes.length;
      if (total > MAX_FILE_BYTES) stop(() => reject(tooLarge(refuse)));
    };
    const onEnd = () => stop(() => resolve(Buffer.concat(chunks, total)));
    const onError = (error: Error) => stop(() => reject(error));
    stdin.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

function openError(error: unknown, refuse: Refusal): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code !== 'string') return error as Error;
  const why =
    code === 'ENOENT'
      ? 'there is no such file'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES' || code === 'EPERM'
          ? 'you may not read it'
          : code === 'ENOTDIR'
            ? 'a part of its path is not a folder'
            : code === 'ELOOP'
              ? 'its symbolic links go round in a loop'
              : `it cannot be read (${code})`;
  return refuse(`cannot open the scenario: ${why}`, 'check the path');
}
