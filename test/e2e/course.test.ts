// The course in a learner's terminal: a summary names the next lesson, Enter opens it, and the menu marks what is next.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, END, ENTER, ESC } from './pty.js';
import { trackedTuis } from './tracked.js';

const tui = trackedTuis();
const state = () => ({ XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'course-e2e-')) });

describe('the course in a terminal', () => {
  beforeAll(() => assertBuilt());

  it('Enter on the summary of lesson 11 opens lesson 12, which the summary names', async () => {
    const t = await tui(['add-self'], { env: state() });
    await t.waitFor('step 1/');
    t.write(END);
    const summary = await t.waitFor('Enter opens it');
    expect(summary).toContain('Next in the course: 12. Why a topological order.');
    t.write(ENTER);
    // Lesson 12: overview, 2 forward, seed, 4 backward, 6 wrong order; the order: the task, build_topo's code, its
    // 6 moves (visit c, b, a; append a, b, c) and the reversal; check, nudge, summary.
    const next = await t.waitFor('step 1/26');
    expect(next).toContain('Why a topological order');
    expect(next).toContain('[Overview]');
    t.write('q');
    expect((await t.exit()).code).toBe(0);
  });

  it('the menu marks the next lesson with ▸ and the finished ones with ✓; lesson 1 walks to its Slope phase', async () => {
    const env = state();
    const t = await tui([], { env });
    const menu = await t.waitFor('Pick a graph');
    expect(menu).toMatch(/▸ +1\. The slope, by nudging/);
    t.write(ENTER);
    await t.waitFor('step 1/12');
    t.write('llllll');
    const slope = await t.waitFor('Slope: h = 1');
    expect(slope).toContain('[Slope]');
    // Four nudges, the slope along the curve, the summary.
    t.write('lllll');
    await t.waitFor('Next in the course: 2. A sum.');
    t.write(ESC);
    const after = await t.waitFor(/✓ +1\. The slope/);
    expect(after).toMatch(/▸ +2\. A sum/);
    t.write('q');
    expect((await t.exit()).code).toBe(0);
  });
});
