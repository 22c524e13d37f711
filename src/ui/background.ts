/**
 * A large drawing is laid out in a worker thread before its lesson opens, so
 * the tutor keeps reading keys (q and Ctrl+C quit) and says that it is working
 * instead of freezing: 1,000 products over 40 inputs take a second or two, a
 * random DAG of 10,000 nodes twelve. Small ones are laid out as before, on the
 * spot, when the first frame asks for them.
 */

import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { Graph } from '../engine/index.js';
import { layoutGraph, layoutSize, type Layout } from '../layout/index.js';
import { hasLayouts, keepLayouts } from './lessons.js';

/**
 * Boxes and pieces of line from which a layout goes to the background: 500 products over 40 inputs (20,237)
 * took 0.2 s for each box style on an idle machine, and the first frame needs both.
 */
export const WORTH_A_WORKER = 20_000;

/**
 * Lays `graph` out before its lesson opens. Returns the sentence to show while
 * the work goes on, and calls `done` once both layouts are kept (or the worker
 * failed, and the frame lays them out itself); undefined when there is nothing
 * worth the wait, and `done` is not called.
 */
export type LayOutFirst = (graph: Graph, done: () => void) => string | undefined;

/** The worker is this very script: the bundle (dist/cli.cjs) when it runs as one; otherwise none, and every layout is made on the spot. */
const script = typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined;

/** The workers still laying out, to stop when the tutor quits. */
const running = new Set<Worker>();

/** Stops them, and says whether there were any. */
export function stopLayingOut(): boolean {
  const busy = running.size > 0;
  for (const worker of running) void worker.terminate();
  running.clear();
  return busy;
}

export const layOutInWorker: LayOutFirst = (graph, done) => {
  if (!script || hasLayouts(graph)) return undefined;
  const pieces = graph.nodes.length + layoutSize(graph).dummies;
  if (pieces < WORTH_A_WORKER) return undefined;
  const worker = new Worker(script, { workerData: { layOut: graph } });
  running.add(worker);
  let answered = false;
  const finish = () => {
    if (answered) return;
    answered = true;
    running.delete(worker);
    void worker.terminate();
    done();
  };
  worker.on('message', ({ full, compact }: { full: Layout; compact: Layout }) => {
    keepLayouts(graph, { ...full, graph }, { ...compact, graph });
    finish();
  });
  worker.on('error', finish);
  worker.on('exit', finish);
  return `Working… laying out the drawing: ${pieces.toLocaleString('en-US')} boxes and pieces of line.`;
};

/** In the worker: both box styles of the graph it was given, without the graph, which the tutor has already. */
export function layOutForTheTutor(): boolean {
  const graph = (workerData as { layOut?: Graph } | null)?.layOut;
  if (!parentPort || !graph) return false;
  const strip = ({ graph: _, ...layout }: Layout) => layout;
  parentPort.postMessage({ full: strip(layoutGraph(graph)), compact: strip(layoutGraph(graph, { compact: true })) });
  return true;
}
