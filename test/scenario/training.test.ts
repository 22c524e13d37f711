import { describe, expect, it } from 'vitest';
import { expectError } from '../helpers/scenario-errors.js';
import { parseScenario } from '../../src/scenario/index.js';

/** The lecture's neuron with a squared error; `tail` is appended after `nodes`. Lines: params on 9, nodes from 10. */
const neuron = (params: string, tail = ''): string =>
  `title: T\ninputs:\n  x1: 2\n  x2: 0\n  w1: -3\n  w2: 1\n  b: 6.88\n  y: 1\n${params}\nnodes:\n  n: x1 * w1 + x2 * w2 + b\n  loss: (tanh(n) - y) ^ 2\n${tail}`;
const PARAMS = 'params: [w1, w2, b]';

describe('params, examples and train, read', () => {
  it('reads all three', () => {
    const s = parseScenario(
      neuron(
        PARAMS,
        'train:\n  steps: 20\n  zero_grad: false\nexamples:\n  - {x1: 2, x2: 0, y: 1}\n  - {x1: 1, x2: -1, y: -1}\nnudge: -0.05\n',
      ),
      'f.yaml',
    );
    expect(s.params).toEqual(['w1', 'w2', 'b']);
    expect(s.examples).toEqual([
      { x1: 2, x2: 0, y: 1 },
      { x1: 1, x2: -1, y: -1 },
    ]);
    // The rate defaults to the nudge.
    expect(s.train).toEqual({ steps: 20, rate: -0.05, zeroGrad: false });
  });

  it('defaults: every input is a param, no examples, no training', () => {
    const s = parseScenario(neuron(''), 'f.yaml');
    expect(s.params).toEqual(['x1', 'x2', 'w1', 'w2', 'b', 'y']);
    expect(s.examples).toBeUndefined();
    expect(s.train).toBeUndefined();
  });

  it('takes a block list of params and an explicit rate', () => {
    const s = parseScenario(neuron('params:\n  - w1\n  - b', 'train:\n  steps: 3\n  rate: -0.1\n'), 'f.yaml');
    expect(s.params).toEqual(['w1', 'b']);
    expect(s.train).toEqual({ steps: 3, rate: -0.1, zeroGrad: true });
  });
});

describe('params, examples and train: each mistake at its line and column', () => {
  it('a param that is not an input', () => {
    expectError(neuron('params: [w1, w3, b]'), 9, 14, /^`params` names `w3`, which is not an input \(did you mean `w1`\?\)$/);
    expectError(neuron('params: [w1, n]'), 9, 14, /`n`, which is not an input/);
    expectError(neuron('params: [w1, w1]'), 9, 14, /`w1` is listed twice/);
    expectError(neuron('params: w1'), 9, 9, /must be a list of input names/);
    expectError(neuron('params: []'), 9, 9, /lists no inputs/);
  });

  it('an example row that sets a param', () => {
    expectError(neuron(PARAMS, 'examples:\n  - {x1: 2, w1: 1}\n'), 14, 13, /sets `w1`, which is a param/);
  });

  it('an example row that sets a name that is not an input', () => {
    expectError(neuron(PARAMS, 'examples:\n  - {x1: 2, z: 1}\n'), 14, 13, /sets `z`, which is not an input/);
    expectError(neuron(PARAMS, 'examples:\n  - {x1: 2, n: 1}\n'), 14, 13, /sets `n`, which is not an input/);
  });

  it('rows that set different inputs', () => {
    expectError(neuron(PARAMS, 'examples:\n  - {x1: 2, y: 1}\n  - {x1: 1}\n'), 15, 5, /does not set `y`, which the first row sets/);
    expectError(neuron(PARAMS, 'examples:\n  - {x1: 2}\n  - {x1: 1, y: 0}\n'), 15, 5, /sets `y`, which the first row does not/);
    expectError(neuron(PARAMS, 'examples:\n  - {x1: 2}\n  - 3\n'), 15, 5, /must be a mapping/);
    expectError(neuron(PARAMS, 'examples:\n  - {x1: two}\n'), 14, 10, /`x1` in this row must be a number/);
    expectError(neuron(PARAMS, 'examples: []\n'), 13, 11, /has no rows/);
  });

  it('steps that are not a positive whole number, or above 1,000', () => {
    expectError(neuron(PARAMS, 'train:\n  steps: 0\n'), 14, 10, /`steps` is 0, not a positive whole number/);
    expectError(neuron(PARAMS, 'train:\n  steps: 2.5\n'), 14, 10, /not a positive whole number/);
    expectError(neuron(PARAMS, 'train:\n  steps: -3\n'), 14, 10, /not a positive whole number/);
    expectError(neuron(PARAMS, 'train:\n  steps: 1001\n'), 14, 10, /more than 1000/);
    expectError(neuron(PARAMS, 'train:\n  steps: many\n'), 14, 10, /`steps` must be a number/);
    expectError(neuron(PARAMS, 'train:\n  rate: -0.1\n'), 13, 1, /does not say how many `steps`/);
  });

  it('a rate that is not finite', () => {
    expectError(neuron(PARAMS, 'train:\n  steps: 5\n  rate: .inf\n'), 15, 9, /`rate` is \.inf, not a finite number/);
    expectError(neuron(PARAMS, 'train:\n  steps: 5\n  rate: fast\n'), 15, 9, /`rate` must be a number/);
  });

  it('zero_grad that is not a boolean', () => {
    expectError(neuron(PARAMS, 'train:\n  steps: 5\n  zero_grad: yes\n'), 15, 14, /`zero_grad` must be true or false, not `yes`/);
    expectError(neuron(PARAMS, 'train:\n  steps: 5\n  zero_grad: 0\n'), 15, 14, /must be true or false/);
  });

  it('an unknown key in train', () => {
    expectError(
      neuron(PARAMS, 'train:\n  steps: 5\n  zerograd: false\n'),
      15,
      3,
      /unknown key `zerograd` in `train` \(did you mean `zero_grad`\?\)/,
    );
  });
});
