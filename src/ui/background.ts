/**
 * A large drawing is laid out in a worker thread before its lesson opens, so
 * the tutor keeps reading keys (q and Ctrl+C quit) and says that it is working
 * instead of freezing: 1,000 products over 40 inputs take a second or two, a
 * random DAG of 10,000 nodes twelve. Small ones are laid out as before, on the
 * spot, when the first frame asks for them.
 */

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { Graph } from '../engine/index.js';
import { layoutGraph, layoutSize, type BoxStyle, type Layout } from '../layout/index.js';
import { hasLayouts, keepLayouts } from '../session/lessons.js';

/**
 * Boxes and pieces of line from which a layout goes to the background: 500 products over 40 inputs (20,237)
 * took 0.2 s for each box style on an idle machine, and the first frame needs both.
 */
export const WORTH_A_WORKER = 20_000;

/** Up to this many, both box styles are laid out at once: 2,000 products over 40 inputs are 83,237. */
const SIDE_BY_SIDE = 200_000;

/**
 * Lays `graph` out before its lesson opens. Returns the sentence to show while
 * the work goes on, and calls `done` once both layouts are kept (or the worker
 * failed, and the frame lays them out itself); undefined when there is nothing
 * worth the wait, and `done` is not called.
 */
export type LayOutFirst = (graph: Graph, done: () => void) => string | undefined;

/**
 * The worker is the tutor itself: the bin, which loads the bundle with its V8 code cache (the worker's first
 * message came after 150-190 ms, against 370-510 ms from dist/cli.cjs alone), or else the bundle. Run from
 * the sources (the tests) there is none, and every layout is made on the spot.
 */
const script = ((): string | undefined => {
  if (typeof __filename !== 'string' || !__filename.endsWith('.cjs')) return undefined;
  const bin = join(dirname(__filename), '../bin/grad-tutor.js');
  return existsSync(bin) ? bin : __filename;
})();

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
  // One worker per box style, as the first frame may ask for both: side by side, or one after the other where
  // two at once would hold too much (a random DAG of 10,000 nodes: 1.1 GB side by side, against 0.6 GB before).
  const made: Partial<Record<BoxStyle, Layout>> = {};
  let answered = false;
  const finish = () => {
    if (answered) return;
    answered = true;
    stopLayingOut();
    keepLayouts(graph, made);
    done();
  };
  const start = (style: BoxStyle, then?: () => void) => {
    const worker = new Worker(script, { workerData: { layOut: graph, compact: style === 'compact' } });
    running.add(worker);
    worker.on('message', (layout: Layout) => {
      made[style] = { ...layout, graph };
      if (made.full && made.compact) finish();
      else then?.();
    });
    // A worker that failed leaves its style to the frame, which lays it out on the spot.
    worker.on('error', finish);
    worker.on('exit', () => {
      if (!made[style]) finish();
    });
  };
  if (pieces <= SIDE_BY_SIDE) {
    start('full');
    start('compact');
  } else start('full', () => start('compact'));
  return `Working… laying out the drawing: ${pieces.toLocaleString('en-US')} boxes and pieces of line.`;
};

/** In the worker: the layout of the graph it was given in its box style, without the graph, which the tutor has already. */
export function layOutForTheTutor(): boolean {
  const data = workerData as { layOut?: Graph; compact?: boolean } | null;
  if (!parentPort || !data?.layOut) return false;
  const { graph: _, ...layout } = layoutGraph(data.layOut, { compact: data.compact === true });
  parentPort.postMessage(layout);
  return true;
}
