// Time to first frame in a pseudo-terminal, against a bare `node -e 0` in the
// same run and the same clean environment. The ratio is the figure that
// matters: absolute times move with the machine and its load.
//
//   npx tsx bench/startup.ts [--runs 21] [--wait "q quit"] [-- node bin/grad-tutor.js add-then-mul]
//
// Several commands, separated by " -- ", are measured in the same interleaved
// runs, which makes comparisons fair on a noisy machine:
//
//   npx tsx bench/startup.ts --wait 'q quit' --wait '' -- node bin/grad-tutor.js add-then-mul -- node bin/grad-tutor.js list
//
// An empty --wait times a command until it exits. bench/run.ts uses
// measureStartup() for the benchmark report. Build first (npm run build).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { spawn } from '@lydell/node-pty';
import { cleanEnv, ROOT } from '../test/e2e/pty.js';

export interface StartupTarget {
  /** `node` means this very Node binary. */
  command: string[];
  /** Time until this text is on screen; undefined: until the process exits (with 0). */
  wait?: string;
  /** Run without the V8 code cache: a fresh XDG_CACHE_HOME each run, as on a learner's first start. */
  coldCache?: boolean;
}

export interface StartupResult {
  target: StartupTarget;
  /** Milliseconds, one per run, in run order. */
  times: number[];
}

// CSI and OSC sequences: the awaited text can be split by colour codes.
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[=>78]/g;

/**
 * Milliseconds from spawn until `text` is on the terminal, or until exit when
 * `text` is undefined. The process is then killed (after `lingerMs`) and
 * awaited, so runs never overlap.
 */
function once(argv: string[], env: Record<string, string>, text?: string, lingerMs = 0): Promise<number> {
  const [command, ...args] = argv;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const pty = spawn(command === 'node' ? process.execPath : command, args, {
      name: 'xterm-256color',
      cols: 100,
      rows: 30,
      cwd: ROOT,
      env,
    });
    let seen = '';
    let elapsed: number | undefined;
    const timer = setTimeout(() => {
      pty.kill('SIGKILL');
      reject(new Error(`"${text}" did not appear within 10 s; output: ${JSON.stringify(seen.slice(-500))}`));
    }, 10_000);
    pty.onData((data) => {
      if (text === undefined || elapsed !== undefined) return;
      seen += data;
      if (seen.replace(ESCAPES, '').includes(text)) {
        elapsed = performance.now() - start;
        setTimeout(() => pty.kill('SIGKILL'), lingerMs);
      }
    });
    pty.onExit(({ exitCode }) => {
      clearTimeout(timer);
      if (text === undefined) {
        if (exitCode !== 0) reject(new Error(`${argv.join(' ')} exited with ${exitCode}`));
        else resolve(performance.now() - start);
      } else if (elapsed === undefined) {
        reject(new Error(`exited (${exitCode}) before "${text}" appeared; output: ${JSON.stringify(seen.slice(-500))}`));
      } else {
        resolve(elapsed);
      }
    });
  });
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * `runs` interleaved runs of every target, after one unmeasured run of each
 * that warms the file cache and writes the V8 code cache. The environment is
 * the clean one of the end-to-end tests (no NODE_EXTRA_CA_CERTS, CI or
 * NODE_OPTIONS); every run gets a fresh XDG_STATE_HOME, so no progress is
 * resumed, and the code cache lives in a directory of its own.
 */
export async function measureStartup(targets: StartupTarget[], runs = 21): Promise<StartupResult[]> {
  const root = mkdtempSync(join(tmpdir(), 'grad-tutor-bench-'));
  let fresh = 0;
  const dir = (what: string) => join(root, `${what}-${fresh++}`);
  const envFor = (target: StartupTarget) =>
    cleanEnv({
      XDG_STATE_HOME: dir('state'),
      XDG_CACHE_HOME: target.coldCache ? dir('cache') : join(root, 'cache'),
      FORCE_COLOR: undefined,
    });
  try {
    // The warm-up lives on long enough for bin/grad-tutor.js to write its code cache (1 s after start).
    for (const target of targets) await once(target.command, envFor(target), target.wait, 1500);
    const results = targets.map((target): StartupResult => ({ target, times: [] }));
    for (let i = 0; i < runs; i++) {
      for (const result of results) result.times.push(await once(result.target.command, envFor(result.target), result.target.wait));
    }
    return results;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function cli(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '21' },
      // One per command, in order; the last one serves the commands after it.
      wait: { type: 'string', multiple: true, default: ['q quit'] },
    },
  });
  // parseArgs keeps every "--" after the first as a positional.
  const commands: string[][] = [[]];
  for (const word of positionals) {
    if (word === '--') commands.push([]);
    else commands[commands.length - 1].push(word);
  }
  const named = commands.filter((c) => c.length > 0);
  if (named.length === 0) named.push(['node', 'bin/grad-tutor.js', 'add-then-mul']);
  const targets: StartupTarget[] = [
    { command: ['node', '-e', '0'] },
    ...named.map((command, i) => ({ command, wait: values.wait[Math.min(i, values.wait.length - 1)] || undefined })),
  ];
  const runs = Number(values.runs);
  const [bare, ...rest] = await measureStartup(targets, runs);
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`.padStart(9);
  const bareMedian = median(bare.times);
  console.log(`node ${process.version}, ${runs} interleaved runs, NODE_EXTRA_CA_CERTS unset; time until the text is on screen`);
  console.log(`${fmt(bareMedian)}  node -e 0`);
  for (const { target, times } of rest) {
    const m = median(times);
    console.log(
      `${fmt(m)}  ${(m / bareMedian).toFixed(2)}×  ${target.command.join(' ')}  (${target.wait ? `until "${target.wait}"` : 'until exit'})`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await cli();
