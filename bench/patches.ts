/**
 * What each speed patch of scripts/build.mjs saves on the first frame:
 * `npx tsx bench/patches.ts [--runs 21] [--rounds 1]`. Builds the bundle once
 * whole and once without each patch (GRAD_TUTOR_BUILD_WITHOUT), each in a
 * folder of its own laid out as the package is, then times the first frame of
 * `grad-tutor add-then-mul` for all of them interleaved, code cache warm
 * (bench/startup.ts). A patch worth keeping costs at least 2 ms when left out;
 * on a loaded machine repeat with more runs or rounds.
 *
 * Beside the wall time, the CPU time the tutor's threads used until the
 * first frame (/proc/<pid>/task/<tid>/schedstat, Linux): on a machine busy
 * with other work the wall time swings by a hundred milliseconds, the CPU
 * time much less.
 */

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SPEED_PATCHES } from '../scripts/build.mjs';
import { cleanEnv, NODE, ROOT, spawnInPty } from '../test/e2e/pty.js';
import { measureStartup, median } from './startup.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' }, rounds: { type: 'string', default: '1' } } });
const runs = Number(values.runs);
const rounds = Number(values.rounds);

const root = mkdtempSync(join(tmpdir(), 'grad-tutor-patches-'));
try {
  const variants = [{ name: 'all patches', without: '' }, ...SPEED_PATCHES.map((name) => ({ name: `without ${name}`, without: name }))];
  const bins = variants.map(({ without }, i) => {
    const dir = join(root, String(i));
    mkdirSync(join(dir, 'bin'), { recursive: true });
    mkdirSync(join(dir, 'dist'));
    for (const file of ['grad-tutor.js', 'package.json']) copyFileSync(join(ROOT, 'bin', file), join(dir, 'bin', file));
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    symlinkSync(join(ROOT, 'scenarios'), join(dir, 'scenarios'));
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], {
      env: { ...process.env, GRAD_TUTOR_BUILD_WITHOUT: without, GRAD_TUTOR_BUILD_OUT: join(dir, 'dist/cli.cjs') },
      stdio: 'inherit',
    });
    return join(dir, 'bin/grad-tutor.js');
  });
  const cpu = variants.map(() => [] as number[]);
  if (process.platform === 'linux') {
    const cache = join(root, 'cache');
    for (let run = -1; run < runs * rounds; run++) {
      // A different variant first in each round: the first after a pause ran faster.
      for (let k = 0; k < bins.length; k++) {
        const i = (k + Math.max(run, 0)) % bins.length;
        const bin = bins[i];
        const t = await spawnInPty(NODE, [bin, 'add-then-mul'], {
          cols: 100,
          rows: 30,
          env: cleanEnv({ XDG_CACHE_HOME: cache, XDG_STATE_HOME: join(root, `state-${run}-${i}`), FORCE_COLOR: undefined }),
        });
        await t.waitFor('q quit', 30_000);
        const ns = readdirSync(`/proc/${t.pid}/task`).reduce(
          (sum, task) => sum + Number(readFileSync(`/proc/${t.pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]),
          0,
        );
        // The first round warms the code cache (written a second after start) and is not counted.
        if (run < 0) await new Promise((resolve) => setTimeout(resolve, 1500));
        else cpu[i].push(ns / 1e6);
        t.kill();
        await t.exit().catch(() => undefined);
      }
    }
  }
  const times = variants.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    const results = await measureStartup(
      bins.map((bin) => ({ command: ['node', bin, 'add-then-mul'], wait: 'q quit' })),
      runs,
    );
    results.forEach((r, i) => times[i].push(...r.times));
  }
  const base = median(times[0]);
  console.log(
    `first frame of grad-tutor add-then-mul, code cache warm, ${runs * rounds} interleaved runs each (median; the change without the patch)\n`,
  );
  for (const [i, v] of variants.entries()) {
    const m = median(times[i]);
    const delta = (x: number, y: number) => (i === 0 ? ''.padEnd(8) : `${x - y >= 0 ? '+' : ''}${(x - y).toFixed(1)}`.padStart(8));
    const c = cpu[i].length ? median(cpu[i]) : NaN;
    const cpuBase = cpu[0].length ? median(cpu[0]) : NaN;
    console.log(
      `${v.name.padEnd(28)} wall ${m.toFixed(1).padStart(7)} ms ${delta(m, base)}   CPU ${c.toFixed(1).padStart(7)} ms ${delta(c, cpuBase)}`,
    );
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
