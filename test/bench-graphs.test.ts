// The benchmark's generated graphs are real scenarios with the right gradients,
// so `npm run bench` can never silently measure a broken graph.
import { describe, expect, it } from 'vitest';
import { chainScenario, mlpScenario, randomScenario } from '../bench/graphs.js';
import { backprop, forward, type Graph } from '../src/engine/index.js';
import { parseScenario } from '../src/scenario/index.js';

/** The exact gradient of one leaf is nonzero and agrees with (f(x + h) − f(x − h)) / 2h. */
function expectFiniteDifference(graph: Graph, all: Partial<Record<string, number>>, leaf: string, h = 1e-6): void {
  const grads = { [leaf]: all[leaf] ?? NaN };
  const x = forward(graph)[leaf];
  const at = (v: number) => forward(graph, { [leaf]: v })[graph.output];
  const estimate = (at(x + h) - at(x - h)) / (2 * h);
  expect(grads[leaf], leaf).not.toBe(0);
  expect(Math.abs(estimate - grads[leaf]), leaf).toBeLessThan(1e-6 * Math.abs(grads[leaf]) + 1e-9);
}

describe('mlpScenario', () => {
  const sizes = [2, 5, 5, 1];
  const scenario = parseScenario(mlpScenario(sizes, 1), 'mlp.yaml');
  const { graph } = scenario;

  it('loads as the ~150-node MLP the bench reports', () => {
    // Leaves: the inputs, a weight per connection, a bias per neuron, the target.
    // A neuron with k inputs is k products, k sums and a tanh; the loss is -, ^ and the constant 2.
    let leaves = sizes[0] + 1;
    let operations = 3;
    for (let layer = 1; layer < sizes.length; layer++) {
      leaves += sizes[layer] * (sizes[layer - 1] + 1);
      operations += sizes[layer] * (2 * sizes[layer - 1] + 1);
    }
    expect(graph.inputs).toHaveLength(leaves);
    expect(graph.nodes).toHaveLength(leaves + operations);
    expect(graph.nodes).toHaveLength(148);
    expect(graph.output).toBe('L');
    expect(scenario.expressions.o).toBe('tanh(w3_1_1 * h2_1 + w3_1_2 * h2_2 + w3_1_3 * h2_3 + w3_1_4 * h2_4 + w3_1_5 * h2_5 + b3_1)');
  });

  it('is the same graph for the same seed, and another for another seed', () => {
    expect(mlpScenario(sizes, 1)).toBe(mlpScenario(sizes, 1));
    expect(mlpScenario(sizes, 2)).not.toBe(mlpScenario(sizes, 1));
  });

  it('has backprop gradients that match central finite differences', () => {
    const { grads, values } = backprop(graph);
    expect(Number.isFinite(values.L) && values.L > 0).toBe(true);
    for (const leaf of ['w1_1_1', 'w1_3_2', 'b1_5', 'w2_4_3', 'b2_2', 'w3_1_5', 'b3_1', 'x1', 'y'])
      expectFiniteDifference(graph, grads, leaf);
  });
});

describe('chainScenario and randomScenario', () => {
  it.each([
    ['chain', chainScenario(1000)],
    ['random', randomScenario(1000, 1)],
  ])('%s: 1000 nodes, values between -2 and 2, gradients that match finite differences', (name, text) => {
    const { graph } = parseScenario(text, `${name}.yaml`);
    expect(graph.nodes).toHaveLength(1000);
    const { values, grads } = backprop(graph);
    expect(Object.values(values).every((v) => Math.abs(v) <= 2)).toBe(true);
    // Nearly every node reaches the output, so the backward pass has about as many steps as the graph has edges.
    expect(graph.nodes.filter((n) => grads[n.name] !== 0).length).toBeGreaterThan(950);
    const steepest = [...graph.inputs].sort((a, b) => Math.abs(grads[b] ?? 0) - Math.abs(grads[a] ?? 0));
    for (const leaf of steepest.slice(0, 3)) expectFiniteDifference(graph, grads, leaf);
  });
});
