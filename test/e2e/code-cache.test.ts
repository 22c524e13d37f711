// bin/grad-tutor.js keeps a V8 code cache of dist/cli.cjs. Whatever state that
// cache is in, the CLI must start and answer the same. The CLI runs on NODE:
// this Node, or the other one of scripts/node-matrix.sh.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, BUNDLE, cleanEnv, NODE, ROOT } from './pty.js';

describe('the code cache of bin/grad-tutor.js', () => {
  let cacheHome: string;
  const cacheDir = () => join(cacheHome, 'grad-tutor');
  const cacheFile = () => {
    const files = readdirSync(cacheDir()).filter((name) => name.endsWith('.v8cache'));
    expect(files).toHaveLength(1);
    return join(cacheDir(), files[0]);
  };
  const list = (home = cacheHome) => spawnSync(NODE, [BIN, 'list'], { env: cleanEnv({ XDG_CACHE_HOME: home }), encoding: 'utf8' });

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
    const other = spawnSync(NODE, ['--no-opt', BIN, 'list'], { env: cleanEnv({ XDG_CACHE_HOME: cacheHome }), encoding: 'utf8' });
    expect(other).toMatchObject({ status: 0, stdout: reference.stdout, stderr: '' });
    expect(readFileSync(cacheFile()).equals(before)).toBe(false);
  });

  describe('with a bundle that changes but keeps its length', () => {
    // A copy of the installed package, whose bundle the tests rewrite.
    let install: string;
    const bundle = () => join(install, 'dist/cli.cjs');
    const version = () =>
      spawnSync(NODE, [join(install, 'bin/grad-tutor.js'), '--version'], {
        env: cleanEnv({ XDG_CACHE_HOME: cacheHome }),
        encoding: 'utf8',
      });
    /** The bundle with its version string changed in place: same length. */
    const relabel = (text: string, to: string) => {
      const changed = text.replace('return "0.1.0";', `return "${to}";`);
      expect(changed).not.toBe(text);
      return changed;
    };

    beforeEach(() => {
      install = mkdtempSync(join(tmpdir(), 'grad-tutor-install-'));
      cpSync(join(ROOT, 'bin'), join(install, 'bin'), { recursive: true });
      mkdirSync(join(install, 'dist'));
      cpSync(BUNDLE, bundle());
      symlinkSync(join(ROOT, 'scenarios'), join(install, 'scenarios'));
    });
    afterEach(() => rmSync(install, { recursive: true, force: true }));

    it('ignores the cache of an upgrade that npm gave the same mtime', () => {
      // npm gives every file it installs the same mtime, in 1985.
      const npmTime = new Date('1985-10-26T08:15:00Z');
      utimesSync(bundle(), npmTime, npmTime);
      expect(version().stdout.trim()).toBe('0.1.0');
      // A new build has a new build id.
      const text = relabel(readFileSync(bundle(), 'latin1'), '0.9.9').replace(
        /^\/\/ grad-tutor build [0-9a-f]{8}/,
        '// grad-tutor build 00c0ffee',
      );
      writeFileSync(bundle(), text, 'latin1');
      utimesSync(bundle(), npmTime, npmTime);
      expect(statSync(bundle()).mtimeMs).toBe(npmTime.getTime());
      expect(version()).toMatchObject({ status: 0, stdout: '0.9.9\n', stderr: '' });
    });

    it('ignores the cache of a bundle edited by hand (same build id, new mtime)', () => {
      expect(version().stdout.trim()).toBe('0.1.0');
      writeFileSync(bundle(), relabel(readFileSync(bundle(), 'latin1'), '0.1.1'), 'latin1');
      utimesSync(bundle(), new Date(), new Date(Date.now() + 5000));
      expect(version()).toMatchObject({ status: 0, stdout: '0.1.1\n', stderr: '' });
    });
  });

  it("keeps one file per Node version, so two Nodes do not replace each other's", () => {
    expect(list().status).toBe(0);
    const mine = cacheFile();
    // The same bundle under another Node: a Node whose version reads differently.
    const other = spawnSync(
      NODE,
      [
        '-e',
        `Object.defineProperty(process, 'version', { value: 'v0.0.0-other' }); process.argv.splice(1, 0, ${JSON.stringify(BIN)}); require(${JSON.stringify(BIN)})`,
        'list',
      ],
      {
        env: cleanEnv({ XDG_CACHE_HOME: cacheHome }),
        encoding: 'utf8',
      },
    );
    expect(other).toMatchObject({ status: 0, stderr: '' });
    const files = readdirSync(cacheDir()).filter((name) => name.endsWith('.v8cache'));
    expect(files).toHaveLength(2);
    expect(files).toContain(mine.split('/').pop());
  });

  it('drops the caches of other bundles that were not written for a month, and keeps newer ones', () => {
    mkdirSync(cacheDir());
    const old = join(cacheDir(), 'cli.cjs-0ld0ld00.v8cache');
    const recent = join(cacheDir(), 'cli.cjs-12345678.v8cache');
    writeFileSync(old, 'stale');
    writeFileSync(recent, 'recent');
    const fortyDaysAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    utimesSync(old, fortyDaysAgo, fortyDaysAgo);
    expect(list().status).toBe(0);
    expect(readdirSync(cacheDir()).sort()).toEqual(expect.arrayContaining(['cli.cjs-12345678.v8cache']));
    expect(readdirSync(cacheDir())).not.toContain('cli.cjs-0ld0ld00.v8cache');
    expect(readdirSync(cacheDir())).toHaveLength(2);
  });

  it('is skipped when its folder cannot be written', () => {
    // Under /proc nothing can be created (and a recursive mkdir would spin on Node 20).
    const result = list('/proc/grad-tutor-no-cache');
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain('add-then-mul');
  });
});
