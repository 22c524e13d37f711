/**
 * The App of src/ui in ink-testing-library's memory terminal, at a fixed
 * size, with a clock on its frames: `press` writes a key and resolves with
 * the milliseconds until the next frame is written. The render benches
 * (bench/render.tsx, bench/train-render.tsx) time the tutor through it.
 * Import bench/ink-env.js before this module.
 */
import React from 'react';
import { performance } from 'node:perf_hooks';
import { render } from 'ink-testing-library';
import { App } from '../src/ui/App.js';
import type { startSession } from '../src/ui/run.js';

export interface TimedApp {
  /** Write `key` to stdin; the time until the next frame, in milliseconds. */
  press(key: string): Promise<number>;
  /** The last frame written. */
  last(): string;
  close(): void;
}

type Store = ReturnType<typeof startSession>['store'];

/** Render the app and wait for its first whole frame (the one after the resize listener is set up). */
export async function timedApp(store: Store, columns: number, rows: number): Promise<TimedApp> {
  const app = render(<App store={store} theme={{ color: true }} />);
  Object.defineProperty(app.stdout, 'columns', { get: () => columns, configurable: true });
  Object.defineProperty(app.stdout, 'rows', { get: () => rows, configurable: true });

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
  // Let anything queued after a frame settle before the next key.
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  // React may commit the first frame after render() returns; the resize listener is set up with it.
  for (let i = 0; i < 1000 && last === ''; i++) await new Promise((resolve) => setTimeout(resolve, 1));
  await settle();
  await nextFrame(() => app.stdout.emit('resize'));
  await settle();
  return {
    async press(key) {
      const start = performance.now();
      const at = await nextFrame(() => app.stdin.write(key));
      await settle();
      return at - start;
    },
    last: () => last,
    close() {
      app.unmount();
      app.cleanup();
    },
  };
}
