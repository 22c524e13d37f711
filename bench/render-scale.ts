/**
 * Render time per step as graphs grow: the 150-node MLP, random DAGs of 2,000
 * and 10,000 nodes and a 1,000-term sum, each laid out once, then stepped
 * through in an 80×14 room as the tutor does (`frameGraph`, which draws only
 * the window). `npx tsx bench/render-scale.ts`. Figures, not a test.
 */

import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { frameGraph, layoutGraph, type FramedDrawing, type Highlight, type Layout } from '../src/layout/index.js';
import { parseScenario } from '../src/scenario/index.js';
import { mlpScenario, randomScenario } from './graphs.js';

const STEPS = 200;

export interface ScaleFigures {
  name: string;
  nodes: number;
  layoutMs: number;
  compactMs: number;
  /** Layers' dummy nodes carry long edges: layout time follows nodes plus these. */
  size: string;
  first: number;
  /** Milliseconds per step, sorted. */
  steps: number[];
}

function sumScenario(terms: number): string {
  const inputs = Array.from({ length: terms }, (_, i) => `  x${i + 1}: ${(i % 7) - 3}`);
  return `title: sum\ninputs:\n${inputs.join('\n')}\nnodes:\n  z: ${Array.from({ length: terms }, (_, i) => `x${i + 1}`).join(' + ')}\n`;
}

export function measureScale(): ScaleFigures[] {
  const cases: [string, string][] = [
    ['MLP 2-5-5-1', mlpScenario([2, 5, 5, 1], 1)],
    ['random DAG', randomScenario(2000, 1)],
    ['random DAG', randomScenario(10_000, 1)],
    ['1,000-term sum', sumScenario(1000)],
  ];
  return cases.map(([name, text]) => {
    const { graph } = parseScenario(text, 'bench.yaml');
    const start = performance.now();
    const full = layoutGraph(graph);
    const layoutMs = performance.now() - start;
    // The compact style is laid out the first time a step needs it; timed apart here so the steps show the drawing alone.
    const compactStart = performance.now();
    const compact: Layout = layoutGraph(graph, { compact: true });
    const compactMs = performance.now() - compactStart;
    const layouts = { full: () => full, compact: () => compact };
    const values = Object.fromEntries(graph.nodes.map((n, i) => [n.name, Math.sin(i)]));
    // Backward order, one node after another, as the lesson walks it.
    const order = graph.nodes.slice(-STEPS).reverse();
    let previous: FramedDrawing | undefined;
    const times: number[] = [];
    for (const node of order) {
      const highlight: Highlight = {
        nodes: [node.name, ...node.inputs],
        edges: node.inputs.map((i): [string, string] => [i, node.name]),
        current: node.name,
      };
      const t = performance.now();
      previous = frameGraph(layouts, { values, grads: values }, highlight, 80, 14, { previous });
      times.push(performance.now() - t);
    }
    const first = times.shift()!;
    return {
      name,
      nodes: graph.nodes.length,
      layoutMs,
      compactMs,
      size: `${full.width}×${full.height}`,
      first,
      steps: times.sort((a, b) => a - b),
    };
  });
}

export function printScale(figures: ScaleFigures[]): void {
  const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
  console.log('\nrender one step in an 80×14 room (layout once, then only the window drawn):');
  for (const f of figures) {
    const median = f.steps[f.steps.length >> 1];
    const p90 = f.steps[Math.floor(f.steps.length * 0.9)];
    console.log(
      `  ${`${f.name}, ${f.nodes} nodes`.padEnd(32)} step median ${ms(median).padStart(8)}, p90 ${ms(p90).padStart(8)}, max ${ms(f.steps[f.steps.length - 1]).padStart(8)}, first ${ms(f.first)} · layout once ${ms(f.layoutMs)}, compact ${ms(f.compactMs)} (drawing ${f.size})`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printScale(measureScale());
