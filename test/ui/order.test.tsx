// The ordering task of lesson 12 on screen (ink-testing-library, 80×24): picks typed in one burst, a pick made too
// early replayed on the drawing (a's gradient 0), taken back, and the whole order set against a right one.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildLesson } from '../../src/lesson/index.js';
import type { Progress } from '../../src/progress/index.js';
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
    expect(tutor.frame()).toMatch(/1-2 pick {2}u undo {2}→ next/);
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

describe('the ordering task in the progress file', () => {
  it('b, c (b too early) is written as a miss of backward-order; c, b the next time as a right answer that adds no streak', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'gt-order-record-')), 'progress.json');
    const read = () => JSON.parse(readFileSync(path, 'utf8')) as Progress;
    tutor = await openTutor({ resume: { id: 'topological-order', step: TASK }, size: { columns: 80, rows: 24 }, path });
    await tutor.type('1', '2');
    tutor.unmount();
    tutor = undefined;
    const missed = read().skills!['backward-order'];
    // One answer, a miss: one review on the card, no streak, not mastered.
    expect(missed).toMatchObject({ streak: 0, mastered: false, card: { reps: 1 } });
    tutor = await openTutor({ resume: { id: 'topological-order', step: TASK }, size: { columns: 80, rows: 24 }, path, progress: read() });
    await tutor.type('2', '1');
    tutor.unmount();
    tutor = undefined;
    // On the lesson's own graph, not fresh numbers: the review is scheduled (a second rep) and the streak stays 0.
    expect(read().skills!['backward-order']).toMatchObject({ streak: 0, mastered: false, card: { reps: 2 } });
  });
});
