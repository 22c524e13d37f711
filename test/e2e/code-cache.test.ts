// bin/grad-tutor.js on Node 20 keeps a V8 code cache of dist/cli.cjs. Whatever
// state that cache is in, the CLI must start and answer the same.
import { spawnSync } from 'node:child_process';
import module from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, cleanEnv } from './pty.js';

// Node ≥ 22 uses module.enableCompileCache() instead, and none of this runs.
const nodeHasCompileCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe.skipIf(nodeHasCompileCache)('the code cache of bin/grad-tutor.js', () => {
  let cacheHome: string;
  const cacheDir = () => join(cacheHome, 'grad-tutor');
  const cacheFile = () => {
    const files = readdirSync(cacheDir()).filter((name) => name.endsWith('.v8cache'));
    expect(files).toHaveLength(1);
    return join(cacheDir(), files[0]);
  };
  const list = (home = cacheHome) => spawnSync(process.execPath, [BIN, 'list'], { env: cleanEnv({ XDG_CACHE_HOME: home }), encoding: 'utf8' });

  beforeAll(() => assertBuilt());
  beforeEach(() => {
    cacheHome = mkdtempSync(join(tmpdir(), 'grad-tutor-cache-'));
  });
  afterEach(() => rmSync(cacheHome, { recursive: true, force: true }));

  it('is written by the first run and leaves the output alone', () => {
    const first = list();
    expect(first.status).toBe(0);
    const written = readFileSync(cacheFile());
    expect(written.length).toBeGreaterThan(1000);
    const second = list();
    expect(second).toMatchObject({ status: 0, stdout: first.stdout, stderr: '' });
    // Accepted, so not rewritten.
    expect(readFileSync(cacheFile()).equals(written)).toBe(true);
  });

  it.each([
    ['truncated', (data: Buffer) => data.subarray(0, data.length >> 1)],
    ['with damaged V8 data', (data: Buffer) => Buffer.concat([data.subarray(0, 100), Buffer.alloc(data.length - 100, 0x5a)])],
    ['empty', () => Buffer.alloc(0)],
    ['from another bundle', (data: Buffer) => Buffer.concat([data.subarray(0, 4), Buffer.from([1, 2, 3, 4]), data.subarray(8)])],
  ])('is ignored and replaced when %s', (_, damage) => {
    const reference = list();
    const good = readFileSync(cacheFile());
    writeFileSync(cacheFile(), damage(good));
    expect(list()).toMatchObject({ status: 0, stdout: reference.stdout, stderr: '' });
    expect(readFileSync(cacheFile()).length).toBeGreaterThan(1000);
  });

  it('is replaced when V8 refuses it (here: other V8 flags)', () => {
    const reference = list();
    const before = readFileSync(cacheFile());
    const other = spawnSync(process.execPath, ['--no-lazy-feedback-allocation', BIN, 'list'], { env: cleanEnv({ XDG_CACHE_HOME: cacheHome }), encoding: 'utf8' });
    expect(other).toMatchObject({ status: 0, stdout: reference.stdout, stderr: '' });
    expect(readFileSync(cacheFile()).equals(before)).toBe(false);
  });

  it('is skipped when its folder cannot be written', () => {
    // Under /proc nothing can be created (and a recursive mkdir would spin on Node 20).
    const result = list('/proc/grad-tutor-no-cache');
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain('add-then-mul');
  });
});
