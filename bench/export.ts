/**
 * The exported scripts of deep graphs, run: `npm run bench` prints this table
 * after its own, or `npx tsx bench/export.ts` (build first). A chain of n
 * nodes (tanh and + x, bench/graphs.ts) is as deep as it is long: the plain-
 * Python script's build_topo once called itself per node and stopped with
 * RecursionError past about 1,000. For each size: the export through the
 * built CLI, then the script with python3 (and with PyTorch where a Python
 * imports it), wall and CPU time and peak memory of each process, one run each (at
 * 100,000 nodes a run takes seconds).
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BIN, cleanEnv } from '../test/e2e/pty.js';
import { pythonWith } from '../test/export/run-python.js';
import { chainScenario } from './graphs.js';

const SIZES = [1_000, 10_000, 100_000];
const torchPython = pythonWith('torch');

interface Timed {
  seconds: number;
  /** User + system time, and peak RSS: from /usr/bin/time where it exists. On a busy machine wall time is not CPU time. */
  cpu?: number;
  mb?: number;
  ok: boolean;
}

const TIME = '/usr/bin/time';
const withTime = spawnSync(TIME, ['-f', '%M', '--', 'true']).status === 0;

/** One process: wall time, CPU time and peak RSS. */
function timed(command: string, args: string[], stdout?: string): Timed {
  const start = performance.now();
  const ran = withTime
    ? spawnSync(TIME, ['-f', '%U %S %M', '--', command, ...args], { env: cleanEnv(), maxBuffer: 2 ** 30 })
    : spawnSync(command, args, { env: cleanEnv(), maxBuffer: 2 ** 30 });
  const seconds = (performance.now() - start) / 1000;
  if (stdout && ran.status === 0) writeFileSync(stdout, ran.stdout);
  const [user, system, kb] = withTime ? (ran.stderr.toString().trim().split('\n').at(-1) ?? '').split(' ').map(Number) : [];
  return { seconds, cpu: withTime ? user + system : undefined, mb: withTime ? kb / 1024 : undefined, ok: ran.status === 0 };
}

const dir = mkdtempSync(join(tmpdir(), 'grad-tutor-bench-export-'));
try {
  const rows: string[][] = [['', 'export', 'python3', 'PyTorch']];
  const cell = (t: Timed) =>
    !t.ok
      ? 'failed'
      : t.cpu === undefined
        ? `${t.seconds.toFixed(2)} s`
        : `${t.seconds.toFixed(2)} s (CPU ${t.cpu.toFixed(2)} s), ${t.mb!.toFixed(0)} MB`;
  for (const n of SIZES) {
    const file = join(dir, `chain${n}.yaml`);
    writeFileSync(file, chainScenario(n));
    const plain = join(dir, `chain${n}.py`);
    const torch = join(dir, `chain${n}-torch.py`);
    const exported = timed(process.execPath, [BIN, 'export', file, '--format', 'python'], plain);
    timed(process.execPath, [BIN, 'export', file, '--format', 'pytorch'], torch);
    const ran = timed('python3', [plain]);
    const ranTorch = torchPython ? cell(timed(torchPython, [torch])) : 'no torch';
    rows.push([`chain of ${n.toLocaleString('en')} nodes`, cell(exported), cell(ran), ranTorch]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log('\nexported scripts of a chain: wall time (CPU time) and peak RSS of each process, one run each\n');
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
