import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { BIN, cleanEnv } from '../test/e2e/pty.js';

/** Wall time, peak memory (GNU time's %M) and exit code of `show --json` in a fresh process, output thrown away. */
export function showJson(file: string): { ms: number; mb: number | undefined; code: number | null } {
  const timer = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M'] : [];
  const start = performance.now();
  const run = spawnSync(
    timer[0] ?? process.execPath,
    [...timer.slice(1), ...(timer.length ? [process.execPath] : []), BIN, 'show', file, '--json'],
    {
      env: cleanEnv(),
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  const ms = performance.now() - start;
  const kb = Number(run.stderr.trim().split('\n').at(-1));
  return { ms, mb: Number.isFinite(kb) ? kb / 1024 : undefined, code: run.status };
}
