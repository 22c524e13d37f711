// Exploring a step in a real terminal, at 80×24 and 140×40: f lights a node's every path, / jumps to a node by
// name (in the benchmark's random graph of 2,000 nodes too), c shows the code line. Keys sent in bursts, as a
// person types them, and the screen read back.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomScenario } from '../../bench/graphs.js';
import { assertBuilt, ENTER, ESC, TAB } from './pty.js';
import { trackedTuis } from './tracked.js';

const tui = trackedTuis();

const stateHome = () => {
  const home = mkdtempSync(join(tmpdir(), 'inspect-e2e-'));
  return { home, env: { HOME: home, XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache') } };
};

describe.each([
  [80, 24],
  [140, 40],
])('exploring a step at %i×%i', (cols, rows) => {
  beforeAll(() => assertBuilt());

  it('f, f, Esc; c on, across steps, off; in lesson 8', async () => {
    const { env } = stateHome();
    const t = await tui(['reuse-add'], { cols, rows, env });
    await t.waitFor('step 1/11');
    // Seven steps on, to the edge c → b, and its paths at once.
    t.write('lllllllf');
    let screen = await t.waitFor('Every path from b to z');
    expect(screen).toContain('path 1: b → c → z   1 · 1 = 1');
    expect(screen).toContain('path 2: b → z   1 = 1');
    expect(screen).toContain("The sum over all 2 paths is 1 + 1 = 2, b's gradient: ∂z/∂b = 2.");
    t.write('f');
    screen = await t.waitFor('Every path from a to z');
    expect(screen).toContain("One path: its product is a's gradient, ∂z/∂a = 1.");
    t.write(ESC);
    await t.waitFor('▸ Backward: c → b');
    t.write('c');
    screen = await t.waitFor('code: b.grad += 1.0 * c.grad');
    expect(screen).toContain('(micrograd: other.grad += 1.0 * out.grad)');
    // Back four steps to the seed, the code line still on.
    t.write('hhhh');
    await t.waitFor('code: z.grad = 1.0   (micrograd: self.grad = 1.0)');
    t.write('c');
    // The screen once no line says code: (the footer's `c code` has no colon).
    await t.waitFor(/^(?![\s\S]*code:)[\s\S]*▸ Seed/);
    t.write('q');
    expect((await t.exit()).code).toBe(0);
  });

  it('/ then a name, Tab and Enter, in a graph of 2,000 nodes bigger than the window', async () => {
    const { home, env } = stateHome();
    const file = join(home, 'random2000.yaml');
    writeFileSync(file, randomScenario(2000, 1));
    const t = await tui([file], { cols, rows, env });
    await t.waitFor('Random DAG of 2000', 60_000);
    // The overview's window is around the output, far from n1500.
    await t.waitFor('step 1/');
    expect(t.screen()).not.toContain('n1500');
    t.write('/n150');
    await t.waitFor('/n150▏');
    t.write(`0${TAB}${ENTER}`);
    const screen = await t.waitFor('Found n1500');
    // The node's box on the drawing, lit.
    expect(screen).toMatch(/┏━σ n1500|┏━tanh n1500|┏━× n1500|┏━\+ n1500/);
    // The first input's paths: counted by their thousands, a few listed, the sum its gradient.
    t.write('f');
    await t.waitFor(/Every path from x1 to n\d+/);
    await t.waitFor(/The sum over all [\d.e]+ paths is/);
    t.write(ESC);
    await t.waitFor('Found n1500');
    t.write('/zz');
    await t.waitFor(`no node's name starts with "zz"`);
    // Esc alone: Esc then q in one write is Alt+Q, which a terminal sends as one key.
    t.write(ESC);
    await t.waitFor('q quit');
    t.write('q');
    expect((await t.exit()).code).toBe(0);
  }, 90_000);
});
