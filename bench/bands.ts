// `graph` of a long chain in 80 columns: the drawing is cut into bands of layers (src/layout/bands.ts), thousands
// of them, so a band must cost its own nodes and not the whole graph's (it did: 11.5 s at 10,000 nodes). Wall time
// and peak memory of the CLI, one run each. Figures, not a test.
//
//   npx tsx bench/bands.ts   (after a build; also at the end of npm run bench)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chainScenario } from './graphs.js';

const cli = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'grad-tutor-bands-'));

process.stdout.write('\ngrad-tutor bench · graph --width 80 of a chain, drawn in bands\n\n');
for (const n of [1_000, 10_000, 100_000]) {
  const file = join(dir, `chain-${n}.yaml`);
  writeFileSync(file, chainScenario(n));
  const start = performance.now();
  // Peak memory where /usr/bin/time is there to tell it.
  const argv = [process.execPath, cli, 'graph', file, '--width', '80'];
  const [command, ...args] = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M', ...argv] : argv;
  const run = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - start;
  const peak = Number(run.stderr.trim().split('\n').at(-1)) / 1024;
  const lines = run.stdout.split('\n').length;
  process.stdout.write(
    `chain of ${n.toLocaleString('en')} nodes`.padEnd(28) +
      `${(ms / 1000).toFixed(2)} s`.padStart(8) +
      `${Number.isFinite(peak) ? `${peak.toFixed(0)} MB` : '?'}`.padStart(9) +
      `  ${lines.toLocaleString('en')} lines, exit ${run.status}\n`,
  );
}
