// The code cache of bin/grad-tutor.js against what another user or a stray
// file could plant where it writes, and with no home folder to write in.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, cleanEnv, NODE } from './pty.js';

const list = (env: Record<string, string | undefined>, cwd?: string) =>
  spawnSync(NODE, [BIN, 'list'], { env: cleanEnv(env), encoding: 'utf8', cwd });

describe('the code cache, written safely', () => {
  beforeAll(() => assertBuilt());

  it('makes its folder readable by the user only (0700)', () => {
    const home = mkdtempSync(join(tmpdir(), 'gt-cache-'));
    expect(list({ XDG_CACHE_HOME: join(home, 'cache') }).status).toBe(0);
    expect(statSync(join(home, 'cache')).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, 'cache', 'grad-tutor')).mode & 0o777).toBe(0o700);
  });

  it('never writes through a symlink planted at the temporary name it used to use (<cache>.<pid>.tmp)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gt-cache-'));
    const env = cleanEnv({ XDG_CACHE_HOME: home });
    expect(list({ XDG_CACHE_HOME: home }).status).toBe(0);
    const dir = join(home, 'grad-tutor');
    const [name] = readdirSync(dir);
    rmSync(join(dir, name));
    const victim = join(home, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    // The pid is known once the process exists; it writes its cache only when it exits.
    const child = spawn(NODE, [BIN, 'list'], { env, stdio: 'ignore' });
    symlinkSync(victim, join(dir, `${name}.${child.pid}.tmp`));
    await new Promise((resolve) => child.on('exit', resolve));
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(existsSync(join(dir, name))).toBe(true);
    // Nothing of its own left behind: only the cache and the planted link.
    expect(readdirSync(dir).sort()).toEqual([name, `${name}.${child.pid}.tmp`].sort());
  });

  it('starts at once when a FIFO sits where the cache file goes', () => {
    const home = mkdtempSync(join(tmpdir(), 'gt-cache-'));
    expect(list({ XDG_CACHE_HOME: home }).status).toBe(0);
    const dir = join(home, 'grad-tutor');
    const [name] = readdirSync(dir);
    rmSync(join(dir, name));
    execFileSync('mkfifo', [join(dir, name)]);
    const run = spawnSync(NODE, [BIN, 'list'], { env: cleanEnv({ XDG_CACHE_HOME: home }), encoding: 'utf8', timeout: 10_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('add-then-mul');
  });

  it('with HOME="" and no XDG_CACHE_HOME, writes nothing into the current folder', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'gt-cwd-'));
    mkdirSync(join(cwd, 'sub'));
    const run = list({ HOME: '', XDG_CACHE_HOME: undefined, XDG_STATE_HOME: undefined }, join(cwd, 'sub'));
    expect(run.status).toBe(0);
    expect(readdirSync(join(cwd, 'sub'))).toEqual([]);
  });
});
