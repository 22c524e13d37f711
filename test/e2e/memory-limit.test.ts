// Under `ulimit -v` the tutor's screen cannot load on Node 20 and 22: Ink's
// layout engine is WebAssembly, whose memory V8 reserves as about 11 GB of
// address space (the tutor started from 10.96 GiB here, not under); Node 24
// makes it within the limit. 2 GB is well under that, and well over what Node
// itself needs (0.7 GB here).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, cleanEnv, NODE, ROOT, spawnInPty } from './pty.js';
import { killAfterEach } from './tracked.js';

const LIMIT_KB = 2 * 1024 * 1024;
const limited = (args: string) => `ulimit -v ${LIMIT_KB} && exec '${NODE}' '${BIN}' ${args}`;

/** Whether the Node under test can make a WebAssembly memory under the limit (Node 20 and 22 cannot; 24 can). */
function wasmFitsUnderTheLimit(): boolean {
  // The smallest module with a memory of one page: instantiating it reserves what yoga's does.
  const probe = 'new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0,97,115,109,1,0,0,0,5,3,1,0,1])))';
  try {
    execFileSync('bash', ['-c', `ulimit -v ${LIMIT_KB} && exec '${NODE}' -e '${probe}'`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('under a low ulimit -v', () => {
  beforeAll(() => assertBuilt());
  const running = killAfterEach();
  const state = () => mkdtempSync(join(tmpdir(), 'gt-ulimit-'));

  it('the tutor says in one sentence why it cannot start and what to do, exit 2, no stack trace', async () => {
    const t = await spawnInPty('bash', ['-c', limited('add')], { env: { XDG_STATE_HOME: state() } });
    running.push(t);
    if (wasmFitsUnderTheLimit()) {
      // Node 24 makes WebAssembly memory within such a limit: there the tutor simply starts, and quits as usual.
      await t.waitFor('step 1/');
      t.write('q');
      expect(await t.exit(15_000)).toEqual({ code: 0, signal: null });
      return;
    }
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
