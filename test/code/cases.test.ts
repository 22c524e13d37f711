import { describe, expect, it } from 'vitest';
import { courseGraphs, harnessInput, lectureMlp, MLP_LESSON } from '../../src/code/cases.js';
import { scenarioFromTyped } from '../../src/scenario/index.js';

/** The lecture's MLP computed plainly: tanh(Σ w·x + b) neuron by neuron, layer by layer, from the lesson's weights by name. */
function plainMlp(weights: Record<string, number>, x: number[]): number {
  let inputs = x;
  MLP_LESSON.nouts.forEach((nout, l) => {
    inputs = Array.from({ length: nout }, (_, j) => {
      let act = weights[`b${l + 1}_${j + 1}`];
      inputs.forEach((xi, i) => (act += weights[`w${l + 1}_${j + 1}_${i + 1}`] * xi));
      return Math.tanh(act);
    });
  });
  return inputs[0];
}

describe("the tutor's side of the exercises", () => {
  const mlp = lectureMlp();
  const weights = Object.fromEntries(mlp.names.map((name, i) => [name, mlp.start[i]]));

  it("the lecture's MLP: 41 params in parameters() order, its ypred and first loss as a plain computation gives them", () => {
    // Per neuron its weights then its bias: 4·(3+1) + 4·(4+1) + 1·(4+1).
    expect(mlp.names).toHaveLength(41);
    expect(mlp.names.slice(0, 5)).toEqual(['w1_1_1', 'w1_1_2', 'w1_1_3', 'b1_1', 'w1_2_1']);
    expect(mlp.names.at(-1)).toBe('b3_1');
    expect(mlp.xs).toEqual([
      [2, 3, -1],
      [3, -1, 0.5],
      [0.5, 1, 1],
      [1, 1, -1],
    ]);
    expect(mlp.ys).toEqual([1, -1, -1, 1]);
    const ypred = mlp.xs.map((x) => plainMlp(weights, x));
    mlp.ypred.forEach((y, r) => expect(y).toBeCloseTo(ypred[r], 12));
    const loss = ypred.reduce((sum, y, r) => sum + (y - mlp.ys[r]) ** 2, 0);
    expect(mlp.history[0].output).toBeCloseTo(loss, 12);
    // Training lowers it: 30 steps at -0.05, the lesson's settings.
    expect(mlp.run).toEqual({ steps: 30, rate: -0.05, zeroGrad: true });
    expect(mlp.history[30].output).toBeLessThan(loss / 10);
  });

  it('the first update moves each param by rate × its gradient, and the loss after it is the plain computation at the moved params', () => {
    const moved = Object.fromEntries(mlp.names.map((name) => [name, weights[name] + mlp.run.rate * mlp.history[0].grads[name]]));
    const loss = mlp.xs.reduce((sum, x, r) => sum + (plainMlp(moved, x) - mlp.ys[r]) ** 2, 0);
    expect(mlp.history[1].output).toBeCloseTo(loss, 12);
  });

  it("lists the graphs micrograd's Value cannot build apart, with why: an op it lacks, a node as exponent", () => {
    const { cases, skipped } = courseGraphs([
      scenarioFromTyped('z = log(a) * b', ['a=2', 'b=3']),
      scenarioFromTyped('z = a ^ b', ['a=2', 'b=3']),
      scenarioFromTyped('z = a ^ 2 - a / b', ['a=2', 'b=3']),
    ]);
    expect(skipped.map((s) => s.why)).toEqual(["it uses log, which micrograd's Value does not have", 'z has a node as its exponent']);
    expect(cases).toHaveLength(1);
  });

  it('orders the graphs as engine.py is written: + first, then *, **, tanh, exp; - and / last', () => {
    const ids = courseGraphs().cases.map((c) => c.id);
    expect(ids.slice(0, 3)).toEqual(['add', 'add-add', 'reuse-add']);
    expect(ids.indexOf('mul')).toBeLessThan(ids.indexOf('neuron'));
    expect(ids.indexOf('neuron')).toBeLessThan(ids.indexOf('tanh-from-exp'));
    expect(ids.at(-1)).toBe('mlp');
  });

  it("hands the harness data only: op names, operand indexes, numbers — a scenario's text never goes in", () => {
    const typed = scenarioFromTyped('z = a * b + 2', ['a=3', 'b=-5']);
    const input = JSON.parse(harnessInput(courseGraphs([typed]).cases, mlp)) as { graphs: { nodes: unknown[]; output: number }[] };
    expect(input.graphs[0].nodes).toEqual([
      { op: 'input', inputs: [], value: 3 },
      { op: 'input', inputs: [], value: -5 },
      { op: '*', inputs: [0, 1] },
      { op: 'const', inputs: [], value: 2 },
      { op: '+', inputs: [2, 3] },
    ]);
    expect(input.graphs[0].output).toBe(4);
  });
});
