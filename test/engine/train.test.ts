import { describe, expect, it } from 'vitest';
import { backprop, train, withValues, type Values } from '../../src/engine/index.js';
import { loadScenarioFile } from '../../src/scenario/index.js';

const neuron = loadScenarioFile('scenarios/15-neuron-learns.yaml');
const start = (names: string[], graph = neuron.graph): Values =>
  Object.fromEntries(names.map((n) => [n, graph.nodes.find((g) => g.name === n)?.value as number]));
const data = { params: neuron.params, rows: [{}] };

describe('the neuron learns: the first two updates by hand', () => {
  const history = train(neuron.graph, start(neuron.params), data, { steps: 20, rate: -0.05, zeroGrad: true });

  it('starts at o = 1/√2, loss = o² = 0.5, ∂L/∂w1 = x1 · 2o · (1 − o²) = √2, ∂L/∂w2 = 0, ∂L/∂b = √2/2', () => {
    expect(history).toHaveLength(21);
    expect(history[0].output).toBeCloseTo(0.5, 12);
    expect(history[0].params).toEqual({ w1: -3, w2: 1, b: 6.8813735870195432 });
    expect(history[0].grads.w1).toBeCloseTo(Math.SQRT2, 12);
    expect(history[0].grads.w2).toBe(0);
    expect(history[0].grads.b).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('update 1: w1 = -3 - 0.05·√2, b = 6.88137 - 0.05·√2/2, w2 stays; update 2 the same rule at the new point', () => {
    let w1 = -3 - 0.05 * Math.SQRT2;
    let b = 6.8813735870195432 - 0.05 * Math.SQRT1_2;
    expect(history[1].params.w1).toBeCloseTo(w1, 12);
    expect(history[1].params.w2).toBe(1);
    expect(history[1].params.b).toBeCloseTo(b, 12);
    // At the new point: n = 2·w1 + b, o = tanh n, loss = o², ∂L/∂n = 2o(1 − o²).
    const o = Math.tanh(2 * w1 + b);
    const dn = 2 * o * (1 - o * o);
    expect(history[1].output).toBeCloseTo(o * o, 12);
    expect(history[1].grads.w1).toBeCloseTo(2 * dn, 12);
    expect(history[1].grads.b).toBeCloseTo(dn, 12);
    w1 -= 0.05 * 2 * dn;
    b -= 0.05 * dn;
    expect(history[2].params.w1).toBeCloseTo(w1, 12);
    expect(history[2].params.b).toBeCloseTo(b, 12);
    expect(history[2].output).toBeCloseTo(Math.tanh(2 * w1 + b) ** 2, 12);
  });

  it('the loss falls at every update', () => {
    for (let k = 1; k < history.length; k++) expect(history[k].output).toBeLessThan(history[k - 1].output);
  });
});

describe('zero_grad false: the gradients add up across steps', () => {
  it('grads[k] = Σ_{j ≤ k} ∇L(params_j), and params_{k+1} = params_k + rate · grads[k]', () => {
    const rate = -0.05;
    const history = train(neuron.graph, start(neuron.params), data, { steps: 12, rate, zeroGrad: false });
    const sum: Values = { w1: 0, w2: 0, b: 0 };
    history.forEach((point, k) => {
      // A fresh backward pass at these params, by the lesson's own backprop.
      const fresh = backprop(withValues(neuron.graph, point.params)).grads;
      for (const p of neuron.params) {
        sum[p] += fresh[p] ?? NaN;
        expect(point.grads[p], `${p} at ${k}`).toBeCloseTo(sum[p], 10);
        if (k > 0) expect(point.params[p]).toBeCloseTo(history[k - 1].params[p] + rate * history[k - 1].grads[p], 12);
      }
    });
    // Not the same run as with zero_grad: the second update already differs.
    const right = train(neuron.graph, start(neuron.params), data, { steps: 12, rate, zeroGrad: true });
    expect(history[1].output).toBe(right[1].output);
    expect(history[2].output).not.toBeCloseTo(right[2].output, 6);
  });
});

/** A plain reverse mode, written apart from the engine: micrograd's Value, in a dozen lines. */
class V {
  grad = 0;
  constructor(
    public data: number,
    private readonly parents: [V, number][] = [],
  ) {}
  add(o: V): V {
    return new V(this.data + o.data, [
      [this, 1],
      [o, 1],
    ]);
  }
  mul(o: V): V {
    return new V(this.data * o.data, [
      [this, o.data],
      [o, this.data],
    ]);
  }
  tanh(): V {
    const t = Math.tanh(this.data);
    return new V(t, [[this, 1 - t * t]]);
  }
  backward(): void {
    const order: V[] = [];
    const seen = new Set<V>();
    const visit = (v: V) => {
      if (seen.has(v)) return;
      seen.add(v);
      for (const [p] of v.parents) visit(p);
      order.push(v);
    };
    visit(this);
    this.grad = 1;
    for (const v of order.reverse()) for (const [p, local] of v.parents) p.grad += local * v.grad;
  }
}

describe('the lecture’s MLP against an independent reverse mode', () => {
  const mlp = loadScenarioFile('scenarios/17-mlp.yaml');
  const run = mlp.train!;

  it('has the lecture’s data, 41 params and trains for 20 or more steps', () => {
    expect(mlp.params).toHaveLength(41);
    expect(mlp.examples).toEqual([
      { x1: 2, x2: 3, x3: -1, y: 1 },
      { x1: 3, x2: -1, x3: 0.5, y: -1 },
      { x1: 0.5, x2: 1, x3: 1, y: -1 },
      { x1: 1, x2: 1, x3: -1, y: 1 },
    ]);
    expect(run.steps).toBeGreaterThanOrEqual(20);
  });

  it('gives the same loss after every update, and the loss falls', () => {
    const history = train(mlp.graph, start(mlp.params, mlp.graph), { params: mlp.params, rows: mlp.examples! }, run);
    const w = start(mlp.params, mlp.graph);
    const sizes = [3, 4, 4, 1];
    for (let k = 0; k <= run.steps; k++) {
      const p: Record<string, V> = Object.fromEntries(Object.entries(w).map(([name, x]) => [name, new V(x)]));
      let loss = new V(0);
      for (const row of mlp.examples!) {
        let layer = [new V(row.x1), new V(row.x2), new V(row.x3)];
        for (let l = 1; l < sizes.length; l++) {
          layer = Array.from({ length: sizes[l] }, (_, j) =>
            layer.reduce((acc, x, i) => acc.add(x.mul(p[`w${l}_${j + 1}_${i + 1}`])), p[`b${l}_${j + 1}`]).tanh(),
          );
        }
        const diff = layer[0].add(new V(-row.y));
        loss = loss.add(diff.mul(diff));
      }
      loss.backward();
      expect(history[k].output, `loss after ${k} updates`).toBeCloseTo(loss.data, 10);
      for (const name of mlp.params) {
        expect(history[k].grads[name], name).toBeCloseTo(p[name].grad, 10);
        w[name] += run.rate * p[name].grad;
      }
    }
    expect(history[run.steps].output).toBeLessThan(history[0].output / 10);
  });
});
