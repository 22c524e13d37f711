// Time to first frame in a pseudo-terminal, against a bare `node -e 0` in the
// same run and the same clean environment. The ratio is the figure that
// matters: absolute times move with the machine and its load.
//
//   npx tsx bench/startup.ts [--runs 21] [--wait "count 0"] [-- node dist/probe.js]
//
// Several commands, separated by " -- ", are measured in the same interleaved
// runs, which makes comparisons fair on a noisy machine:
//
//   npx tsx bench/startup.ts --wait 'count 0' --wait 'q quit' -- node dist/probe.js -- node bin/grad-tutor.js add-then-mul
//
// Build first (the probe needs GRAD_TUTOR_PROBE_ENTRY=1 node scripts/build.mjs).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { spawn } from '@lydell/node-pty';
import { cleanEnv, ROOT } from '../test/e2e/pty.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '21' },
    // One per command, in order; the last one serves the commands after it.
    wait: { type: 'string', multiple: true, default: ['count 0'] },
  },
});
const runs = Number(values.runs);
// parseArgs keeps every "--" after the first as a positional.
const commands: string[][] = [[]];
for (const word of positionals) {
  if (word === '--') commands.push([]);
  else commands[commands.length - 1].push(word);
}
const targets = commands.filter((c) => c.length > 0);
if (targets.length === 0) {
  if (!existsSync(join(ROOT, 'dist/probe.js'))) {
    console.error('dist/probe.js is missing: run GRAD_TUTOR_PROBE_ENTRY=1 node scripts/build.mjs (or name a command after --)');
    process.exit(2);
  }
  targets.push(['node', 'dist/probe.js']);
}
const waits = targets.map((_, i) => values.wait[Math.min(i, values.wait.length - 1)]);
const env = cleanEnv();

// CSI and OSC sequences: the awaited text can be split by colour codes.
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[=>78]/g;

/**
 * Milliseconds from spawn until `text` is on the terminal, or until exit when
 * `text` is undefined. The process is then killed (after `lingerMs`) and
 * awaited, so runs never overlap.
 */
function once(command: string, commandArgs: string[], text?: string, lingerMs = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const pty = spawn(command === 'node' ? process.execPath : command, commandArgs, { name: 'xterm-256color', cols: 100, rows: 30, cwd: ROOT, env });
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
        if (exitCode !== 0) reject(new Error(`${command} exited with ${exitCode}`));
        else resolve(performance.now() - start);
      } else if (elapsed === undefined) {
        reject(new Error(`exited (${exitCode}) before "${text}" appeared; output: ${JSON.stringify(seen.slice(-500))}`));
      } else {
        resolve(elapsed);
      }
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

// One unmeasured run of each warms the file cache; it lives on long enough
// for bin/grad-tutor.js to write its code cache (1 s after start).
await once('node', ['-e', '0']);
for (const [t, [file, ...args]] of targets.entries()) await once(file, args, waits[t], 1500);

const bare: number[] = [];
const times: number[][] = targets.map(() => []);
for (let i = 0; i < runs; i++) {
  bare.push(await once('node', ['-e', '0']));
  for (const [t, [file, ...args]] of targets.entries()) times[t].push(await once(file, args, waits[t]));
}

const bareMedian = median(bare);
console.log(`node ${process.version}, ${runs} interleaved runs, NODE_EXTRA_CA_CERTS unset; time until the text is on screen`);
console.log(`${fmt(bareMedian).padStart(9)}  node -e 0`);
for (const [t, command] of targets.entries()) {
  const m = median(times[t]);
  console.log(`${fmt(m).padStart(9)}  ${(m / bareMedian).toFixed(2)}×  ${command.join(' ')}  (until "${waits[t]}")`);
}
