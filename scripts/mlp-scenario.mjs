// Writes scenarios/17-mlp.yaml: the lecture's MLP 3-4-4-1 with tanh on its
// four examples, with fixed weights so every learner sees the same run.
// Run: node scripts/mlp-scenario.mjs
import { writeFileSync } from 'node:fs';

const SIZES = [3, 4, 4, 1];
const XS = [
  [2, 3, -1],
  [3, -1, 0.5],
  [0.5, 1, 1],
  [1, 1, -1],
];
const YS = [1, -1, -1, 1];

// A small seeded generator (mulberry32): the same weights on every run, like random.seed in the notebook.
let state = 1337;
function uniform() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return Math.round((u * 2 - 1) * 1e4) / 1e4;
}

const inputs = ['x1', 'x2', 'x3'].map((x, i) => `  ${x}: ${XS[0][i]}`);
inputs.push(`  y: ${YS[0]}`);
const params = [];
const nodes = [];
let previous = ['x1', 'x2', 'x3'];
for (let layer = 1; layer < SIZES.length; layer++) {
  const outputs = [];
  for (let j = 1; j <= SIZES[layer]; j++) {
    const name = layer === SIZES.length - 1 ? 'ypred' : `h${layer}_${j}`;
    const terms = previous.map((from, i) => {
      const w = `w${layer}_${j}_${i + 1}`;
      params.push(w);
      inputs.push(`  ${w}: ${uniform()}`);
      return `${from} * ${w}`;
    });
    const b = `b${layer}_${j}`;
    params.push(b);
    inputs.push(`  ${b}: ${uniform()}`);
    // Every sum is named (s: the running sum of the first i products, n: with the bias, before tanh), so a box
    // reads `+ s1_1_2` rather than a generated shorthand of the whole expression. The same additions in the
    // same order as tanh(x1 * w + x2 * w + x3 * w + b): the same numbers.
    let sum = terms[0];
    for (let i = 2; i <= terms.length; i++) {
      nodes.push(`  s${layer}_${j}_${i}: ${sum} + ${terms[i - 1]}`);
      sum = `s${layer}_${j}_${i}`;
    }
    nodes.push(`  n${layer}_${j}: ${sum} + ${b}`);
    nodes.push(`  ${name}: tanh(n${layer}_${j})`);
    outputs.push(name);
  }
  previous = outputs;
}
nodes.push('  loss: (ypred - y) ^ 2');

const text = `# Written by scripts/mlp-scenario.mjs; edit that and run it again rather than this file.
title: The lecture's MLP
description: |
  An MLP with 3 inputs, two hidden layers of 4 tanh neurons and one tanh
  output, as at the end of the lecture. Neuron j of layer l multiplies each
  input i by its weight wl_j_i, adds the products up (the running sums
  sl_j_2, sl_j_3, ...), adds its bias bl_j to get nl_j and outputs
  hl_j = tanh(nl_j); the output neuron's is ypred. The four examples are the
  data; the 41 weights and biases are the params. The loss is the sum over
  the examples of (ypred - y)², and training moves every param against its
  gradient.
inputs:
${inputs.join('\n')}
params: [${params.join(', ')}]
nodes:
${nodes.join('\n')}
output: loss
nudge: -0.05
train:
  steps: 30
  rate: -0.05
examples:
${XS.map((xs, k) => `  - {x1: ${xs[0]}, x2: ${xs[1]}, x3: ${xs[2]}, y: ${YS[k]}}`).join('\n')}
`;
writeFileSync(new URL('../scenarios/17-mlp.yaml', import.meta.url), text);
