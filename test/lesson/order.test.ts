/**
 * The ordering task's rules and micrograd's build_topo, on graphs worked by
 * hand: every order of a diamond checked against the rule, a pick made too
 * early replayed with the gradients worked out here edge by edge, and
 * build_topo's moves written out as micrograd would make them.
 */
import { describe, expect, it } from 'vitest';
import { backprop } from '../../src/engine/index.js';
import { buildTopo, isTopological, newTask, orderView, pick, replay, rightOrder, undo, type OrderTask } from '../../src/lesson/index.js';
import { graphOf } from '../helpers/graphs.js';

// The diamond: a = 2, k = 3; b = a · k = 6, c = a + k = 5, d = b · c = 30. b and c each use a and k; d uses both.
const diamond = backprop(
  graphOf({ a: 2, k: 3 }, [
    ['b', '*', ['a', 'k']],
    ['c', '+', ['a', 'k']],
    ['d', '*', ['b', 'c']],
  ]),
);

// The practice graph: a = 2, b = 3, d = 4; c = a · b = 6, e = c + d = 10, z = e · c = 60. c has two consumers, e and z.
const shared = backprop(
  graphOf({ a: 2, b: 3, d: 4 }, [
    ['c', '*', ['a', 'b']],
    ['e', '+', ['c', 'd']],
    ['z', '*', ['e', 'c']],
  ]),
);

const permutations = (xs: string[]): string[][] =>
  xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));

/**
 * micrograd's loop written again, for + and · only: `for v in order: v._backward()`, each node passing its
 * gradient as it stands to its operands (+ passes it on, · times the other factor).
 */
function micrograd(trace: typeof diamond, order: string[]): Record<string, number> {
  const grads: Record<string, number> = Object.fromEntries(trace.graph.nodes.map((n) => [n.name, 0]));
  grads[trace.graph.output] = 1;
  for (const name of order) {
    const node = trace.graph.nodes.find((n) => n.name === name)!;
    const [x, y] = node.inputs;
    if (node.op === '+') [x, y].forEach((o) => (grads[o] += grads[name]));
    else {
      grads[x] += trace.values[y] * grads[name];
      grads[y] += trace.values[x] * grads[name];
    }
  }
  return grads;
}

const picked = (trace: typeof diamond, order: string[]): OrderTask => order.reduce((task, node) => pick(trace, task, node), newTask(trace));

describe('the order checker', () => {
  it('accepts both orders of the diamond that run d first, in either order after it, and no other', () => {
    const valid = permutations(['b', 'c', 'd']).filter((order) => isTopological(diamond, order));
    // d uses b and c, so d goes first; b and c use only inputs, so either may follow.
    expect(valid).toEqual([
      ['d', 'b', 'c'],
      ['d', 'c', 'b'],
    ]);
    for (const order of valid) expect(picked(diamond, order).early).toEqual([]);
    // Any valid order gives the right gradients: ∂d/∂b = c = 5, ∂d/∂c = b = 6, a: 5·k + 6·1 = 21, k: 5·a + 6·1 = 16.
    for (const order of valid) expect(replay(diamond, order)).toEqual({ a: 21, k: 16, b: 5, c: 6, d: 1 });
    // Every order, valid or not, gives what the loop written again gives.
    for (const order of permutations(['b', 'c', 'd'])) expect(replay(diamond, order)).toEqual(micrograd(diamond, order));
    expect(rightOrder(diamond)).toEqual(['d', 'c', 'b']);
  });

  it('takes a pick made too early, keeps it in `early`, and replays the gradient it gives', () => {
    const task = picked(shared, ['z', 'c']);
    expect(task.picks).toEqual(['z', 'c']);
    expect(task.early).toEqual(['c']);
    // By hand: z runs: e += c = 6, c += e = 10. c runs with 10, not its whole 10 + 6 = 16: a += 10 · b = 30, b += 10 · a = 20.
    expect(replay(shared, task.picks)).toEqual({ a: 30, b: 20, c: 10, d: 0, e: 6, z: 1 });
    // Then e runs: c += 6 (16, too late for a and b), d += 6. The right order gives a = 16 · 3 = 48, b = 16 · 2 = 32.
    expect(replay(shared, [...task.picks, 'e'])).toEqual({ a: 30, b: 20, c: 16, d: 6, e: 6, z: 1 });
    expect(shared.grads).toEqual({ a: 48, b: 32, c: 16, d: 6, e: 6, z: 1 });
    // The same numbers from the loop written again above.
    expect(replay(shared, ['z', 'c', 'e'])).toEqual(micrograd(shared, ['z', 'c', 'e']));
    expect(replay(shared, ['z', 'e', 'c'])).toEqual(micrograd(shared, ['z', 'e', 'c']));
    const said = orderView(shared, task).lines.join(' ');
    expect(said).toContain("Too early: c's consumer e had not yet sent its part, so c passed on 10, not its whole 16.");
    expect(said).toContain('Now a holds 30, b holds 20; the right order ends with a at 48, b at 32.');
    // The drawing shows the gradients this order has left: the ones an edge has reached, and the seed.
    expect(orderView(shared, task).shown.grads).toEqual({ z: 1, e: 6, c: 10, a: 30, b: 20 });
  });

  it('undo takes the last pick back; the miss stays counted, and a node cannot be picked twice', () => {
    const task = undo(picked(shared, ['z', 'c']));
    expect(task.picks).toEqual(['z']);
    expect(task.early).toEqual(['c']);
    expect(pick(shared, task, 'z')).toBe(task);
    const done = picked(shared, ['z', 'e', 'c']);
    expect(done.early).toEqual([]);
    expect(orderView(shared, done).lines).toContain('Your order:   z, e, c');
  });

  it('at the end, a wrong order is set against a right one, with the gradients that differ', () => {
    const lines = orderView(shared, picked(shared, ['z', 'c', 'e'])).lines;
    expect(lines).toContain('Your order:   z, c, e');
    expect(lines).toContain('A right one:  z, e, c');
    // Only a and b differ (30 for 48, 20 for 32): c ends whole, as the late 6 still reached it.
    expect(lines.filter((l) => /^[ab] /.test(l))).toEqual(['a     48     30', 'b     32     20']);
  });
});

describe('build_topo', () => {
  // Lesson 12: b = a + a, c = b + b. _prev holds each child once: c's is {b}, b's is {a}.
  const lesson12 = backprop(
    graphOf({ a: 1 }, [
      ['b', '+', ['a', 'a']],
      ['c', '+', ['b', 'b']],
    ]),
  );

  it('on lesson 12: down to a, then appends on the way back up', () => {
    const { moves, topo } = buildTopo(lesson12);
    expect(moves.map((m) => `${m.move} ${m.node}`)).toEqual(['visit c', 'visit b', 'visit a', 'append a', 'append b', 'append c']);
    expect(moves[2]).toEqual({ move: 'visit', node: 'a', children: [], calls: ['c', 'b', 'a'], visited: ['c', 'b', 'a'], topo: [] });
    expect(moves[4]).toEqual({ move: 'append', node: 'b', children: ['a'], calls: ['c', 'b'], visited: ['c', 'b', 'a'], topo: ['a', 'b'] });
    expect(topo).toEqual(['a', 'b', 'c']);
  });

  it('on the diamond: a and k are met again from c and skipped; topo lists each node after its children', () => {
    const { moves, topo } = buildTopo(diamond);
    // By hand: d's children b, c; b's a, k; c's a, k again.
    expect(moves.map((m) => `${m.move} ${m.node}`)).toEqual([
      'visit d',
      'visit b',
      'visit a',
      'append a',
      'visit k',
      'append k',
      'append b',
      'visit c',
      'again a',
      'again k',
      'append c',
      'append d',
    ]);
    expect(topo).toEqual(['a', 'k', 'b', 'c', 'd']);
    // Reversed, the operations come in an order the checker accepts.
    expect(
      isTopological(
        diamond,
        [...topo].reverse().filter((n) => rightOrder(diamond).includes(n)),
      ),
    ).toBe(true);
  });

  it('keeps no moves past its limit, but still the order', () => {
    expect(buildTopo(diamond, 3)).toEqual({ moves: [], topo: ['a', 'k', 'b', 'c', 'd'] });
  });
});
