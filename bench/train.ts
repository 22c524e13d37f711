/**
 * Training figures: 100 updates of the lecture's MLP on its four examples, in
 * process (goal ≤ 50 ms), and the time to build one Train step's text (the
 * whole lesson with its Train phase, divided by its steps, and one chart).
 * Run alone with `tsx bench/train.ts`, or as part of `npm run bench`. The
 * render time of one Train screen is in bench/train-render.tsx.
 */

import { performance } from 'node:perf_hooks';
import { train, type Values } from '../src/engine/index.js';
import { buildLesson, trainingChart, trainSteps } from '../src/lesson/index.js';
import { loadScenarioFile } from '../src/scenario/index.js';
import { median } from './startup.js';

export interface TrainFigures {
  nodes: number;
  params: number;
  /** Milliseconds for 100 updates, per run. */
  train: number[];
  /** Milliseconds for one Train step's text: the Train phase of 100 updates built ÷ its steps. */
  step: number[];
  /** Milliseconds for the whole lesson with its Train phase. */
  lesson: number[];
  /** Milliseconds for one loss chart of 101 points. */
  chart: number[];
}

export function measureTraining(runs = 21): TrainFigures {
  const mlp = loadScenarioFile('scenarios/17-mlp.yaml');
  const start: Values = Object.fromEntries(mlp.params.map((p) => [p, mlp.graph.nodes.find((n) => n.name === p)?.value ?? NaN]));
  const data = { params: mlp.params, rows: mlp.examples ?? [{}] };
  const run = { steps: 100, rate: -0.05, zeroGrad: true };
  const scenario = { ...mlp, train: run };
  const figures: TrainFigures = { nodes: mlp.graph.nodes.length, params: mlp.params.length, train: [], step: [], lesson: [], chart: [] };
  // One unmeasured round so the JIT has seen every path.
  train(mlp.graph, start, data, run);
  buildLesson(scenario);
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const history = train(mlp.graph, start, data, run);
    figures.train.push(performance.now() - t);
    t = performance.now();
    const lesson = buildLesson(scenario);
    figures.lesson.push(performance.now() - t);
    t = performance.now();
    const steps = trainSteps(lesson.training!, mlp.graph, lesson.data);
    figures.step.push((performance.now() - t) / steps.length);
    t = performance.now();
    trainingChart(history, 100);
    figures.chart.push(performance.now() - t);
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = measureTraining();
  const ms = (xs: number[]) => `${median(xs).toFixed(3)} ms`;
  console.log(`MLP 3-4-4-1 (${f.nodes} nodes, ${f.params} params), 4 examples:`);
  console.log(`  100 training updates, in process: ${ms(f.train)} median of ${f.train.length}`);
  console.log(`  one Train step's text (the Train phase ÷ its steps): ${ms(f.step)}`);
  console.log(`  the whole lesson with 100 updates: ${ms(f.lesson)}`);
  console.log(`  one loss chart of 101 points: ${ms(f.chart)}`);
}
