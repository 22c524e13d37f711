// Output that cannot be written: a full disk, a file size limit, a reader
// that goes away. Never a stack trace, never exit 0 after a cut-short document.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, cleanEnv, NODE, ROOT } from './pty.js';

const dir = mkdtempSync(join(tmpdir(), 'gt-output-'));
const env = cleanEnv({ HOME: dir, XDG_STATE_HOME: join(dir, 'state'), XDG_CACHE_HOME: join(dir, 'cache') });
const cli = `"${NODE}" "${BIN}"`;

function bash(script: string) {
  return spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', env });
}

describe('output that cannot be written', () => {
  beforeAll(() => assertBuilt());

  it.each([['list'], ['show neuron --json'], ['graph neuron'], ['check scenarios/02-add.yaml']])(
    '%s > /dev/full: one line, exit 1',
    (command) => {
      const result = bash(`${cli} ${command} > /dev/full`);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe('grad-tutor: could not write the output: the disk is full; what was written is incomplete.\n');
    },
  );

  it('show --json into a file that reaches its size limit: not a truncated document with exit 0', () => {
    const out = join(dir, 'limited.json');
    const result = bash(`ulimit -f 4; ${cli} show neuron --json > "${out}"`);
    expect(readFileSync(out).length).toBe(4096);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'grad-tutor: could not write the output: the file has reached its size limit; what was written is incomplete.\n',
    );
  });

  it('the same document in full when there is room', () => {
    const out = join(dir, 'full.json');
    expect(bash(`${cli} show neuron --json > "${out}"`).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).id).toBe('neuron');
  });

  it('a reader that closes the pipe early: no message, and not exit 0', () => {
    // Larger than a pipe's buffer, so the write meets the closed end.
    const terms = Array.from({ length: 300 }, (_, i) => `a${i}`).join(' + ');
    const sets = Array.from({ length: 300 }, (_, i) => `--set a${i}=1`).join(' ');
    const result = bash(`${cli} show --json --expr "z = ${terms}" ${sets} | head -c 10 > /dev/null; echo "\${PIPESTATUS[0]}"`);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('1');
  });
});
