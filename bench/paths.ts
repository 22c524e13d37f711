// Exploring a step on a large graph: how long `f` takes to count and list one node's paths (linear in the graph
// however many paths there are: a ladder of 1,000 diamonds has 2^1000), and `/` to find names by their start.
// Figures, not a test.
//
//   npm run bench:paths
import { performance } from 'node:perf_hooks';
import { backprop } from '../src/engine/index.js';
import { pathsOf } from '../src/lesson/paths.js';
import { countText } from '../src/session/inspect.js';
import { matchesOf } from '../src/session/find.js';
import { parseScenario } from '../src/scenario/index.js';
import { chainScenario, randomScenario } from './graphs.js';
import { median } from './startup.js';

/** A ladder of `rungs` diamonds: d splits into two halves and joins again at each rung, doubling the paths. */
function ladder(rungs: number): string {
  const nodes = ['  d0: x * 1'];
  for (let k = 1; k <= rungs; k++) nodes.push(`  u${k}: d${k - 1} * 0.5`, `  v${k}: d${k - 1} * 0.5`, `  d${k}: u${k} + v${k}`);
  return ['title: ladder', 'inputs:', '  x: 3', 'nodes:', ...nodes, ''].join('\n');
}

const RUNS = 7;
const time = (f: () => void) => {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    f();
    times.push(performance.now() - start);
  }
  return median(times);
};

process.stdout.write(`graph                         nodes   paths of its first input   f (3 listed)   / "n1"   (median of ${RUNS})\n`);
for (const [name, text] of [
  ['random DAG', randomScenario(2000, 1)],
  ['random DAG', randomScenario(10_000, 1)],
  ['chain', chainScenario(10_000)],
  ['ladder of 60 diamonds', ladder(60)],
  ['ladder of 1,000 diamonds', ladder(1000)],
] as const) {
  const graph = parseScenario(text, 'b.yaml').graph;
  const trace = backprop(graph);
  const from = graph.inputs[0];
  const count = pathsOf(trace, from, 3).count;
  const follow = time(() => pathsOf(trace, from, 3));
  const find = time(() => matchesOf(graph, 'n1'));
  process.stdout.write(
    `${name.padEnd(28)}  ${String(graph.nodes.length).padStart(5)}   ${countText(count).padStart(24)}   ${`${follow.toFixed(1)} ms`.padStart(12)}   ${`${find.toFixed(1)} ms`.padStart(6)}\n`,
  );
}
