// Under `ulimit -v` the tutor's screen cannot load: Ink's layout engine is
// WebAssembly, whose memory V8 reserves as about 11 GB of address space (the
// tutor started from 10.96 GiB here, not under). 2 GB is well under that, and
// well over what Node itself needs (0.7 GB here).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, cleanEnv, NODE, ROOT, spawnInPty } from './pty.js';
import { killAfterEach } from './tracked.js';

const LIMIT_KB = 2 * 1024 * 1024;
const limited = (args: string) => `ulimit -v ${LIMIT_KB} && exec '${NODE}' '${BIN}' ${args}`;

describe('under a low ulimit -v', () => {
  beforeAll(() => assertBuilt());
  const running = killAfterEach();
  const state = () => mkdtempSync(join(tmpdir(), 'gt-ulimit-'));

  it('the tutor says in one sentence why it cannot start and what to do, exit 2, no stack trace', async () => {
    const t = await spawnInPty('bash', ['-c', limited('add')], { env: { XDG_STATE_HOME: state() } });
    running.push(t);
    const status = await t.exit(15_000);
    const said = t.output().replace(/\x1b\[\?25h/g, '');
    expect(said).toBe(
      'grad-tutor: the tutor could not start, as its screen needs about 11 GB of address space (`ulimit -v`) and less is allowed here — raise the limit (ulimit -v unlimited), or read a lesson as text with "grad-tutor show <lesson>".\r\n',
    );
    expect(status).toEqual({ code: 2, signal: null });
  });

  it('the commands that print do not need it: list, show, graph, export, check and progress all work', () => {
    const env = cleanEnv({ XDG_STATE_HOME: state() });
    for (const args of ['list', 'show add', 'graph add', 'export add --format python', 'check scenarios/02-add.yaml', 'progress']) {
      const out = execFileSync('bash', ['-c', limited(args)], { env, cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(out.length, args).toBeGreaterThan(0);
    }
  });
});
