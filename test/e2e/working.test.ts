// The built tutor lays a large drawing out in a worker thread (src/ui/background.ts): the screen says it is
// working, q still quits, and the lesson opens once the layout is back.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reusedInputsScenario } from '../../bench/graphs.js';
import { assertBuilt } from './pty.js';
import { trackedTuis } from './tracked.js';

const tuis = trackedTuis();

/** 500 products over 40 inputs: 1,039 nodes and 19,198 dummies, 20,237 pieces, just over WORTH_A_WORKER. */
function setUp(terms = 500): { file: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'gt-working-'));
  const file = join(dir, 'reused.yaml');
  writeFileSync(file, reusedInputsScenario(terms, 40, 'products'));
  return { file, env: { HOME: dir, XDG_STATE_HOME: join(dir, 'state'), XDG_CACHE_HOME: join(dir, 'cache') } };
}

const tui = (args: string[], env: Record<string, string>) => tuis(args, { cols: 100, rows: 30, env });

describe('a drawing laid out in the background', () => {
  beforeAll(() => assertBuilt());

  it('says it is working, then opens the lesson', async () => {
    const { file, env } = setUp();
    const t = await tui([file], env);
    expect(await t.waitFor('Working… laying out the drawing: 20,237 boxes and pieces of line.', 20_000)).toContain('q quits.');
    const lesson = await t.waitFor('step 1/', 30_000);
    expect(lesson).toContain('Overview');
    expect(lesson).not.toContain('Working…');
    t.write('q');
    expect((await t.exit()).code).toBe(0);
  });

  it('quits on q while it works', async () => {
    // Ten times as many pieces: seconds of work, so q comes while it goes on.
    const { file, env } = setUp(5_000);
    const t = await tui([file], env);
    await t.waitFor('Working…', 20_000);
    t.write('q');
    expect((await t.exit()).code).toBe(0);
    expect(t.screen()).not.toContain('step 1/');
  });
});
