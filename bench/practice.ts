// Practice problems: how long a problem takes to make, per skill (drawing,
// loading its YAML, the passes, the questions), and a whole set of the
// largest size the command line gives. Figures, not a test.
//
//   npx tsx bench/practice.ts [--seeds 1000]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generate, MAX_PROBLEMS, problemSet, SKILLS } from '../src/practice/index.js';
import { parseScenario } from '../src/scenario/index.js';
import { median } from './startup.js';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: '1000' } } });
const seeds = Number(values.seeds);

// Warm up the loader and the engine, as a test run or the CLI's first problem would have.
for (const { id } of SKILLS) generate(id, 0);

process.stdout.write(`skill               per problem   of it, loading the YAML   (${seeds} seeds each)\n`);
let all = 0;
for (const { id } of SKILLS) {
  const start = performance.now();
  const sources: string[] = [];
  for (let seed = 0; seed < seeds; seed++) sources.push(generate(id, seed).source);
  const total = performance.now() - start;
  const loadStart = performance.now();
  for (const source of sources) parseScenario(source, 'p.yaml');
  const load = performance.now() - loadStart;
  all += total;
  process.stdout.write(
    `${id.padEnd(18)}  ${`${((total / seeds) * 1000).toFixed(0)} µs`.padStart(11)}   ${`${((load / seeds) * 1000).toFixed(0)} µs`.padStart(23)}\n`,
  );
}
process.stdout.write(`all ${SKILLS.length} skills × ${seeds} seeds: ${(all / 1000).toFixed(2)} s\n`);

const times: number[] = [];
for (let run = 0; run < 7; run++) {
  const start = performance.now();
  problemSet({ count: MAX_PROBLEMS, seed: run });
  times.push(performance.now() - start);
}
process.stdout.write(`a set of ${MAX_PROBLEMS} mixed problems: median ${median(times).toFixed(1)} ms of 7\n`);
