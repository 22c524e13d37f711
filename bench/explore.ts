/**
 * Explore's edit (e, a name, a value, Enter): the lesson is built again on the new value before the next frame,
 * in the reducer, as a knob's change is. For each graph, the median time of the Enter that sends the value (the
 * reducer, the lesson built, the frame) against a step (→, a frame alone) and the lesson built alone, the work
 * an edit adds; the drawing's layout is shared, not laid out again. `npx tsx bench/explore.ts`; `npm run bench` prints it too.
 */

import { performance } from 'node:perf_hooks';
import { bundledScenarios } from '../src/catalog.js';
import { buildLesson } from '../src/lesson/index.js';
import { loadScenarioFile, parseScenario, type Scenario } from '../src/scenario/index.js';
import { buildFrame } from '../src/session/frame.js';
import { initialSession, reduce, type Session } from '../src/session/session.js';
import { chainScenario, mlpScenario, randomScenario } from './graphs.js';
import { median } from './startup.js';

const RUNS = 7;

function opened(scenario: Scenario): Session {
  const menu = initialSession({ window: { columns: 80, rows: 24 } });
  const state = reduce(menu, { type: 'opened', lesson: { kind: 'file', path: scenario.file }, scenario, step: 1, from: 'menu' }).state;
  buildFrame(state);
  return state;
}

/** Milliseconds of the keys through the reducer (which builds each key's frame), from `state`. */
function timed(state: Session, keys: string[]): { ms: number; state: Session } {
  const start = performance.now();
  let next = state;
  for (const key of keys) next = reduce(next, { type: 'key', key }).state;
  buildFrame(next);
  return { ms: performance.now() - start, state: next };
}

/**
 * One edit of the first input, to a value each run has its own of (a lesson is built once per scenario and
 * value): the Enter that sends the value, alone, after the keys that typed it.
 */
function edit(state: Session, run: number): number {
  const name = state.open!.scenario.graph.inputs[0];
  // Enter picks a name others start with (x1 of x1, x10); after one taken as soon as typed, it waits for the value.
  const typed = timed(state, ['e', ...name, 'enter', ...String(run + 10)]).state;
  const sent = timed(typed, ['enter']);
  if (!sent.state.open!.explore?.file) throw new Error(`the edit of ${name} did not happen`);
  return sent.ms;
}

const catalog = bundledScenarios();
const graphs: [string, Scenario][] = [
  ['mul (bundled)', loadScenarioFile(catalog.find((e) => e.id === 'mul')!.file)],
  ['mlp (bundled, 4 examples, train 30)', loadScenarioFile(catalog.find((e) => e.id === 'mlp')!.file)],
  ['MLP 2-5-5-1', parseScenario(mlpScenario([2, 5, 5, 1], 1), 'mlp.yaml')],
  ['chain of 1,000', parseScenario(chainScenario(1000), 'chain.yaml')],
  ['random 1,000', parseScenario(randomScenario(1000, 1), 'random.yaml')],
  ['random 10,000', parseScenario(randomScenario(10_000, 1), 'random10000.yaml')],
];

console.log(
  `grad-tutor bench · explore: the Enter that sends an input's new value, against a step (→) and the lesson built alone; medians of ${RUNS}\n`,
);
const rows = [['graph', 'nodes', '→ (a step)', 'Enter (the edit)', 'lesson built']];
for (const [what, scenario] of graphs) {
  const state = opened(scenario);
  const edits = Array.from({ length: RUNS }, (_, run) => edit(state, run));
  const steps = Array.from({ length: RUNS }, () => timed(state, ['right']).ms);
  const builds = Array.from({ length: RUNS }, () => {
    const start = performance.now();
    buildLesson({ ...scenario });
    return performance.now() - start;
  });
  const ms = (xs: number[]) => `${median(xs).toFixed(1)} ms`;
  rows.push([what, String(scenario.graph.nodes.length), ms(steps), ms(edits), ms(builds)]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
