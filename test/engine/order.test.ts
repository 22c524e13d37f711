import { describe, expect, it } from 'vitest';
import { backprop, backpropInOrder, earlyOrder } from '../../src/engine/index.js';
import { graphOf, SEED_GRAPHS } from '../helpers/graphs.js';

// a = 1, b = a + a, c = b + b: by hand ∂c/∂b = 1 + 1 = 2 and ∂c/∂a = 2 · 1 + 2 · 1 = 4.
const doubled = graphOf({ a: 1 }, [
  ['b', '+', ['a', 'a']],
  ['c', '+', ['b', 'b']],
]);

describe('the backward pass in a given edge order', () => {
  it('in the topological order it gives the trace’s gradients', () => {
    const trace = backprop(doubled);
    expect(trace.grads).toEqual({ a: 4, b: 2, c: 1 });
    const replay = backpropInOrder(
      trace,
      trace.contributions.map(({ node, slot }) => ({ node, slot })),
    );
    expect(replay.grads).toEqual(trace.grads);
  });

  it('running b’s edges after only one of c’s edges has reached b gives a 2 instead of 4', () => {
    const trace = backprop(doubled);
    const order = earlyOrder(trace, 'b');
    expect(order).toEqual([
      { node: 'c', slot: 0 },
      { node: 'b', slot: 0 },
      { node: 'b', slot: 1 },
      { node: 'c', slot: 1 },
    ]);
    const replay = backpropInOrder(trace, order);
    // b passes on the 1 it has so far, twice; the second 1 arrives at b after b has passed its gradient on.
    expect(replay.contributions.map((c) => [c.node, c.operand, c.upstream, c.sumAfter])).toEqual([
      ['c', 'b', 1, 1],
      ['b', 'a', 1, 1],
      ['b', 'a', 1, 2],
      ['c', 'b', 1, 2],
    ]);
    expect(replay.grads).toEqual({ a: 2, b: 2, c: 1 });
  });

  it('an early node with one path changes nothing', () => {
    const trace = backprop(SEED_GRAPHS['add-then-mul']);
    expect(backpropInOrder(trace, earlyOrder(trace, 'c')).grads).toEqual(trace.grads);
  });

  it('names an edge that does not exist', () => {
    const trace = backprop(doubled);
    expect(() => backpropInOrder(trace, [{ node: 'c', slot: 2 }])).toThrow(/no backward edge c\[2\]/);
  });
});
