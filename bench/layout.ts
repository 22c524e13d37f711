/**
 * Layout speed on one random 520-node DAG, ours against @dagrejs/dagre, in one
 * run on one machine: `npx tsx bench/layout.ts [our runs] [dagre runs]`.
 * Prints medians, the ratio, and the time to draw and to cut an 80×24 viewport
 * around a node. Figures, not a test: nothing here fails on a slow machine.
 */

import dagre from '@dagrejs/dagre';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Graph, GraphNode, OpName } from '../src/engine/graph.js';
import { drawGraph, layoutGraph, viewport, type Layout } from '../src/layout/index.js';
import { seeded } from '../test/fuzz/seeded.js';

const NODES = 520;
const INPUTS = 40;

/** Mostly local operands (an MLP-like band of layers) with some long-range ones, as in a real network. */
function randomGraph(seed: number): Graph {
  const random = seeded(seed);
  const pick = (below: number) => Math.floor(random() * below);
  const nodes: GraphNode[] = [];
  for (let i = 0; i < INPUTS; i++) nodes.push({ name: `x${i}`, op: 'input', inputs: [], value: random() * 2 - 1, generated: false });
  const ops: OpName[] = ['+', '*', '+', '*', 'tanh'];
  for (let i = INPUTS; i < NODES; i++) {
    const op = ops[pick(ops.length)];
    const operand = () => nodes[random() < 0.95 ? Math.max(0, i - 1 - pick(40)) : pick(i)].name;
    nodes.push({ name: `n${i}`, op, inputs: op === 'tanh' ? [operand()] : [operand(), operand()], generated: false });
  }
  return { nodes, inputs: nodes.slice(0, INPUTS).map((n) => n.name), output: nodes[NODES - 1].name };
}

function time<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The same graph for dagre: boxes of our size, left to right, one edge per operand. */
function dagreLayout(graph: Graph, layout: Layout): void {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 1, ranksep: 3 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) {
    const box = layout.boxes[node.name];
    g.setNode(node.name, { width: box.width, height: box.height });
  }
  for (const node of graph.nodes) node.inputs.forEach((from, slot) => g.setEdge(from, node.name, {}, `${slot}`));
  dagre.layout(g);
}

export interface LayoutFigures {
  nodes: number;
  edges: number;
  /** The drawing's size in characters. */
  size: { width: number; height: number };
  tracks: number;
  /** Milliseconds: the very first layout, before the JIT has compiled anything. */
  first: number;
  ours: number[];
  dagre: number[];
  /** Drawing with values and a highlight. */
  draws: number[];
  /** Cutting an 80×24 viewport around a node, 1000 cuts. */
  cuts: number[];
}

/** Our layout and dagre's on the same random 520-node DAG, with drawing and viewport times. */
export function measureLayout(ourRuns = 15, dagreRuns = 3): LayoutFigures {
  const graph = randomGraph(520);
  // The very first layout runs before the JIT has compiled anything: reported apart.
  const first = time(() => layoutGraph(graph));
  const warm = first.result;
  for (let i = 0; i < 15; i++) layoutGraph(graph);
  const ours = Array.from({ length: ourRuns }, () => time(() => layoutGraph(graph)).ms);
  // One dagre run takes long enough to warm itself up; the first is dropped all the same.
  dagreLayout(graph, warm);
  const theirs = Array.from({ length: dagreRuns }, () => time(() => dagreLayout(graph, warm)).ms);

  const values = Object.fromEntries(graph.nodes.map((n, i) => [n.name, Math.sin(i)]));
  const draws: number[] = [];
  let drawing = drawGraph(warm, { values, grads: values });
  for (let i = 0; i < 5; i++) {
    const run = time(() => drawGraph(warm, { values, grads: values }, { nodes: ['n300'], edges: [], current: 'n300' }));
    draws.push(run.ms);
    drawing = run.result;
  }
  const cut = (i: number) => viewport(drawing, graph.nodes[(i * 37) % graph.nodes.length].name, 80, 24);
  for (let i = 0; i < 200; i++) cut(i);
  const cuts = Array.from({ length: 1000 }, (_, i) => time(() => cut(i)).ms);
  return {
    nodes: graph.nodes.length,
    edges: warm.edges.length,
    size: { width: warm.width, height: warm.height },
    tracks: warm.tracks.reduce((a, b) => a + b, 0),
    first: first.ms,
    ours,
    dagre: theirs,
    draws,
    cuts,
  };
}

function cli(): void {
  const ourRuns = Number(process.argv[2] ?? 15);
  const dagreRuns = Number(process.argv[3] ?? 3);
  const f = measureLayout(ourRuns, dagreRuns);
  const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
  const cuts = [...f.cuts].sort((a, b) => a - b);
  console.log(`graph: ${f.nodes} nodes, ${f.edges} edges → drawing ${f.size.width}×${f.size.height}, ${f.tracks} tracks`);
  console.log(`layout, ours: median of ${ourRuns} ${fmt(median(f.ours))} (first call, before the JIT: ${fmt(f.first)})`);
  console.log(`layout, dagre: median of ${dagreRuns} ${fmt(median(f.dagre))}`);
  console.log(`ratio: ours ${(median(f.dagre) / median(f.ours)).toFixed(0)}× faster (goal ≥ 20×)`);
  console.log(`draw with values and a highlight, median of 5: ${fmt(median(f.draws))}`);
  console.log(
    `viewport 80×24, ${cuts.length} cuts: median ${fmt(median(cuts))}, 99th percentile ${fmt(cuts[Math.floor(cuts.length * 0.99)])} (goal < 2 ms)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) cli();
