import { describe, expect, it } from 'vitest';
import { graphReplays, secondPass } from '../../src/code/bugs.js';
import { backprop } from '../../src/engine/index.js';
import { loadScenarioFile, scenarioFromTyped } from '../../src/scenario/index.js';
import { resolveScenario } from '../../src/catalog.js';

const traceOf = (expr: string, sets: string[]) => backprop(scenarioFromTyped(expr, sets).graph);
const replaysOf = (expr: string, sets: string[], bug: string) =>
  graphReplays(traceOf(expr, sets))
    .filter((r) => r.bug === bug)
    .map((r) => r.grads);

describe('the classic bugs, replayed on a graph (numbers worked by hand)', () => {
  it('accumulate: with = each node keeps its last edge only, so a + a gives 1, not 2', () => {
    const [grads] = replaysOf('b = a + a', ['a=3'], 'accumulate');
    expect(grads).toMatchObject({ b: 1, a: 1 });
  });

  it('topological: build_topo without reversed() runs each node before its consumers have passed it anything', () => {
    // c = a + b, z = c + d in forward order: c's edges first, while c's gradient is still 0.
    const orders = replaysOf('z = (a + b) + d', ['a=1', 'b=2', 'd=3'], 'topological');
    expect(orders[0]).toMatchObject({ z: 1, 'a+b': 1, d: 1, a: 0, b: 0 });
    // Lesson 12's replay: b passes its gradient on after c's first edge only, so a gets 1 + 1 = 2, not 4.
    const lesson12 = graphReplays(backprop(loadScenarioFile(resolveScenario('topological-order')).graph));
    expect(lesson12.filter((r) => r.bug === 'topological').map((r) => r.grads.a)).toContain(2);
  });

  it('backward twice: a second pass adds, from the grads the first one left (a + a: a = 2, then 2 + 2 = 4)', () => {
    const trace = traceOf('b = a + a', ['a=3']);
    expect(trace.grads.a).toBe(2);
    expect(secondPass(trace)).toMatchObject({ b: 1, a: 4 });
    // Lesson 12, b = a + a, c = b + b: the first pass leaves b = 2, a = 4; the second adds 1 + 1 to b (4), then 4 + 4 to a (12).
    const deep = backprop(loadScenarioFile(resolveScenario('topological-order')).graph);
    expect(deep.grads).toEqual({ c: 1, b: 2, a: 4 });
    expect(secondPass(deep)).toEqual({ c: 1, b: 4, a: 12 });
  });

  it('tanh: the derivative from the input n, 1 - n², where it is 1 - tanh(n)²', () => {
    const [grads] = replaysOf('o = tanh(n)', ['n=0.5'], 'tanh');
    expect(grads.n).toBeCloseTo(1 - 0.25, 15);
    expect(traceOf('o = tanh(n)', ['n=0.5']).grads.n).toBeCloseTo(1 - Math.tanh(0.5) ** 2, 15);
  });

  it('exp: the derivative taken as x or as 1, where it is e^x', () => {
    const grads = replaysOf('y = exp(x)', ['x=2'], 'exp');
    expect(grads.map((g) => g.x)).toEqual([2, 1]);
    expect(traceOf('y = exp(x)', ['x=2']).grads.x).toBeCloseTo(Math.exp(2), 12);
  });
});
