// The work a scenario asks for is bounded up front, at the key that asks for it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectError } from '../helpers/scenario-errors.js';
import { bundledScenarios } from '../../src/catalog.js';
import { loadScenarioFile, parseScenario } from '../../src/scenario/index.js';
import { MAX_EXAMPLE_WORK, MAX_EXAMPLES, MAX_NODES, MAX_STEPS, MAX_TRAINING_LINES, MAX_TRAINING_WORK } from '../../src/scenario/limits.js';

/**
 * z = x · w + 1 + 1 + … (`ones` times), w the param and x the data: the
 * nodes x, w, x*w, then a constant and a sum per `+ 1`, so 3 + 2 · ones.
 * Line 6 is `train:` when there are steps; `examples:` follows it.
 */
function sum(ones: number, rows: number, steps = 0): string {
  const train = steps > 0 ? `train:\n  steps: ${steps}\n` : '';
  const examples = rows > 0 ? `examples:\n${'  - {x: 1}\n'.repeat(rows)}` : '';
  return `title: T\ninputs:\n  x: 2\n  w: 1\nparams: [w]\nnodes:\n  z: x * w${' + 1'.repeat(ones)}\n${train}${examples}`;
}

describe('examples: at most 1,000 rows, and rows × nodes at most 250,000', () => {
  it('refuses 1,001 rows at the `examples` key, and takes 1,000', () => {
    expect(MAX_EXAMPLES).toBe(1000);
    // title, inputs, x, w, params, nodes, z: `examples:` on line 8.
    expectError(sum(1, 1001), 8, 1, /^`examples` has 1,001 rows, more than the 1,000 a lesson steps through$/);
    expect(parseScenario(sum(1, 1000), 'f.yaml').examples).toHaveLength(1000);
  });

  it('refuses rows × nodes past the limit, and names how many rows this graph may have', () => {
    expect(MAX_EXAMPLE_WORK).toBe(250_000);
    // 998 ones: 3 + 1,996 = 1,999 nodes; 125 rows are 249,875 node steps, 126 are 251,874.
    expect(parseScenario(sum(998, 0), 'f.yaml').graph.nodes).toHaveLength(1999);
    expect(parseScenario(sum(998, 125), 'f.yaml').examples).toHaveLength(125);
    const error = expectError(
      sum(998, 126),
      8,
      1,
      /^`examples` has 126 rows, each run forward and backward through the graph's 1,999 nodes: 251,874 node steps, more than the 250,000 /,
    );
    expect(error.fix).toBe('keep at most 125 rows with this graph, or make the graph smaller');
  });
});

describe('train: rows × nodes × steps at most 20 million, steps × params at most 50,000', () => {
  it('refuses the training passes past the limit at the `train` key', () => {
    expect(MAX_TRAINING_WORK).toBe(20_000_000);
    // 1,999 nodes × 125 rows = 249,875 per update: 80 updates are 19,990,000, 81 are 20,239,875.
    expect(parseScenario(sum(998, 125, 80), 'f.yaml').train?.steps).toBe(80);
    const error = expectError(
      sum(998, 125, 81),
      8,
      1,
      /^`train` runs 81 updates, each forward and backward through 125 rows of the graph's 1,999 nodes: 20,239,875 node steps, more than the 20,000,000 /,
    );
    expect(error.fix).toBe('give at most 80 steps here, or fewer rows or a smaller graph');
  });

  it('counts a graph without examples as one row', () => {
    // 10,000 ones: 20,003 nodes; 1,000 updates are 20,003,000 node steps, 999 are 19,982,997.
    const error = expectError(
      sum(10_000, 0, 1000),
      8,
      1,
      /^`train` runs 1,000 updates, each forward and backward through the graph's 20,003 nodes: 20,003,000 node steps/,
    );
    expect(error.fix).toBe('give at most 999 steps here, or a smaller graph');
    expect(parseScenario(sum(10_000, 0, 999), 'f.yaml').train?.steps).toBe(999);
  });

  it('refuses more lines of params than the limit: each update lists every param', () => {
    expect(MAX_TRAINING_LINES).toBe(50_000);
    const names = Array.from({ length: 100 }, (_, i) => `p${i}`);
    const graph = (steps: number) =>
      `title: T\ninputs:\n${names.map((p) => `  ${p}: 1\n`).join('')}nodes:\n  z: ${names.join(' + ')}\ntrain:\n  steps: ${steps}\n`;
    // 100 params: 500 updates list 50,000 lines, 501 list 50,100. `train:` is on line 2 + 100 + 2 + 1.
    expect(parseScenario(graph(500), 'f.yaml').train?.steps).toBe(500);
    const error = expectError(
      graph(501),
      105,
      1,
      /^`train` runs 501 updates, each a step of the lesson that lists the 100 params: 50,100 lines, more than the 50,000 /,
    );
    expect(error.fix).toBe('give at most 500 steps here, or list fewer inputs under `params`');
  });
});

describe('the bundled scenarios', () => {
  it('sit well inside every limit: a tenth of each, or less', () => {
    for (const { file } of bundledScenarios()) {
      const s = loadScenarioFile(file);
      const nodes = s.graph.nodes.length;
      const rows = s.examples?.length ?? 1;
      const steps = s.train?.steps ?? 0;
      const within = {
        nodes: nodes / MAX_NODES,
        rows: rows / MAX_EXAMPLES,
        steps: steps / MAX_STEPS,
        examples: (rows * nodes) / MAX_EXAMPLE_WORK,
        training: (rows * nodes * steps) / MAX_TRAINING_WORK,
        lines: (steps * s.params.length) / MAX_TRAINING_LINES,
      };
      for (const [limit, share] of Object.entries(within)) expect([file, limit, share <= 0.1 || share]).toEqual([file, limit, true]);
    }
  });
});

describe('the README', () => {
  it('gives the limits the loader applies, each in its row of the table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const limit = (what: string) => {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${what}`));
      return Number(row?.split('|')[2].trim().replace(/,/g, ''));
    };
    expect(limit('nodes in the graph')).toBe(MAX_NODES);
    expect(limit('`steps` of `train`')).toBe(MAX_STEPS);
    expect(limit('rows of `examples`')).toBe(MAX_EXAMPLES);
    expect(limit('rows × nodes (')).toBe(MAX_EXAMPLE_WORK);
    expect(limit('rows × nodes × steps')).toBe(MAX_TRAINING_WORK);
    expect(limit('steps × params')).toBe(MAX_TRAINING_LINES);
  });
});
