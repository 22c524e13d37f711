// A scenario piped in as /dev/stdin, through the built CLI (npm test builds dist/ first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/io/read-file.js';
import { assertBuilt, BIN, cleanEnv, NODE } from '../e2e/pty.js';

const dir = mkdtempSync(join(tmpdir(), 'gt-stdin-'));
const env = cleanEnv({ HOME: dir, XDG_STATE_HOME: join(dir, 'state'), XDG_CACHE_HOME: join(dir, 'cache') });

/** The CLI with `input` on a pipe as its stdin, as `cat f.yaml | grad-tutor …` runs it. */
function piped(args: string[], input: string | Buffer) {
  return spawnSync(NODE, [BIN, ...args], { input, env, encoding: 'utf8', maxBuffer: 1 << 26 });
}

const SEED = 'title: Seed\ninputs:\n  a: 3\n  b: -5\n  d: 2\nnodes:\n  c: a + b\n  z: c * d\n';

describe('/dev/stdin from a pipe', () => {
  beforeAll(() => assertBuilt());

  it('check reads it: ok, exit 0', () => {
    const run = piped(['check', '/dev/stdin'], SEED);
    expect({ code: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 0, stdout: 'ok /dev/stdin\n', stderr: '' });
  });

  it('a mistake in it is named at /dev/stdin:line:col, exit 2', () => {
    const run = piped(['check', '/dev/stdin'], SEED.replace('c * d', 'c * q'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^\/dev\/stdin:8:10: unknown name `q` .*\.\n$/);
  });

  it('show --json works out the piped graph: z = (3 + -5) · 2 = -4, ∂z/∂a = d = 2', () => {
    const run = piped(['show', '/dev/stdin', '--json'], SEED);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout) as { nodes: { name: string; value: number; grad: number }[] };
    expect(doc.nodes.find((n) => n.name === 'z')?.value).toBe(-4);
    expect(doc.nodes.find((n) => n.name === 'a')?.grad).toBe(2);
  });

  it('is read only up to the size limit: one byte past it is refused, exactly at it is read', () => {
    // The seed graph padded with a comment to the exact size: YAML ignores it.
    const padded = (size: number) => SEED + '#'.padEnd(size - SEED.length - 1, '-') + '\n';
    expect(Buffer.byteLength(padded(MAX_FILE_BYTES))).toBe(MAX_FILE_BYTES);
    const over = piped(['check', '/dev/stdin'], padded(MAX_FILE_BYTES + 1));
    expect(over.status).toBe(2);
    expect(over.stderr).toMatch(/^\/dev\/stdin:1:1: the file is larger than 5 MB — .*\.\n$/);
    expect(piped(['check', '/dev/stdin'], padded(MAX_FILE_BYTES)).stdout).toBe('ok /dev/stdin\n');
  });
});
