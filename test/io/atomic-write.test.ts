import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { BIN, cleanEnv, NODE } from '../e2e/pty.js';

describe('writeFileAtomic', () => {
  it('writes the text, creates the folder for the user alone, leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const path = join(dir, 'state', 'progress.json');
    writeFileAtomic(path, 'one\n');
    writeFileAtomic(path, 'two\n');
    expect(readFileSync(path, 'utf8')).toBe('two\n');
    expect(readdirSync(join(dir, 'state'))).toEqual(['progress.json']);
    expect(statSync(join(dir, 'state')).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o077).toBe(0);
  });
  it('never writes through a symlink planted at the old predictable temporary name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'keep');
    const path = join(dir, 'progress.json');
    symlinkSync(victim, `${path}.${process.pid}.tmp`);
    writeFileAtomic(path, 'new');
    expect(readFileSync(victim, 'utf8')).toBe('keep');
    expect(readFileSync(path, 'utf8')).toBe('new');
  });
  it('removes its temporary file when the rename fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const path = join(dir, 'is-a-folder');
    // A folder with something in it cannot be replaced by a file.
    writeFileAtomic(join(path, 'inside'), 'x');
    expect(() => writeFileAtomic(path, 'y')).toThrow();
    expect(readdirSync(dir)).toEqual(['is-a-folder']);
  });
  it('a shared file (an answer key to hand on) is readable by others: 0644 and folders 0755, less the umask', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const path = join(dir, 'handouts', 'key.md');
    const umask = process.umask();
    writeFileAtomic(path, 'key\n', true);
    expect(statSync(path).mode & 0o777).toBe(0o644 & ~umask);
    expect(statSync(join(dir, 'handouts')).mode & 0o777).toBe(0o755 & ~umask);
  });
  // Node's own recursive mkdir never returns under /proc (its mkdir answers ENOENT with the parent there): the CLI
  // spun at full CPU. In a child, which a kill can stop, where a loop in this process could not be.
  it.runIf(existsSync('/proc/self'))('refuses a folder under /proc, where none can be made, instead of hanging', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const run = spawnSync(NODE, [BIN, 'code', 'init', '/proc/grad-tutor-none/mg'], {
      env: cleanEnv({ HOME: dir, XDG_STATE_HOME: join(dir, 'state') }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toMatch(/^\/proc\/grad-tutor-none\/mg: the folder could not be made, as no folder can be made there — /);
  });
});
