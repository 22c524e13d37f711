// Only regular files are read, and only up to the limit, checked before reading.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, ftruncateSync, writeFileSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, readRegularFile } from '../../src/io/read-file.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gt-read-'));
const refuse = (problem: string, fix: string) => new Error(`${problem} — ${fix}`);

function fifo(name: string): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}

function sparse(name: string, size: number): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

describe('readRegularFile', () => {
  it('reads a regular file, and one reached through a symbolic link', () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'title: x\n');
    symlinkSync(file, join(dir, 'link.yaml'));
    expect(readRegularFile(file, refuse).toString()).toBe('title: x\n');
    expect(readRegularFile(join(dir, 'link.yaml'), refuse).toString()).toBe('title: x\n');
  });

  it('refuses a FIFO at once, without waiting for a writer', () => {
    expect(() => readRegularFile(fifo('pipe.yaml'), refuse)).toThrow(/named pipe \(FIFO\)/);
  });

  it('refuses devices, directories and missing files with a sentence', () => {
    expect(() => readRegularFile('/dev/zero', refuse)).toThrow(/it is a device/);
    expect(() => readRegularFile('/dev/null', refuse)).toThrow(/it is a device/);
    const folder = join(dir, 'folder.yaml');
    mkdirSync(folder);
    expect(() => readRegularFile(folder, refuse)).toThrow(/it is a directory/);
    expect(() => readRegularFile(join(dir, 'none.yaml'), refuse)).toThrow(/there is no such file/);
  });

  it('refuses a file over the limit before reading it, and takes one exactly at it', () => {
    expect(() => readRegularFile(sparse('big.yaml', MAX_FILE_BYTES + 1), refuse)).toThrow(/larger than 5 MB/);
    expect(readRegularFile(sparse('edge.yaml', MAX_FILE_BYTES), refuse).length).toBe(MAX_FILE_BYTES);
  });
});

describe('check and show on what is not a scenario file', () => {
  const cases: [string, () => string, RegExp][] = [
    ['/dev/zero', () => '/dev/zero', /it is a device/],
    ['a FIFO', () => fifo('check.yaml'), /named pipe/],
    [
      'a directory',
      () => {
        const folder = join(dir, 'dir.yaml');
        mkdirSync(folder, { recursive: true });
        return folder;
      },
      /it is a directory/,
    ],
    ['a 6 MB file', () => sparse('six.yaml', 6 * 1024 * 1024), /larger than 5 MB/],
  ];
  it.each(cases)('%s: one sentence naming the file, exit 2', async (_name, make, why) => {
    const path = make();
    for (const command of ['check', 'show']) {
      const { code, stdout, stderr } = await runCli([command, path]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(why);
      expect(stderr.startsWith(`${path}:1:1: `)).toBe(true);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
