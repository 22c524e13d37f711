/** Hand-built scenarios for the exports: params, examples, training, every op, the edges, and names Python cannot take. */

import type { Graph, OpName } from '../../src/engine/graph.js';
import type { Scenario } from '../../src/scenario/types.js';
import { graphOf, scenarioOf } from '../helpers/graphs.js';

type Row = [string, OpName, string[]];

/**
 * graphOf, plus what it leaves out: literals (rows named by their number, op
 * 'const') and the unnamed inner operations the loader would generate.
 */
function graph(inputs: Record<string, number>, rows: Row[], generated: string[] = [], output?: string): Graph {
  const g = graphOf(inputs, rows, output);
  for (const node of g.nodes) {
    if (node.op === 'const') Object.assign(node, { value: Number(node.name), generated: true });
    if (generated.includes(node.name)) node.generated = true;
  }
  return g;
}

function scenario(id: string, g: Graph, more: Partial<Scenario> = {}): Scenario {
  return { ...scenarioOf(id, g), ...more };
}

/** The lecture's neuron with a squared error against a target y, on four examples. */
const neuronGraph = graph(
  { x1: 2, x2: 0, w1: 0.5, w2: -0.4, b: 0.1, y: 1 },
  [
    ['x1*w1', '*', ['x1', 'w1']],
    ['x2*w2', '*', ['x2', 'w2']],
    ['x1*w1+x2*w2', '+', ['x1*w1', 'x2*w2']],
    ['n', '+', ['x1*w1+x2*w2', 'b']],
    ['o', 'tanh', ['n']],
    ['o-y', '-', ['o', 'y']],
    ['2', 'const', []],
    ['loss', '^', ['o-y', '2']],
  ],
  ['x1*w1', 'x2*w2', 'x1*w1+x2*w2', 'o-y'],
);

const fourExamples = [
  { x1: 2, x2: 3, y: 1 },
  { x1: 3, x2: -1, y: -1 },
  { x1: 0.5, x2: 1, y: -1 },
  { x1: 1, x2: 1, y: 1 },
];

export const neuronLearns = scenario('hand-neuron-learns', neuronGraph, {
  params: ['w1', 'w2', 'b'],
  nudge: -0.05,
  examples: fourExamples,
  train: { steps: 20, rate: -0.05, zeroGrad: true },
});

export const neuronForgetsZeroGrad = scenario('neuron-forgets-zero-grad', neuronGraph, {
  params: ['w1', 'w2', 'b'],
  nudge: -0.05,
  examples: fourExamples,
  train: { steps: 12, rate: -0.02, zeroGrad: false },
});

/** One row and no examples: the data are fixed values, only w and b move. */
export const dataWithoutExamples = scenario(
  'data-without-examples',
  graph(
    { x: 1.5, w: 0.8, b: -0.3, target: 2 },
    [
      ['x*w', '*', ['x', 'w']],
      ['y', '+', ['x*w', 'b']],
      ['err', '-', ['y', 'target']],
      ['loss', '*', ['err', 'err']],
    ],
    ['x*w'],
  ),
  { params: ['w', 'b'], nudge: -0.1, train: { steps: 5, rate: -0.1, zeroGrad: true } },
);

/**
 * Every op, a literal on either side, a node used twice, a named node the
 * output does not use, a param it does not use and a node of data alone.
 */
export const everyOp = scenario(
  'every-op',
  graph(
    { a: 0.7, b: -1.3, c: 2.5, unused: 4, x: 0.25 },
    [
      ['3', 'const', []],
      ['a+b', '+', ['a', 'b']],
      ['s', '-', ['a+b', 'c']],
      ['m', '*', ['s', 's']],
      ['q', '/', ['m', 'c']],
      ['p', '^', ['c', 'a']],
      ['r', '^', ['b', '3']],
      ['-r', 'neg', ['r']],
      ['t', 'tanh', ['-r']],
      ['e', 'exp', ['a']],
      ['l', 'log', ['c']],
      ['u', 'relu', ['b']],
      ['v', 'relu', ['a']],
      ['g', 'sigmoid', ['q']],
      ['3-x', '-', ['3', 'x']],
      ['d', '/', ['3', 'c']],
      ['aside', '*', ['a', 'unused']],
      ['datum', 'exp', ['x']],
      ['sum1', '+', ['q', 'p']],
      ['sum2', '+', ['sum1', 't']],
      ['sum3', '+', ['sum2', 'e']],
      ['sum4', '+', ['sum3', 'l']],
      ['sum5', '+', ['sum4', 'u']],
      ['sum6', '+', ['sum5', 'v']],
      ['sum7', '+', ['sum6', 'g']],
      ['sum8', '*', ['sum7', '3-x']],
      ['z', '+', ['sum8', 'd']],
    ],
    ['a+b', '-r', '3-x'],
  ),
  { params: ['a', 'b', 'c', 'unused'], nudge: 0.01 },
);

/** Where the textbook rules have no value and the tutor follows PyTorch: 0 ^ 0, a zero base, a zero divisor. */
export const edges = scenario(
  'edges',
  graph({ zero: 0, two: 2, k: 0, nb: -2, half: 0.5 }, [
    ['zz', '^', ['zero', 'k']],
    ['z2', '^', ['zero', 'two']],
    ['kz', '^', ['two', 'k']],
    ['nh', '^', ['nb', 'half']],
    ['over', '/', ['two', 'zero']],
    ['r0', 'relu', ['zero']],
    ['s1', '+', ['zz', 'z2']],
    ['s2', '+', ['s1', 'kz']],
    ['out', '+', ['s2', 'r0']],
  ]),
);

/** An output that overflows and divides by zero: inf and nan must print as the tutor has them. */
export const infinities = scenario(
  'infinities',
  graph({ big: 800, zero: 0, neg: -1 }, [
    ['huge', 'exp', ['big']],
    ['flat', 'sigmoid', ['zero']],
    ['lz', 'log', ['zero']],
    ['ln', 'log', ['neg']],
    ['ratio', '/', ['zero', 'zero']],
    ['y', '*', ['huge', 'flat']],
  ]),
);

/** Names Python cannot take as they are: keywords, builtins the script calls, the script's own names, a generated t1. */
export const awkwardNames = scenario(
  'awkward-names',
  graph(
    { lambda: 2, print: -1, Value: 3, torch: 0.5, params: 1.5, t1: 2, __init__: 1 },
    [
      ['lambda*print', '*', ['lambda', 'print']],
      ['None', '+', ['lambda*print', 'Value']],
      ['float', 'tanh', ['torch']],
      ['rate', '*', ['None', 'float']],
      ['t1*params', '*', ['t1', 'params']],
      ['run', '+', ['rate', 't1*params']],
      ['forward', '-', ['run', '__init__']],
    ],
    ['lambda*print', 't1*params'],
  ),
  { title: 'Awkward "names"\nand a line break', description: 'A description with\u001b[31m an escape, a \'\'\' and a """ in it.' },
);

/** A data-only output: no param reaches it, so nothing has a gradient and nothing moves. */
export const noParamReaches = scenario('no-param-reaches', graph({ w: 2, x: 3 }, [['y', '*', ['x', 'x']]]), {
  params: ['w'],
  train: { steps: 2, rate: 0.1, zeroGrad: true },
});

export const HAND_BUILT = [
  neuronLearns,
  neuronForgetsZeroGrad,
  dataWithoutExamples,
  everyOp,
  edges,
  infinities,
  awkwardNames,
  noParamReaches,
];
