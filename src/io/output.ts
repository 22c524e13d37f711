import { writeSync } from 'node:fs';
import { hangUp } from './terminal.js';

/**
 * What the process does when its output cannot be written. A document cut
 * short must never end with exit 0: a script would take it as complete.
 *
 * - A reader that stops early (`grad-tutor show x --json | head`) closes the
 *   pipe: that was the reader's choice, so no message, but exit 1 as a
 *   program killed by SIGPIPE would be non-zero.
 * - Anything else (a full disk, a file size limit, an I/O error): one line on
 *   stderr and exit 1, not a stack trace.
 */
export function guardOutput(exit: (code: number) => never = process.exit): void {
  for (const [stream, name] of [
    [process.stdout, 'output'],
    [process.stderr, 'error output'],
  ] as const) {
    writeWholeChunks(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // The terminal itself has gone: nobody is left to read a message.
      if (error.code === 'EIO' && stream.isTTY) hangUp();
      if (error.code !== 'EPIPE' && stream !== process.stderr) {
        try {
          writeSync(2, `grad-tutor: could not write the ${name}: ${describe(error)}; what was written is incomplete.\n`);
        } catch {
          // stderr is gone too: the exit code is all that is left.
        }
      }
      exit(1);
    });
  }
}

function describe(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EFBIG':
      return 'the file has reached its size limit';
    case 'EIO':
      return 'the terminal or device has gone away';
    case 'EDQUOT':
      return 'the disk quota is used up';
    default:
      return error.code ?? error.message;
  }
}

/** Node's own stream for a file; `_type` is how Node itself tells files, pipes and terminals apart. */
type FileStream = NodeJS.WriteStream & {
  _type?: string;
  fd?: number;
  _write(chunk: Buffer | string, encoding: BufferEncoding, done: (error?: Error | null) => void): void;
};

/**
 * Node writes stdout to a file with one write(2) per chunk and ignores how
 * much of it was taken: near a full disk or a size limit, the end of the
 * document was dropped without an error. Write until every byte is taken;
 * the call that cannot take more throws, and the stream reports it.
 */
function writeWholeChunks(stream: NodeJS.WriteStream): void {
  const file = stream as FileStream;
  if (file._type !== 'fs' || typeof file.fd !== 'number') return;
  const fd = file.fd;
  file._write = (chunk, encoding, done) => {
    try {
      writeAll(fd, typeof chunk === 'string' ? encoded(chunk, encoding) : chunk);
      done();
    } catch (error) {
      done(error as Error);
    }
  };
}

/**
 * A string's bytes, in one buffer reused from write to write (the write is
 * synchronous, so it is free again when it returns): a fresh buffer per
 * chunk cost a third of writing a document of hundreds of megabytes.
 */
let scratch = Buffer.alloc(0);
function encoded(text: string, encoding: BufferEncoding): Uint8Array {
  // A whole transcript in one write is encoded on its own, so its buffer is not kept.
  if ((encoding !== 'utf8' && encoding !== 'utf-8') || text.length > 1 << 20) return Buffer.from(text, encoding);
  // UTF-8 takes at most three bytes per UTF-16 unit.
  if (scratch.length < text.length * 3) scratch = Buffer.allocUnsafe(Math.max(text.length * 3, 1 << 16));
  return scratch.subarray(0, scratch.write(text, 'utf8'));
}

/** write(2) may take part of a buffer; the rest goes in the next call. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    const written = writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw Object.assign(new Error('the output took no more bytes'), { code: 'EIO' });
    offset += written;
  }
}
