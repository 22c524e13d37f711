/**
 * The long fuzz run: `npm run fuzz [-- --runs N] [-- --seed S]`
 * (or `npx tsx scripts/fuzz.ts --runs N --seed S`).
 *
 * Feeds every arbitrary of test/fuzz/fuzz.ts to the loader, the expression parser
 * and the typed-graph path, --runs cases in all (default 100,000) split by weight.
 * Prints the cases per arbitrary, the outcomes (valid / error / crash) and the
 * time; on a crash, prints the shrunk counterexample and exits 1.
 *
 * With --keys (`npm run fuzz -- --keys [--seconds N] [--seed S]`): random keys,
 * escape sequences, bursts and resizes into the built tutor in a
 * pseudo-terminal for N seconds (default 60; test/fuzz/key-run.ts), then what
 * it sent; exit 1 if the tutor crashed.
 */

import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { checkCase, describeCase, runsPerTarget, type Case, type Outcome } from '../test/fuzz/fuzz.js';
import { keyRun } from '../test/fuzz/key-run.js';
import { assertBuilt } from '../test/e2e/pty.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string' },
    only: { type: 'string' },
    keys: { type: 'boolean' },
    seconds: { type: 'string', default: '60' },
  },
});
const total = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!Number.isInteger(total) || total < 1 || !Number.isInteger(seed)) {
  console.error('usage: tsx scripts/fuzz.ts [--runs N] [--seed S] [--only NAME] | --keys [--seconds N] [--seed S]');
  process.exit(2);
}

if (values.keys) {
  const seconds = Number(values.seconds);
  if (!(seconds > 0)) {
    console.error('usage: tsx scripts/fuzz.ts --keys [--seconds N] [--seed S]');
    process.exit(2);
  }
  assertBuilt();
  console.log(`key fuzz of the tutor for ${seconds} s, seed ${seed}, node ${process.version}`);
  const report = await keyRun({ seed, ms: seconds * 1000, log: console.log });
  console.log(
    `sent ${report.bursts} bursts (${report.keys} bytes), ${report.resizes} resizes from ${report.smallest.join('×')} to ${report.largest.join('×')}, in ${report.sessions} tutor session(s)`,
  );
  if (report.crash) console.log(`\nCRASH (seed ${seed}): ${report.crash}`);
  console.log(report.crash ? 'FAILED' : 'ok: the tutor survived every key');
  process.exit(report.crash ? 1 : 0);
}

console.log(`fuzzing ${total} cases, seed ${seed}, node ${process.version}`);
const rows: string[][] = [['arbitrary', 'cases', 'valid', 'error', 'crash', 'seconds', 'slowest ms']];
const totals = { cases: 0, valid: 0, error: 0, crash: 0 };
const started = performance.now();
let failed = false;

for (const [target, runs] of runsPerTarget(total)) {
  if (values.only && !target.name.includes(values.only)) continue;
  const counts: Record<Outcome | 'crash', number> = { valid: 0, error: 0, crash: 0 };
  let slowest = { ms: 0, c: null as Case | null };
  let cases = 0;
  // Shrinking re-runs the property; count only the cases of the run itself.
  let shrinking = false;
  const t0 = performance.now();
  const result = fc.check(
    fc.property(target.arbitrary, (c) => {
      const s = performance.now();
      try {
        const outcome = checkCase(c);
        if (!shrinking) counts[outcome]++;
      } catch (error) {
        if (!shrinking) counts.crash++;
        shrinking = true;
        throw error;
      } finally {
        const ms = performance.now() - s;
        if (!shrinking) {
          cases++;
          if (ms > slowest.ms) slowest = { ms, c };
        }
      }
    }),
    { numRuns: runs, seed },
  );
  const seconds = (performance.now() - t0) / 1000;
  rows.push([
    target.name,
    String(cases),
    String(counts.valid),
    String(counts.error),
    String(counts.crash),
    seconds.toFixed(1),
    slowest.ms.toFixed(0),
  ]);
  totals.cases += cases;
  totals.valid += counts.valid;
  totals.error += counts.error;
  totals.crash += counts.crash;
  console.log(`  ${target.name}: ${cases} cases, ${seconds.toFixed(1)} s${result.failed ? ' — CRASH' : ''}`);
  if (slowest.c && slowest.ms > 1_000) console.log(`    slowest case (${slowest.ms.toFixed(0)} ms): ${describeCase(slowest.c, 300)}`);
  if (result.failed) {
    failed = true;
    const counterexample = result.counterexample?.[0] as Case | undefined;
    const file = join(tmpdir(), `grad-tutor-fuzz-crash-${seed}.json`);
    if (counterexample) writeFileSync(file, describeCase(counterexample, Infinity));
    console.log(
      `\nCRASH in "${target.name}" (seed ${seed}, path ${result.counterexamplePath}, after ${result.numRuns} runs and ${result.numShrinks} shrinks)`,
    );
    console.log(`counterexample: ${counterexample ? describeCase(counterexample) : '(none)'}`);
    if (counterexample) console.log(`full counterexample written to ${file}`);
    console.log(
      String(result.errorInstance instanceof Error ? result.errorInstance.message : result.errorInstance)
        .split('\n')
        .slice(0, 14)
        .join('\n'),
    );
    console.log('');
  }
}

rows.push([
  'total',
  String(totals.cases),
  String(totals.valid),
  String(totals.error),
  String(totals.crash),
  ((performance.now() - started) / 1000).toFixed(1),
  '',
]);
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
console.log('');
for (const row of rows) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
console.log(`\n${failed ? 'FAILED' : 'ok'}: ${totals.cases} cases in ${((performance.now() - started) / 1000).toFixed(1)} s, seed ${seed}`);
process.exit(failed ? 1 : 0);
