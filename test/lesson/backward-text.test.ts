import { describe, expect, it } from 'vitest';
import { buildLesson, shownAt } from '../../src/lesson/index.js';
import { SEED_GRAPHS, graphOf, scenarioOf } from '../helpers/graphs.js';

// z = (a + b) · d with a = 3, b = -5, d = 2: c = -2, ∂z/∂c = d = 2, ∂z/∂d = c = -2.
const lesson = buildLesson(scenarioOf('add-then-mul', SEED_GRAPHS['add-then-mul'], { c: 'a + b', z: 'c * d' }));
const titled = (title: string) => lesson.steps.find((s) => s.title === title)!;

describe('the backward steps name upstream and local apart', () => {
  it('the first edge from the output: upstream the seed 1, local d = 2, never ∂z/∂z · ∂z/∂c', () => {
    const step = titled('Backward: z → c');
    expect(step.text).toBe('upstream ∂z/∂z = 1, local ∂z/∂c = 2, so ∂z/∂c = 1 · 2 = 2');
    expect(step.lines).toEqual([
      'upstream: ∂z/∂z = 1   (the seed: z is the output)',
      'local:    ∂z/∂c = d = 2   (z = c · d)',
      'symbols:  ∂z/∂c = upstream · local',
      'result:   1 · 2 = 2',
    ]);
    // The circular form the chain rule would give here.
    for (const line of [step.text, ...step.lines]) expect(line).not.toContain('∂z/∂z · ∂z/∂c');
  });

  it('every backward step has an upstream line and a local line', () => {
    for (const step of lesson.steps.filter((s) => s.contribution)) {
      const c = step.contribution!;
      expect(step.lines[0]).toMatch(new RegExp(`^upstream: ∂z/∂${c.node} = ${c.upstream} `));
      expect(step.lines[1]).toMatch(new RegExp(`^local: +∂${c.node}/∂${c.operand} = `));
    }
  });

  it('where an operand has several paths the result is this path’s part, and the running sum the total', () => {
    const reuse = buildLesson(scenarioOf('reuse-add', SEED_GRAPHS['reuse-add'], { c: 'a + b', z: 'c + b' }));
    const second = reuse.steps.filter((s) => s.contribution?.operand === 'b')[1];
    expect(second.text).toBe('upstream ∂z/∂c = 1, local ∂c/∂b = 1, so ∂z/∂b += 1 · 1 = 1');
    expect(second.lines).toContain('result:   1 · 1 = 1 (this path)');
    expect(second.lines.some((l) => l.startsWith('running sum: ∂z/∂b = 1 (direct) + 1 (via c) = 2'))).toBe(true);
  });
});

describe('the seed agrees with the boxes', () => {
  it('says · means not reached yet, and the drawing shows only the output’s gradient', () => {
    const seed = lesson.steps.find((s) => s.phase === 'seed')!;
    expect(seed.text).toBe('∂z/∂z = 1: a nudge to z moves z by exactly as much. Every other gradient starts at 0, not reached yet.');
    expect(seed.lines[0]).toBe(
      'On the boxes, g · means "not reached yet": no edge has brought that node anything so far. Only z\'s box shows g 1.',
    );
    // Only z has a gradient on the drawing: every other box shows ·.
    expect(shownAt(lesson.trace, seed.reached).grads).toEqual({ z: 1 });
  });
});

describe('the Wrong order phase draws the replay’s gradients', () => {
  it('a = 1, b = a + a, c = b + b: the boxes show b 1 and a 2 mid-replay, then the wrong a = 2', () => {
    const graph = graphOf({ a: 1 }, [
      ['b', '+', ['a', 'a']],
      ['c', '+', ['b', 'b']],
    ]);
    const topo = buildLesson({ ...scenarioOf('topo', graph, { b: 'a + a', c: 'b + b' }), wrongOrder: 'b' });
    const replay = topo.steps.filter((s) => s.phase === 'wrong-order');
    expect(replay.map((s) => shownAt(topo.trace, s.reached).grads)).toEqual([
      { c: 1 },
      { c: 1, b: 1 },
      { c: 1, b: 1, a: 1 },
      { c: 1, b: 1, a: 2 },
      { c: 1, b: 2, a: 2 },
      { a: 2, b: 2, c: 1 },
    ]);
    // No question is asked in the replay: it has no edge of the real pass.
    expect(replay.every((s) => s.contribution === undefined)).toBe(true);
  });
});

describe('the running sum of b + b', () => {
  it('tells the two edges into b apart by the side they come from', () => {
    const graph = graphOf({ a: 1 }, [
      ['b', '+', ['a', 'a']],
      ['c', '+', ['b', 'b']],
    ]);
    const topo = buildLesson(scenarioOf('topo', graph, { b: 'a + a', c: 'b + b' }));
    const sums = topo.steps.filter((s) => s.contribution).map((s) => s.lines.find((l) => l.startsWith('running sum:'))!.split(' — ')[0]);
    expect(sums).toEqual([
      'running sum: ∂c/∂b = 1 (direct, left) so far',
      'running sum: ∂c/∂b = 1 (direct, left) + 1 (direct, right) = 2',
      'running sum: ∂c/∂a = 2 (via b, left) so far',
      'running sum: ∂c/∂a = 2 (via b, left) + 2 (via b, right) = 4',
    ]);
    expect(topo.steps[0].text).toBe('topo: b = a + a, c = b + b, with a = 1.');
  });
});
