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
import { performance } from 'node:perf_hooks';
import { render } from 'ink-testing-library';
import { EMPTY } from '../src/progress.js';
import type { Scenario } from '../src/scenario/index.js';
import { App } from '../src/ui/App.js';
import { startSession } from '../src/ui/run.js';
import { lessonOf } from '../src/ui/session.js';

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
  const app = render(<App store={store} theme={{ color: true }} />);
  Object.defineProperty(app.stdout, 'columns', { get: () => 100, configurable: true });
  Object.defineProperty(app.stdout, 'rows', { get: () => 30, configurable: true });

  // Resolves with the time the next frame is written; frames nobody waits for
  // are ignored. Only the last frame is kept (the library keeps them all, which
  // would count in the memory figures).
  let waiting: ((at: number) => void) | undefined;
  let last = '';
  app.stdout.write = (frame: string) => {
    const at = performance.now();
    last = frame;
    waiting?.(at);
    waiting = undefined;
  };
  const nextFrame = (send: () => void): Promise<number> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no frame within 10 s; the last one:\n${last}`)), 10_000);
      waiting = (at) => {
        clearTimeout(timer);
        resolve(at);
      };
      send();
    });
  // Let anything queued after a frame settle before the next key.
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  try {
    // React may commit the first frame after render() returns; the resize listener is set up with it.
    for (let i = 0; i < 1000 && last === ''; i++) await new Promise((resolve) => setTimeout(resolve, 1));
    await settle();
    await nextFrame(() => app.stdout.emit('resize'));
    await settle();
    const steps = lessonOf(store.getState())!.steps.length;
    const heapBefore = liveHeap();
    const rssBefore = process.memoryUsage().rss;
    const times: number[] = [];
    const rss: number[] = [];
    for (let pass = 0; pass < passes; pass++) {
      if (pass > 0) {
        await nextFrame(() => app.stdin.write(HOME));
        await settle();
      }
      for (let step = 1; step < Math.min(steps, limit + 1); step++) {
        const start = performance.now();
        times.push((await nextFrame(() => app.stdin.write(RIGHT))) - start);
        rss.push(process.memoryUsage().rss);
        await settle();
      }
    }
    const end = Math.min(steps, limit + 1);
    if (!last.includes(`step ${end}/${steps}`)) throw new Error(`the lesson did not reach step ${end}:\n${last}`);
    const heapAfter = liveHeap();
    return {
      steps,
      times,
      rssBefore,
      rss,
      liveHeap: heapBefore !== undefined && heapAfter !== undefined ? { before: heapBefore, after: heapAfter } : undefined,
    };
  } finally {
    app.unmount();
    app.cleanup();
  }
}
