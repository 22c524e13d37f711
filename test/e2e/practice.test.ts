// The built CLI (dist/cli.cjs, through bin/) prints the same practice sets as the source does in-process.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, cleanEnv, NODE } from './pty.js';
import { runCli } from '../helpers/run-cli.js';

const built = (args: string[], env = {}) => spawnSync(NODE, [BIN, ...args], { encoding: 'utf8', env: cleanEnv(env) });

describe('grad-tutor practice, built', () => {
  beforeAll(() => assertBuilt());

  it('--skills, --json and the worksheet as the source prints them; the clock from GRAD_TUTOR_NOW', async () => {
    for (const args of [
      ['practice', '--skills'],
      ['practice', '--json', '--count', '12', '--seed', '77'],
      ['practice', '--format', 'markdown', '--count', '3', '--seed', '77'],
    ]) {
      const run = built(args);
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(run.stdout).toBe((await runCli(args)).stdout);
    }
    const clocked = built(['practice', '--json', '--count', '1'], { GRAD_TUTOR_NOW: '2026-12-24T09:30:15Z' });
    expect(clocked.stderr).toBe('practice: seed 104615 (from the clock); --seed 104615 gives the same problems again\n');
  });

  it('a bad --count: one sentence, exit 2', () => {
    const run = built(['practice', '--json', '--count', 'many']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('--count takes a whole number from 1 to 200, not "many" — e.g. --count 10.\n');
  });
});
