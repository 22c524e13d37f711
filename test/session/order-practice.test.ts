/**
 * `grad-tutor practice backward-order` asks the ordering task: fresh graphs
 * from the seed (c → e (→ f) → z, and z uses c too), the nodes numbered in
 * an order of the seed's that is never a right one, the whole order the
 * answer, recorded as every practice answer is. The self-test keeps its one
 * key an item.
 */
import { describe, expect, it } from 'vitest';
import { generate, selfTestProblems, type Problem } from '../../src/practice/index.js';
import { buildFrame, type LessonFrame } from '../../src/session/frame.js';
import { initialSession, type Effect, type Session } from '../../src/session/session.js';
import { keys, run } from '../helpers/session.js';

/** The order the generator's graph must run in, from its shape: z first, then down the chain to c, which z and e both use. */
const rightOf = (p: Problem) => (p.scenario.graph.nodes.some((n) => n.name === 'f') ? ['z', 'f', 'e', 'c'] : ['z', 'e', 'c']);
/** The keys that pick `order`: each node's number in the problem's listing. */
const keysFor = (p: Problem, order: string[]) => order.map((n) => String(p.order!.indexOf(n) + 1));

const start = (p: Problem): Session =>
  run(initialSession({ window: { columns: 80, rows: 24 } }), { type: 'practice', problems: [p], seed: 3 }).state;
const text = (s: Session) => (buildFrame(s) as LessonFrame).text.lines.join(' ').replace(/\s+/g, ' ');
const practiced = (effects: Effect[]) => effects.filter((e) => e.type === 'practiced');

describe('practice of backward-order: the ordering task', () => {
  it('numbers every node with a _backward, in an order of the seed’s that is never a right one', () => {
    for (let seed = 0; seed < 50; seed++) {
      const p = generate('backward-order', seed);
      expect([...p.order!].sort()).toEqual([...rightOf(p)].sort());
      expect(p.order).not.toEqual(rightOf(p));
      expect(generate('backward-order', seed).order).toEqual(p.order);
    }
  });

  it('the right order in one burst of keys, then y: recorded right and sure', () => {
    const p = generate('backward-order', 11);
    let s = start(p);
    // As many pick keys as nodes numbered: 1-3 for z, e, c (a 9 would pick nothing).
    expect(p.order).toHaveLength(3);
    expect((buildFrame(s) as LessonFrame).footer).toBe('1-3 pick  u undo  q quit');
    expect((buildFrame(s) as LessonFrame).choices).toEqual([]);
    s = run(s, ...keys(...keysFor(p, rightOf(p)))).state;
    expect(s.practice!.stage).toBe('sure');
    expect(s.practice!.given).toBe(rightOf(p).join(', '));
    const told = run(s, ...keys('y'));
    expect(practiced(told.effects)).toEqual([{ type: 'practiced', skill: 'backward-order', answer: { outcome: 'right', sure: true } }]);
    expect(text(told.state)).toContain('Correct: each node ran after every node that uses it.');
  });

  it('c picked too early, taken back, then the right order: a miss all the same (the first try counts)', () => {
    const p = generate('backward-order', 11);
    const right = rightOf(p);
    // After z, c still waits for e: picking it is too early.
    let s = run(start(p), ...keys(...keysFor(p, ['z', 'c']))).state;
    expect(text(s)).toContain("Too early: c's consumer e had not yet sent its part");
    s = run(s, ...keys('u', ...keysFor(p, right.slice(1)))).state;
    const told = run(s, ...keys('n'));
    expect(practiced(told.effects)).toEqual([{ type: 'practiced', skill: 'backward-order', answer: { outcome: 'wrong', sure: false } }]);
    expect(text(told.state)).toContain('Not quite: c went too early at first; taken back, the order is right now.');
    // A miss comes back at the end of the round, with new numbers and a task of its own.
    expect(told.state.practice!.problems).toHaveLength(2);
    const next = run(told.state, ...keys('enter')).state;
    expect(next.order).toBeUndefined();
    expect(next.practice!.problems[1].order).toBeDefined();
  });

  it('the self-test asks its backward-order items with choices, one key each', () => {
    const item = selfTestProblems(4).find((p) => p.skill === 'backward-order')!;
    const s = run(initialSession({ window: { columns: 80, rows: 24 } }), { type: 'practice', problems: [item], seed: 4, test: true }).state;
    expect((buildFrame(s) as LessonFrame).choices.length).toBeGreaterThan(1);
    const right = String(
      (s.practice!.problems[0].questions[item.seed % item.questions.length].choices as { right: boolean }[]).findIndex((c) => c.right) + 1,
    );
    expect(run(s, ...keys(right)).state.practice!.stage).toBe('told');
  });
});
