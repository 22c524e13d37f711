// A learner's own lesson, tracked by what it is rather than by its file's
// base name: the learner's add.yaml is not the bundled "A sum".
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ESC } from './pty.js';
import { trackedTuis } from './tracked.js';

const tui = trackedTuis();

describe('a learner’s own add.yaml', () => {
  beforeAll(() => assertBuilt());

  it('opened by a relative path, finished, and resumed from another folder; the bundled "A sum" stays unticked', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gt-own-'));
    const work = join(root, 'work');
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(work);
    mkdirSync(elsewhere);
    writeFileSync(join(work, 'add.yaml'), 'title: My own sum\ninputs:\n  a: 2\n  b: 7\nnodes:\n  z: a + b\n');
    const env = { XDG_STATE_HOME: join(root, 'state') };

    let t = await tui(['add.yaml'], { env, cwd: work });
    await t.waitFor('My own sum');
    // Every step seen, one by one; then back to the third, where the learner quits.
    t.write('l'.repeat(12));
    const last = await t.waitFor(/step (\d+)\/\1/);
    expect(last).toContain('[Summary]');
    t.write('g');
    await t.waitFor('step 1/');
    t.write('ll');
    await t.waitFor('step 3/');
    t.write('q');
    expect((await t.exit()).code).toBe(0);

    t = await tui([], { env, cwd: elsewhere });
    const resumed = await t.waitFor('step 3/');
    expect(resumed).toContain('My own sum');
    t.write(ESC);
    const menu = await t.waitFor('Pick a graph');
    expect(menu).toMatch(/^\s*(❯\s+)?2\. A sum/m);
    expect(menu).not.toMatch(/✓ +2\. A sum/);
    expect(menu).toMatch(/✓ +yours: My own sum +z = a \+ b/);
    // Reopened from the menu and left open, so the next start resumes it.
    expect(menu).toMatch(/❯ +✓ +yours: My own sum/);
    t.write('\r');
    await t.waitFor('step 1/');
    t.write('q');
    expect((await t.exit()).code).toBe(0);

    // Gone: one sentence, and the menu.
    rmSync(join(work, 'add.yaml'));
    t = await tui([], { env, cwd: elsewhere });
    const gone = await t.waitFor('Pick a graph');
    expect(gone.replace(/\s+/g, ' ')).toMatch(/add\.yaml:1:1: cannot open the scenario: there is no such file — check the path\./);
    t.write('q');
    expect((await t.exit()).code).toBe(0);
  });

  it('opening a bundled lesson from the command line keeps the course in its order', async () => {
    const env = { XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'gt-order-')) };
    const t = await tui(['add-then-mul'], { env });
    await t.waitFor('Addition feeding a product');
    t.write(ESC);
    const menu = await t.waitFor('Pick a graph');
    expect(menu).toMatch(/2\. A sum[\s\S]*3\. A product[\s\S]*❯ +4\. Addition feeding a product/);
    expect(menu).not.toContain('yours:');
    t.write('q');
    expect((await t.exit()).code).toBe(0);
  });
});
