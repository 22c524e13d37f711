/**
 * Render time of one step of the tutor, in process: the App of src/ui, in
 * ink-testing-library's memory terminal (100×30, Ink's unthrottled debug
 * renderer, so every step writes exactly one frame). Each sample is the time
 * from writing → to stdin until the next frame is written to stdout: the
 * reducer, React, the drawing, Yoga and Ink's output together.
 *
 * bench/run.ts bundles this as the shipped bin is bundled (bench/bundle.ts)
 * and runs it in a process of its own, which also keeps the memory figures
 * free of the other benchmarks.
 */
import './ink-env.js';
import { EMPTY } from '../src/progress/index.js';
import type { Scenario } from '../src/scenario/index.js';
import { startSession } from '../src/ui/run.js';
import { lessonOf } from '../src/session/session.js';
import { timedApp } from './timed-app.js';

const RIGHT = '\x1b[C';
const HOME = '\x1b[H';

export interface RenderFigures {
  /** Steps in the lesson. */
  steps: number;
  /** Milliseconds per step, every step of every pass. */
  times: number[];
  /** process.memoryUsage().rss after the first frame, and after each step. */
  rssBefore: number;
  rss: number[];
  /** The heap in use after a full collection, at the first frame and at the end (with node --expose-gc). */
  liveHeap?: { before: number; after: number };
}

const gc = (globalThis as { gc?: () => void }).gc;
/** Heap in use after a full collection, if node runs with --expose-gc. */
function liveHeap(): number | undefined {
  if (!gc) return undefined;
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Open lesson `id` (bundled, or one of `extra`) at its first step and press →
 * through to the last step (or `limit` steps, for a graph of thousands of
 * nodes), `passes` times (back to the first with Home, untimed, between passes).
 */
export async function measureRender(id: string, extra: Scenario[] = [], passes = 1, limit = Infinity): Promise<RenderFigures> {
  const own = extra.find((s) => s.id === id);
  const { store } = startSession({
    progress: own ? EMPTY : { ...EMPTY, current: { lesson: { kind: 'bundled', id }, step: 0 } },
    start: own ? { lesson: { kind: 'file', path: own.file }, scenario: own } : undefined,
    window: { columns: 100, rows: 30 },
  });
  const app = await timedApp(store, 100, 30);
  try {
    const steps = lessonOf(store.getState())!.steps.length;
    const heapBefore = liveHeap();
    const rssBefore = process.memoryUsage().rss;
    const times: number[] = [];
    const rss: number[] = [];
    for (let pass = 0; pass < passes; pass++) {
      if (pass > 0) await app.press(HOME);
      for (let step = 1; step < Math.min(steps, limit + 1); step++) {
        times.push(await app.press(RIGHT));
        rss.push(process.memoryUsage().rss);
      }
    }
    const end = Math.min(steps, limit + 1);
    if (!app.last().includes(`step ${end}/${steps}`)) throw new Error(`the lesson did not reach step ${end}:\n${app.last()}`);
    const heapAfter = liveHeap();
    return {
      steps,
      times,
      rssBefore,
      rss,
      liveHeap: heapBefore !== undefined && heapAfter !== undefined ? { before: heapBefore, after: heapAfter } : undefined,
    };
  } finally {
    app.close();
  }
}
