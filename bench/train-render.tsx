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
import React from 'react';
import { performance } from 'node:perf_hooks';
import { render } from 'ink-testing-library';
import { EMPTY } from '../src/progress.js';
import { App } from '../src/ui/App.js';
import { startSession } from '../src/ui/run.js';
import { lessonOf } from '../src/ui/session.js';
import { median } from './startup.js';

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
  const app = render(<App store={store} theme={{ color: true }} />);
  Object.defineProperty(app.stdout, 'columns', { get: () => 80, configurable: true });
  Object.defineProperty(app.stdout, 'rows', { get: () => 24, configurable: true });
  let waiting: ((at: number) => void) | undefined;
  let last = '';
  app.stdout.write = (frame: string) => {
    const at = performance.now();
    last = frame;
    waiting?.(at);
    waiting = undefined;
    return true;
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
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const pass = async (): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 1; i < count; i++) {
      const start = performance.now();
      times.push((await nextFrame(() => app.stdin.write(RIGHT))) - start);
      await settle();
    }
    return times;
  };
  try {
    for (let i = 0; i < 1000 && last === ''; i++) await new Promise((resolve) => setTimeout(resolve, 1));
    await settle();
    await nextFrame(() => app.stdout.emit('resize'));
    await settle();
    if (!last.includes('Train: update 1 of')) throw new Error(`not at the first update:\n${last}`);
    const right = await pass();
    // Back to the first update (Shift+Tab), zero_grad off (z, which builds the second training once), and through again.
    await nextFrame(() => app.stdin.write('\x1b[Z'));
    await settle();
    await nextFrame(() => app.stdin.write('z'));
    await settle();
    const forgot = await pass();
    if (!last.includes('× without')) throw new Error(`zero_grad was not off:\n${last}`);
    return { right, forgot };
  } finally {
    app.unmount();
    app.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = await measureTrainRender();
  const ms = (xs: number[]) => `${median(xs).toFixed(2)} ms median, max ${Math.max(...xs).toFixed(2)} ms, of ${xs.length}`;
  console.log("One Train screen of the lecture's MLP at 80×24, → to the next frame:");
  console.log(`  zero_grad on:  ${ms(f.right)}`);
  console.log(`  zero_grad off (both runs on the chart): ${ms(f.forgot)}`);
}
