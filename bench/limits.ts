/**
 * The work limits of src/scenario/limits.ts at their corners: files that sit
 * just inside each limit, run through the built CLI's `show --json` (what a
 * lesson costs before its first frame), and the issue's file past them,
 * refused. Run with `npx tsx bench/limits.ts` after `node scripts/build.mjs`;
 * `npm run bench` prints it too. Figures, not a test.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_EXAMPLE_WORK, MAX_EXAMPLES, MAX_TRAINING_LINES, MAX_TRAINING_WORK } from '../src/scenario/limits.js';
import { parseScenario } from '../src/scenario/index.js';
import { ROOT } from '../test/e2e/pty.js';
import { showJson } from './show-json.js';

/** The bundled MLP (121 nodes) with `rows` examples and `steps` updates. */
function mlp(rows: number, steps: number): string {
  const text = readFileSync(join(ROOT, 'scenarios/17-mlp.yaml'), 'utf8');
  const head = text.slice(0, text.indexOf('train:'));
  const examples = Array.from(
    { length: rows },
    (_, i) => `  - {x1: ${(i % 7) - 3}, x2: ${(i % 5) / 5}, x3: ${(i % 3) - 1}, y: ${i % 2 ? 1 : -1}}`,
  );
  return `${head}train:\n  steps: ${steps}\n  rate: -0.05\nexamples:\n${examples.join('\n')}\n`;
}

/**
 * x · (a0 + … + a(n-1)): 2n + 2 nodes. With every a a param (n params) the
 * lesson writes the largest table per row and per update; else a0 is the one
 * param. No `train` when steps is 0, no `examples` when rows is 0.
 */
function sum(n: number, rows: number, steps: number, everyParam = true): string {
  const names = Array.from({ length: n }, (_, i) => `a${i}`);
  const train = steps > 0 ? `train:\n  steps: ${steps}\n  rate: -0.0001\n` : '';
  const examples = rows > 0 ? `examples:\n${Array.from({ length: rows }, (_, i) => `  - {x: ${(i % 5) / 5}}`).join('\n')}\n` : '';
  return `title: A weighted sum\ninputs:\n  x: 1\n${names.map((a, i) => `  ${a}: ${(i % 7) - 3}\n`).join('')}params: [${everyParam ? names.join(', ') : 'a0'}]\nnodes:\n  s: ${names.join(' + ')}\n  z: x * s\n${train}${examples}`;
}

const nodesOfSum = (n: number) => 2 * n + 2;
/** The most steps the limits allow with this many rows, nodes and params. */
const mostSteps = (rows: number, nodes: number, params: number) =>
  Math.min(1000, Math.floor(MAX_TRAINING_WORK / (rows * nodes)), Math.floor(MAX_TRAINING_LINES / params));
const cases: [string, string][] = [
  ['the bundled MLP: 4 rows, 30 steps', mlp(4, 30)],
  ['sum of 10,000 params, no rows, no training (the floor)', sum(10_000, 0, 0)],
  [`MLP, ${MAX_EXAMPLES} rows (the row limit), 1 step`, mlp(MAX_EXAMPLES, 1)],
  [`MLP, ${MAX_EXAMPLES} rows, steps to the training limit`, mlp(MAX_EXAMPLES, mostSteps(MAX_EXAMPLES, 121, 41))],
  ...[1_000, 10_000].map((n): [string, string] => {
    const rows = Math.floor(MAX_EXAMPLE_WORK / nodesOfSum(n));
    return [`sum of ${n.toLocaleString('en-US')} params, rows to the rows × nodes limit`, sum(n, rows, 0)];
  }),
  ...[1_000, 10_000].map((n): [string, string] => {
    const rows = Math.floor(MAX_EXAMPLE_WORK / nodesOfSum(n));
    const steps = mostSteps(rows, nodesOfSum(n), n);
    return [`sum of ${n.toLocaleString('en-US')} params, rows and steps to both limits`, sum(n, rows, steps)];
  }),
  ['sum of 1,000 params, no rows, steps to the limits', sum(1_000, 0, mostSteps(1, nodesOfSum(1_000), 1_000))],
  ['sum of 12,499 inputs, 1 param, no rows, steps to the limits', sum(12_499, 0, mostSteps(1, nodesOfSum(12_499), 1), false)],
  ["the issue's file: MLP, 20,000 rows, 30 steps (refused)", mlp(20_000, 30)],
];

const dir = mkdtempSync(join(tmpdir(), 'grad-tutor-limits-'));
const table = [['file', 'nodes', 'rows', 'steps', 'rows×nodes', 'rows×nodes×steps', 'KB', 'show --json', 'peak MB', 'exit']];
try {
  cases.forEach(([what, text], i) => {
    const file = join(dir, `case-${i}.yaml`);
    writeFileSync(file, text);
    let shape = ['?', '?', '?'];
    try {
      const s = parseScenario(text, file);
      shape = [s.graph.nodes.length, s.examples?.length ?? 1, s.train?.steps ?? 0].map(String);
    } catch {
      // Refused: the shape is in its name.
    }
    const [nodes, rows, steps] = shape.map(Number);
    const run = showJson(file);
    table.push([
      what,
      shape[0],
      shape[1],
      shape[2],
      Number.isFinite(rows * nodes) ? (rows * nodes).toLocaleString('en-US') : '—',
      Number.isFinite(rows * nodes * steps) ? (rows * nodes * steps).toLocaleString('en-US') : '—',
      (text.length / 1024).toFixed(0),
      `${(run.ms / 1000).toFixed(2)} s`,
      run.mb === undefined ? '?' : run.mb.toFixed(0),
      String(run.code),
    ]);
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
console.log(
  `\ngrad-tutor bench · the work limits at their corners (rows ≤ ${MAX_EXAMPLES.toLocaleString('en-US')}, rows × nodes ≤ ${MAX_EXAMPLE_WORK.toLocaleString('en-US')}, rows × nodes × steps ≤ ${MAX_TRAINING_WORK.toLocaleString('en-US')}, steps × params ≤ ${MAX_TRAINING_LINES.toLocaleString('en-US')})\n`,
);
for (const r of table) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
