/**
 * Render time of one Train screen of the lecture's MLP, in process: the App
 * in ink-testing-library's memory terminal at 80×24, opened at the first
 * update and stepped with → through every update to the Train summary. Each
 * sample is the time from writing → until the next frame: the reducer (the
 * lesson and its training are built once, then cached), the chart, the
 * 41-param table cut to the window, React, Yoga and Ink together. Then the
 * same with zero_grad off, two series on the chart.
 *
 * Run alone: NODE_ENV=production npx tsx bench/train-render.tsx
 */
import './ink-env.js';
import { EMPTY } from '../src/progress/index.js';
import { startSession } from '../src/ui/run.js';
import { lessonOf } from '../src/session/session.js';
import { median } from './startup.js';
import { timedApp } from './timed-app.js';

const RIGHT = '\x1b[C';

export interface TrainRenderFigures {
  /** Milliseconds per → in the Train phase, zero_grad on, then off. */
  right: number[];
  forgot: number[];
}

export async function measureTrainRender(id = 'mlp'): Promise<TrainRenderFigures> {
  const probe = startSession({
    progress: { ...EMPTY, current: { lesson: { kind: 'bundled', id }, step: 0 } },
    window: { columns: 80, rows: 24 },
  });
  const steps = lessonOf(probe.store.getState())!.steps;
  const first = steps.findIndex((s) => s.phase === 'train');
  const count = steps.filter((s) => s.phase === 'train').length;
  const { store } = startSession({
    progress: { ...EMPTY, current: { lesson: { kind: 'bundled', id }, step: first } },
    window: { columns: 80, rows: 24 },
  });
  const app = await timedApp(store, 80, 24);
  const pass = async (): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 1; i < count; i++) times.push(await app.press(RIGHT));
    return times;
  };
  try {
    if (!app.last().includes('Train: update 1 of')) throw new Error(`not at the first update:\n${app.last()}`);
    const right = await pass();
    // Back to the first update (Shift+Tab), zero_grad off (z, which builds the second training once), and through again.
    await app.press('\x1b[Z');
    await app.press('z');
    const forgot = await pass();
    if (!app.last().includes('× without')) throw new Error(`zero_grad was not off:\n${app.last()}`);
    return { right, forgot };
  } finally {
    app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = await measureTrainRender();
  const ms = (xs: number[]) => `${median(xs).toFixed(2)} ms median, max ${Math.max(...xs).toFixed(2)} ms, of ${xs.length}`;
  console.log("One Train screen of the lecture's MLP at 80×24, → to the next frame:");
  console.log(`  zero_grad on:  ${ms(f.right)}`);
  console.log(`  zero_grad off (both runs on the chart): ${ms(f.forgot)}`);
}
