import { spawn } from 'node:child_process';
import { HARNESS } from './harness.js';

/** A learner's infinite loop must never hang the tutor: the harness is stopped after this long. */
export const TIME_LIMIT_MS = 20_000;
/** What the harness may print before it is stopped: far more than the cases' answers (about 50 kB). */
const MAX_OUTPUT = 8 * 1024 * 1024;

/** The Python the check runs: GRAD_TUTOR_PYTHON, else `python3` found on PATH. */
export function pythonOf(env: NodeJS.ProcessEnv): string {
  return env.GRAD_TUTOR_PYTHON || 'python3';
}

export type HarnessRun =
  | { kind: 'done'; lines: unknown[]; stderr: string }
  | { kind: 'timeout'; lines: unknown[] }
  | { kind: 'no-python'; python: string }
  | { kind: 'crashed'; lines: unknown[]; stderr: string; code: number | null };

/**
 * Runs the harness on the learner's folder with `python` (argv only, never a
 * shell), the cases on stdin. `-I` keeps the learner's environment variables
 * and user site out; `-B` writes no __pycache__ into their folder (which
 * `code watch` would take for a save).
 */
export interface HarnessOptions {
  /** Where `python` is looked up (PATH). */
  env: NodeJS.ProcessEnv;
  limitMs?: number;
  /** Stops the run (`code watch` quitting mid-check). */
  signal?: AbortSignal;
}

export function runHarness(python: string, dir: string, input: string, options: HarnessOptions): Promise<HarnessRun> {
  const { env, limitMs = TIME_LIMIT_MS, signal } = options;
  return new Promise((resolve) => {
    const child = spawn(python, ['-I', '-B', '-c', HARNESS, dir], { stdio: ['pipe', 'pipe', 'pipe'], env, signal });
    let out = '';
    let err = '';
    let settled = false;
    const finish = (run: HarnessRun) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(run);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ kind: 'timeout', lines: parseLines(out) });
    }, limitMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'EACCES') finish({ kind: 'no-python', python });
      else finish({ kind: 'crashed', lines: [], stderr: error.message, code: null });
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.length > MAX_OUTPUT) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      // Only the end matters (Python's last words); the learner's prints are kept to a few kB.
      err = (err + chunk).slice(-4096);
    });
    child.on('close', (code) => {
      const lines = parseLines(out);
      if (code === 0) finish({ kind: 'done', lines, stderr: err });
      else finish({ kind: 'crashed', lines, stderr: err, code });
    });
    // A harness that died before reading all its input closes the pipe: that is its exit code's to tell.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

/** The harness's answers, one JSON object a line; a line cut short by a kill is dropped. */
function parseLines(out: string): unknown[] {
  const lines: unknown[] = [];
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    try {
      lines.push(JSON.parse(line));
    } catch {
      break;
    }
  }
  return lines;
}
