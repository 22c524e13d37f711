/**
 * Cost by graph size: `npm run bench` prints this table after its own, or
 * `npx tsx bench/scale.ts [--layout]`. The graph is a sum of n/2 inputs
 * (n nodes: the leaves and the + chain), the shape that once made every
 * stage quadratic. Each stage runs once per size (at 100,000 nodes one run
 * is seconds); `show --json` runs in a child process through the built CLI,
 * with its peak memory. Goals (issue 14): show --json of 100,000 nodes
 * within 3 s and 1 GB; the ratio of time at 10,000 to 1,000 under 15.
 * Layout and drawing (the screen's part) are timed only with --layout, and
 * only at 1,000 nodes: at 10,000 the whole drawing ran out of memory here.
 * Three columns say where the floor is: the YAML library's parse alone (part
 * of parse), the document's size, and its UTF-8 encoding alone (part of
 * writing it, not of --json in process).
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LineCounter, parseDocument } from 'yaml';
import { backprop } from '../src/engine/index.js';
import { drawGraph, layoutGraph } from '../src/layout/index.js';
import { buildLesson, lessonJsonPieces, shownAt } from '../src/lesson/index.js';
import { parseScenario } from '../src/scenario/index.js';
import { showJson } from './show-json.js';

const SIZES = [1_000, 10_000, 100_000];
const withLayout = process.argv.includes('--layout');

function sumScenario(nodes: number): string {
  const inputs = Math.floor((nodes + 1) / 2);
  const names = Array.from({ length: inputs }, (_, i) => `a${i}`);
  return `title: A long sum\ninputs:\n${names.map((n, i) => `  ${n}: ${(i % 7) - 3}\n`).join('')}nodes:\n  z: ${names.join(' + ')}\n`;
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

const dir = mkdtempSync(join(tmpdir(), 'grad-tutor-scale-'));
const rows: string[][] = [
  [
    'nodes',
    'parse',
    'of it YAML',
    'forward+backward',
    'lesson steps',
    '--json (in process)',
    'document MB',
    'UTF-8 encode',
    'show --json (CLI)',
    'CLI peak MB',
    'tutor step (shownAt)',
    ...(withLayout ? ['layout', 'draw'] : []),
  ],
];
const totals: number[] = [];
try {
  for (const size of SIZES) {
    const text = sumScenario(size);
    const file = join(dir, `sum-${size}.yaml`);
    writeFileSync(file, text);
    const [scenario, parse] = time(() => parseScenario(text, file));
    const [, passes] = time(() => backprop(scenario.graph));
    const [lesson, steps] = time(() => buildLesson(scenario));
    // As show --json writes it: piece by piece (the numeric check is worked out here, as it is read).
    // The encoding to UTF-8 (what writing it costs before any write(2)) is timed apart, and left out of the --json column.
    const buffer = Buffer.allocUnsafe(1 << 20);
    let encode = 0;
    let bytes = 0;
    const [, jsonAndEncode] = time(() => {
      for (const piece of lessonJsonPieces(lesson)) {
        const start = performance.now();
        bytes += buffer.write(piece, 0, 'utf8');
        encode += performance.now() - start;
      }
    });
    const json = jsonAndEncode - encode;
    const [, yaml] = time(() => parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: false, prettyErrors: false }));
    // What a step of the tutor recomputes for its drawing: the values and gradients as they stand, at a middle step.
    const middle = lesson.steps[Math.floor(lesson.steps.length / 2)];
    const [, step] = time(() => shownAt(lesson.trace, middle.reached));
    const cli = showJson(file);
    const extra: string[] = [];
    if (withLayout && size <= 1_000) {
      const [layout, laid] = time(() => layoutGraph(scenario.graph));
      const [, drawn] = time(() => drawGraph(layout, shownAt(lesson.trace, middle.reached), middle.highlight));
      extra.push(ms(laid), ms(drawn));
    } else if (withLayout) extra.push('—', '—');
    totals.push(parse + steps + json);
    rows.push([
      scenario.graph.nodes.length.toLocaleString('en-US'),
      ms(parse),
      ms(yaml),
      ms(passes),
      ms(steps),
      ms(json),
      (bytes / 1e6).toFixed(0),
      ms(encode),
      ms(cli.ms),
      cli.mb === undefined ? '?' : cli.mb.toFixed(0),
      ms(step),
      ...extra,
    ]);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function ms(x: number): string {
  return x < 10 ? `${x.toFixed(2)} ms` : `${x.toFixed(0)} ms`;
}

const widths = rows[0].map((_, c) => rows.reduce((w, r) => Math.max(w, r[c].length), 0));
console.log('\ngrad-tutor bench · cost by graph size (a sum of n/2 inputs)\n');
for (const r of rows) console.log(r.map((cell, c) => cell.padStart(widths[c])).join('  '));
console.log(
  `\nratio of parse + lesson + --json at 10,000 to 1,000 nodes: ${(totals[1] / totals[0]).toFixed(1)} (goal under 15); 100,000 to 10,000: ${(totals[2] / totals[1]).toFixed(1)}`,
);
