import { afterEach } from 'vitest';
import { spawnTui, type SpawnOptions, type Tui } from './pty.js';

/**
 * The tutors a test file starts, killed after each test, so a test that fails
 * half-way never leaves a child holding a pseudo-terminal. Kept apart from
 * pty.ts, which the bench imports outside vitest.
 */
export function killAfterEach(): Tui[] {
  const running: Tui[] = [];
  afterEach(() => {
    for (const t of running.splice(0)) t.kill();
  });
  return running;
}

/** `tui(args)`: start the built tutor in a pseudo-terminal that is killed after the test (with `running`'s others). */
export function trackedTuis(running = killAfterEach()): (args: string[], options?: SpawnOptions) => Promise<Tui> {
  return async (args, options) => {
    const t = await spawnTui(args, options);
    running.push(t);
    return t;
  };
}
