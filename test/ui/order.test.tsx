// The ordering task of lesson 12 on screen (ink-testing-library, 80×24): picks typed in one burst, a pick made too
// early replayed on the drawing (a's gradient 0), taken back, and the whole order set against a right one.
import { afterEach, describe, expect, it } from 'vitest';
import { buildLesson } from '../../src/lesson/index.js';
import { scenario } from '../helpers/session.js';
import { KEY, openTutor } from './harness.js';

let tutor: Awaited<ReturnType<typeof openTutor>> | undefined;
afterEach(() => tutor?.unmount());

const TASK = buildLesson(scenario('topological-order')).steps.findIndex((s) => s.title === 'Your order');
const rows = (screen: string) => screen.split('\n');

describe('the ordering task on screen', () => {
  it('1 runs b too early: the drawing shows a at 0 and the text says why; u 2 1 in one burst builds c, b', async () => {
    tutor = await openTutor({ resume: { id: 'topological-order', step: TASK }, size: { columns: 80, rows: 24 } });
    expect(tutor.frame()).toContain('  1. b');
    expect(tutor.frame()).toMatch(/1-9 pick {2}u undo {2}→ next/);
    await tutor.type('1');
    const early = tutor.frame();
    expect(early).toContain("Too early: b's consumer c had not yet sent its part");
    // a's box: its value 1, and the 0 that b's two edges sent it (0 · 1 + 0 · 1).
    expect(early).toMatch(/v {2}1 .*\n.*g {2}0 /);
    await tutor.type('u', '2', '1');
    const done = tutor.frame();
    expect(done).toContain('Your order:   c, b');
    expect(done).toContain('A right one:  c, b');
    expect(rows(done).length).toBeLessThanOrEqual(24);
    // → goes on to build_topo, where the digits are no keys of a task.
    await tutor.type(KEY.right, '1');
    expect(tutor.frame()).toContain('▸ build_topo: how micrograd orders it');
    expect(tutor.state().order?.picks).toEqual(['c', 'b']);
  });
});
