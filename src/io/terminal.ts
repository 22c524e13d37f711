import { closeSync, openSync } from 'node:fs';

/**
 * The terminal going away and coming back: a hang-up, and Ctrl+Z then `fg`.
 * The shell (src/ui/) only makes the calls; the handling lives here.
 */

const savers = new Set<() => void>();

/** Run `save` if the terminal hangs up. Returns the function that stops it. */
export function onHangUp(save: () => void): () => void {
  savers.add(save);
  return () => savers.delete(save);
}

let hungUp = false;

/**
 * The terminal is gone (SIGHUP, or a read or write that fails with EIO):
 * save what there is to save and leave without a word, as nobody can read
 * it. Node 20 restores the terminal's settings at exit and aborts with a
 * native stack trace when that fails (its ResetStdio asserts that tcsetattr
 * worked); it skips a descriptor that no longer refers to the file it had at
 * start, so 0–2 are pointed at /dev/null first.
 */
export function hangUp(exit: (code: number) => never = process.exit): never {
  if (!hungUp) {
    hungUp = true;
    for (const save of savers) {
      try {
        save();
      } catch {
        // Progress is a convenience; the exit must still happen.
      }
    }
    detach([0, 1, 2]);
  }
  return exit(129);
}

function detach(descriptors: number[]): void {
  for (const fd of descriptors) {
    try {
      closeSync(fd);
      // open() takes the lowest free descriptor: the one just closed.
      openSync('/dev/null', 'r+');
    } catch {
      // Already closed: nothing of it left for Node to restore.
    }
  }
}

/** Install the hang-up handling: SIGHUP, and EIO on stdin (stdout's is in guardOutput). */
export function watchHangUp(): void {
  process.on('SIGHUP', () => hangUp());
  process.stdin.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EIO') throw error;
    // While the tutor watches for it, stdin's terminal alone may be gone (see onKeysGone); the screen is still there.
    if (keysGone) keysGone();
    else hangUp();
  });
}

/**
 * Run `gone` when stdin's terminal goes away while stdout's stays: stdin was
 * another terminal, since closed. A terminal in raw mode never ends on its
 * own (Ctrl+D is a key), so its end, or a read that fails with EIO, means
 * this. Node restores every terminal's settings at exit and aborts with a
 * native stack trace when that fails (see hangUp), so stdin alone is pointed
 * at /dev/null: stdout's terminal is still restored, and can still be
 * written to. Returns the function that stops watching.
 */
export function onKeysGone(gone: () => void): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    detach([0]);
    gone();
  };
  keysGone = once;
  process.stdin.on('end', once);
  return () => {
    keysGone = undefined;
    process.stdin.off('end', once);
  };
}

/** What an EIO on stdin means while the tutor runs (onKeysGone); undefined: the whole terminal hung up. */
let keysGone: (() => void) | undefined;

interface Terminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

/**
 * Ctrl+Z. In raw mode the terminal sends it as a byte instead of stopping
 * the program, so the program stops itself: the terminal back to normal
 * (cooked mode, cursor shown), then SIGTSTP, whose default action stops the
 * process. On `fg` (SIGCONT): raw mode again and the whole frame redrawn, as
 * the shell has written over the screen meanwhile.
 */
export function suspend({ stdin, stdout }: Terminal = { stdin: process.stdin, stdout: process.stdout }): void {
  if (process.platform === 'win32' || !stdin.isTTY) return;
  const raw = stdin.isRaw;
  stdin.setRawMode(false);
  stdout.write('\x1b[?25h');
  process.once('SIGCONT', () => {
    if (raw) stdin.setRawMode(true);
    stdout.write('\x1b[?25l\x1b[2J\x1b[3J\x1b[H');
    redraw(stdout);
  });
  process.kill(process.pid, 'SIGTSTP');
}

/**
 * Make Ink draw its whole frame again. Ink redraws from scratch only when
 * the window gets narrower (otherwise it writes nothing when the frame is
 * unchanged), so it is told of a window one column narrower and then of the
 * real one: a resize of nothing, which ends in a full frame at the right size.
 */
export function redraw(stdout: NodeJS.WriteStream): void {
  const columns = stdout.columns;
  if (!columns || columns < 2) return;
  stdout.columns = columns - 1;
  stdout.emit('resize');
  stdout.columns = columns;
  stdout.emit('resize');
}
