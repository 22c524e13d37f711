/**
 * Sums that reuse a few inputs (bench/graphs.ts, reusedInputsScenario): 500, 1,000,
 * 2,000 and 20,000 products over 40 to 50 inputs, the shape whose drawing once
 * grew with the square of its length (issue 21). For each, one run of `graph`,
 * of the Markdown handout and of the tutor in a pseudo-terminal, with wall time
 * and peak memory (GNU time's maximum resident set, children included: the
 * tutor's layout worker is a thread, counted with it). The tutor is timed to
 * its first frame (a "Working…" line where the layout goes to the background)
 * and to the lesson's first step, then quits with q. `npm run bench` prints
 * this table; `npx tsx bench/reused.ts [--bin path/to/grad-tutor.js]` measures
 * another build (e.g. before a change). A run past the timeout is cut short
 * and shown as "> 60 s".
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { spawn } from '@lydell/node-pty';
import { BIN, cleanEnv, ROOT } from '../test/e2e/pty.js';
import { reusedInputsScenario } from './graphs.js';

const SHAPES = [
  { terms: 500, inputs: 40 },
  { terms: 1_000, inputs: 40 },
  { terms: 2_000, inputs: 40 },
  { terms: 20_000, inputs: 50 },
];
const TIMEOUT_MS = 60_000;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
/**
 * `node …` under GNU time (its peak memory) and timeout, which ends node itself when it runs too long: killing
 * time would leave node running on, gigabytes and all. In the foreground: in a process group of its own the
 * tutor would be stopped (SIGTTIN) as it read its first key.
 */
function wrapped(argv: string[]): string[] {
  const limited = existsSync('/usr/bin/timeout')
    ? ['/usr/bin/timeout', '--foreground', '-s', 'KILL', String(TIMEOUT_MS / 1000), ...argv]
    : argv;
  return TIME ? [TIME, '-f', 'peak %M', ...limited] : limited;
}
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[=>78]/g;

interface Run {
  ms: number;
  mb?: number;
  code: number | null;
}

/** A command of the built CLI to its exit, output thrown away. */
function command(bin: string, args: string[]): Run {
  const start = performance.now();
  const [cmd, ...rest] = wrapped([process.execPath, bin, ...args]);
  const run = spawnSync(cmd, rest, { env: cleanEnv(), stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  // timeout's own status when it ended node, and GNU time's "Command exited with non-zero status" otherwise.
  // Cut short, GNU time sees only timeout's own memory.
  return ms >= TIMEOUT_MS ? { ms, code: null } : { ms, mb: peakOf(run.stderr ?? ''), code: run.status };
}

function peakOf(text: string): number | undefined {
  const kb = /peak (\d+)/.exec(text)?.[1];
  return kb === undefined ? undefined : Number(kb) / 1024;
}

/** The tutor on `file` in a 100×30 pseudo-terminal: to its first frame, to the lesson's first step, then q. */
function tutor(bin: string, file: string, home: string): Promise<{ first?: number; lesson?: number; exit: Run }> {
  const [cmd, ...args] = wrapped([process.execPath, bin, file]);
  const env = cleanEnv({ XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache'), FORCE_COLOR: undefined });
  return new Promise((resolve) => {
    const start = performance.now();
    const pty = spawn(cmd, args, { name: 'xterm-256color', cols: 100, rows: 30, cwd: ROOT, env });
    let seen = '';
    let first: number | undefined;
    let lesson: number | undefined;
    const timer = setTimeout(() => pty.kill('SIGKILL'), TIMEOUT_MS + 5_000);
    pty.onData((data) => {
      seen += data;
      const text = seen.replace(ESCAPES, '');
      if (first === undefined && /\S/.test(text)) first = performance.now() - start;
      if (lesson === undefined && text.includes('step 1/')) {
        lesson = performance.now() - start;
        pty.write('q');
      }
    });
    pty.onExit(({ exitCode }) => {
      clearTimeout(timer);
      const ms = performance.now() - start;
      const exit = ms >= TIMEOUT_MS ? { ms, code: null } : { ms, mb: peakOf(seen.replace(ESCAPES, '')), code: exitCode };
      resolve({ first, lesson, exit });
    });
  });
}

const seconds = (ms: number | undefined) => (ms === undefined ? '—' : ms >= TIMEOUT_MS ? '> 60 s' : `${(ms / 1000).toFixed(2)} s`);
const megabytes = (mb: number | undefined) => (mb === undefined ? '?' : `${mb.toFixed(0)} MB`);
const ending = (run: Run) => (run.code === 0 ? '' : run.code === null ? ' (cut short)' : ` (exit ${run.code})`);

export async function printReused(bin = BIN): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'grad-tutor-reused-'));
  const rows: string[][] = [['sum', 'graph', 'peak', 'handout', 'peak', 'tutor: first frame', 'lesson', 'peak']];
  try {
    for (const { terms, inputs } of SHAPES) {
      const file = join(dir, `reused-${terms}.yaml`);
      writeFileSync(file, reusedInputsScenario(terms, inputs, 'products'));
      const graph = command(bin, ['graph', file]);
      const handout = command(bin, ['export', file, '--format', 'markdown']);
      const shown = await tutor(bin, file, mkdtempSync(join(dir, 'home-')));
      rows.push([
        `${terms.toLocaleString('en-US')} products over ${inputs}`,
        seconds(graph.ms) + ending(graph),
        megabytes(graph.mb),
        seconds(handout.ms) + ending(handout),
        megabytes(handout.mb),
        seconds(shown.first),
        shown.lesson === undefined ? `—${ending(shown.exit)}` : seconds(shown.lesson),
        megabytes(shown.exit.mb),
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const widths = rows[0].map((_, c) => rows.reduce((w, r) => Math.max(w, r[c].length), 0));
  console.log(`\ngrad-tutor bench · sums that reuse a few inputs (${bin})\n`);
  for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
}

if (process.argv[1]?.endsWith('reused.ts')) {
  const { values } = parseArgs({ options: { bin: { type: 'string' } } });
  await printReused(values.bin ?? BIN);
}
