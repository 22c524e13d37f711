// The Train phase through the built CLI at 80×24, typed as a person types:
// one key a write, with a pause between, reading the screen a learner reads.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, RIGHT, spawnTui, TAB, type Tui } from './pty.js';
import { killAfterEach } from './tracked.js';

const running = killAfterEach();

const pause = (ms = 40) => new Promise((resolve) => setTimeout(resolve, ms));

async function typeSlowly(t: Tui, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    t.write(key);
    await pause();
  }
}

/** The plot rows of the chart on screen: from the row with the top label to the axis. */
function chart(screen: string): string[] {
  const lines = screen.split('\n');
  return lines.slice(
    lines.findIndex((l) => l.includes('┤')),
    lines.findIndex((l) => l.includes('└─')),
  );
}

describe('the Train phase in a terminal', () => {
  beforeAll(() => assertBuilt());

  it('neuron-learns at 80×24: Tab to Train, → an update, + and - change the rate, z shows both runs', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gt-train-'));
    const t = await spawnTui(['neuron-learns'], {
      cols: 80,
      rows: 24,
      env: { HOME: home, XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache'), NO_COLOR: '1' },
    });
    running.push(t);
    await t.waitFor('step 1/');
    // Overview → Forward → Backward → Check → Nudge → Train.
    await typeSlowly(t, TAB, TAB, TAB, TAB, TAB);
    let screen = await t.waitFor('Train: update 1 of 20');
    expect(screen).toContain('[Train]');
    expect(chart(screen).join('')).toContain('•');
    expect(screen).toContain('w1 += -0.05 × 1.41421 = -3.07071');
    await typeSlowly(t, RIGHT);
    screen = await t.waitFor('Train: update 2 of 20');
    expect(chart(screen).join('').split('•').length - 1).toBe(3);

    // + is a larger step down: -0.05 → -0.1.
    await typeSlowly(t, '+');
    screen = await t.waitFor('param += -0.1 × its grad');
    // The whole run is trained again at -0.1: the second update now moves w1 by -0.1 × its grad.
    expect(screen).toMatch(/w1 \+= -0\.1 × \S+ = -3\.\d+/);
    await typeSlowly(t, '-', '-');
    screen = await t.waitFor('param += -0.02 × its grad');

    await typeSlowly(t, 'z');
    screen = await t.waitFor('• with zero_grad   × without');
    expect(chart(screen).join('')).toContain('×');
    // The grads, the point of the comparison, are on screen whole; why they go wrong is a scroll away.
    expect(screen).toMatch(/^b +\S+ +b \+= -0\.02 × /m);
    expect(screen.split('\n').length).toBeLessThanOrEqual(24);
    expect(screen).toContain('z zero_grad');
    await typeSlowly(t, 'j', 'j', 'j', 'j');
    screen = await t.waitFor('Without zero_grad each backward pass adds its gradient');
    await typeSlowly(t, 'z');
    // The screen once the comparison has gone again.
    screen = await t.waitFor(/^(?![\s\S]*× without)[\s\S]*Train: update 2 of 20/);
    expect(chart(screen).join('')).not.toContain('×');

    await typeSlowly(t, TAB);
    await t.waitFor('Train: update 20 of 20');
    t.write('q');
    expect(await t.exit()).toEqual({ code: 0, signal: null });
  });
});
