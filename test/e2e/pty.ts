// A real terminal for end-to-end tests: the program runs in a pseudo-terminal
// (so Ink sees a TTY, raw mode works and resizes arrive as SIGWINCH) and its
// output is fed to a headless xterm, so tests read the screen a learner sees
// rather than the escape codes that produced it.
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { spawn, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/grad-tutor.js', import.meta.url));
export const BUNDLE = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
/** The Node that runs the CLI: this one, or another for the version matrix (scripts/node-matrix.sh). */
export const NODE = process.env.GRAD_TUTOR_NODE || process.execPath;

export const RIGHT = '\x1b[C';
export const LEFT = '\x1b[D';
export const UP = '\x1b[A';
export const DOWN = '\x1b[B';
export const HOME = '\x1b[H';
export const END = '\x1b[F';
export const ENTER = '\r';
export const ESC = '\x1b';
export const TAB = '\t';
export const BACKSPACE = '\x7f';
export const CTRL_C = '\x03';

export type Env = Record<string, string | undefined>;

/**
 * The environment of a learner's terminal. CI and CONTINUOUS_INTEGRATION are
 * removed, not set to "false": Ink would accept "false", but chalk treats any
 * CI variable as "no colour". NODE_EXTRA_CA_CERTS (set on these machines) adds
 * ~75 ms to every Node start. `extra` wins; an undefined value removes a key.
 */
export function cleanEnv(extra: Env = {}): Record<string, string> {
  const env: Env = { ...process.env, TERM: 'xterm-256color', COLORTERM: undefined, ...extra };
  for (const key of ['CI', 'CONTINUOUS_INTEGRATION', 'NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS']) {
    if (!(key in extra)) delete env[key];
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) out[key] = value;
  return out;
}

export interface SpawnOptions {
  cols?: number;
  rows?: number;
  /** Merged over cleanEnv(); undefined removes a variable. */
  env?: Env;
  cwd?: string;
}

export interface ExitStatus {
  code: number;
  /** The signal's name when the process was killed by one, else null. */
  signal: string | null;
}

export interface Tui {
  readonly pid: number;
  /** Send keys exactly as a terminal would: one write is one burst. */
  write(keys: string): void;
  /** The visible screen: one line per row, trailing spaces and trailing blank rows removed. */
  screen(): string;
  /** Everything the program has written so far, escape codes included. */
  output(): string;
  /** Resolves with the screen once it contains the text (or matches the pattern). */
  waitFor(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  resize(cols: number, rows: number): void;
  /** Resolves once the process has exited and all its output is on the screen. */
  exit(timeoutMs?: number): Promise<ExitStatus>;
  /** Idempotent; safe in afterEach. */
  kill(signal?: string): void;
}

const BSU = '\x1b[?2026h';
const ESU = '\x1b[?2026l';

/** Run the built CLI (bin/grad-tutor.js) with these arguments in a pseudo-terminal. */
export function spawnTui(args: string[], options: SpawnOptions = {}): Promise<Tui> {
  return spawnInPty(NODE, [BIN, ...args], options);
}

/** Run any program in a pseudo-terminal attached to a headless xterm. */
export async function spawnInPty(file: string, args: string[], options: SpawnOptions = {}): Promise<Tui> {
  const cols = options.cols ?? 100;
  const rows = options.rows ?? 30;
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  const env = cleanEnv(options.env);
  // node-pty sets TERM from `name`: pass the one asked for (TERM=dumb is a case of its own).
  const pty: IPty = spawn(file, args, { name: env.TERM ?? 'xterm-256color', cols, rows, cwd: options.cwd ?? ROOT, env });

  let raw = '';
  let status: ExitStatus | undefined;
  // Waiters are re-checked each time xterm has parsed a chunk (its writes are
  // asynchronous) and once more when the process is gone.
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  // Whether xterm has parsed the start of a frame but not yet its end (see waitFor).
  // The few characters before each chunk are looked at again, for a mark split across two chunks.
  let frameOpen = false;
  let tail = '';
  pty.onData((data) => {
    raw += data;
    term.write(data, () => {
      const text = tail + data;
      const begun = text.lastIndexOf(BSU);
      const ended = text.lastIndexOf(ESU);
      if (begun !== ended) frameOpen = begun > ended;
      tail = text.slice(-(BSU.length - 1));
      notify();
    });
  });
  const exited = new Promise<ExitStatus>((resolve) => {
    pty.onExit(({ exitCode, signal }) => {
      const name = signal ? (Object.entries(constants.signals).find(([, n]) => n === signal)?.[0] ?? String(signal)) : null;
      // An empty write calls back after everything queued before it is parsed.
      term.write('', () => {
        status = { code: exitCode, signal: name };
        resolve(status);
        notify();
      });
    });
  });

  const screen = (): string => {
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < term.rows; y++)
      lines.push(
        buffer
          .getLine(buffer.viewportY + y)
          ?.translateToString(true)
          .trimEnd() ?? '',
      );
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  };

  // A frame can reach the pty in more than one chunk, so a pattern near its top
  // can match before the rest is drawn. Ink wraps each frame in the terminal's
  // synchronized-output marks (BSU \x1b[?2026h … ESU \x1b[?2026l), so a screen is
  // read only when every frame begun has ended, as a terminal would show it.
  const waitFor = (pattern: string | RegExp, timeoutMs = 5000): Promise<string> =>
    new Promise((resolve, reject) => {
      const matches = (text: string) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));
      const done = () => {
        listeners.delete(check);
        clearTimeout(timer);
      };
      const check = () => {
        const text = screen();
        if ((status || !frameOpen) && matches(text)) {
          done();
          resolve(text);
        } else if (status) {
          done();
          reject(new Error(`the program exited (${describe(status)}) before ${String(pattern)} appeared; the screen:\n${text}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${String(pattern)} did not appear within ${timeoutMs} ms; the screen:\n${screen()}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });

  let killed = false;
  return {
    pid: pty.pid,
    write: (keys) => pty.write(keys),
    screen,
    output: () => raw,
    waitFor,
    resize(newCols, newRows) {
      term.resize(newCols, newRows);
      pty.resize(newCols, newRows);
    },
    exit(timeoutMs = 5000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the program did not exit within ${timeoutMs} ms; the screen:\n${screen()}`)), timeoutMs);
      });
      return Promise.race([exited, timeout]).finally(() => clearTimeout(timer));
    },
    kill(signal) {
      if (killed || status) return;
      killed = true;
      try {
        pty.kill(signal);
      } catch {
        // Already gone between the check and the kill.
      }
    },
  };
}

function describe(status: ExitStatus): string {
  return status.signal ? `signal ${status.signal}` : `code ${status.code}`;
}

/** Fail with a message that says what to do, rather than a spawn error. */
export function assertBuilt(file = BUNDLE): void {
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" (npm test builds first).`);
}
