/**
 * The benchmark report: `npm run bench` (which builds first) prints a table
 * of medians, headed by the machine it ran on, then the tables of
 * render-scale.ts, train-render.tsx, scale.ts, limits.ts, export.ts,
 * reused.ts and explore.ts. Figures, not a test: nothing here fails on a slow machine. Each
 * part can also be run alone; its header says how.
 */

import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseScenario } from '../src/scenario/index.js';
import { cleanEnv, BIN, ROOT } from '../test/e2e/pty.js';
import { bundleRenderBench } from './bundle.js';
import { chainScenario, mlpScenario, randomScenario } from './graphs.js';
import { measureLayout } from './layout.js';
import type { RenderFigures } from './render.js';
import { measureStartup, median } from './startup.js';
import { measureTraining } from './train.js';

/** 2-5-5-1: 148 nodes, the "150-node MLP". */
const MLP_SIZES = [2, 5, 5, 1];
const BIG = 1000;
const STARTUP_RUNS = 21;
const SHOW_RUNS = 7;

const load = loadavg();
const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'} · ${cpus().length} cores · ${(totalmem() / 2 ** 30).toFixed(1)} GiB · Node ${process.version} · load ${load.map((x) => x.toFixed(2)).join(' ')} at start`;
process.stderr.write('bench: measuring for a minute or two (dagre alone takes half a minute)…\n');

const dir = mkdtempSync(join(tmpdir(), 'grad-tutor-bench-'));
try {
  // The generated graphs, through the loader as a learner's files would go.
  const files = {
    mlp: { text: mlpScenario(MLP_SIZES, 1), file: join(dir, 'mlp.yaml') },
    chain: { text: chainScenario(BIG), file: join(dir, 'chain.yaml') },
    random: { text: randomScenario(BIG, 1), file: join(dir, 'random.yaml') },
    random2000: { text: randomScenario(2000, 1), file: join(dir, 'random2000.yaml') },
    random10000: { text: randomScenario(10_000, 1), file: join(dir, 'random10000.yaml') },
  };
  const nodes: Record<string, number> = {};
  for (const [name, { text, file }] of Object.entries(files)) {
    writeFileSync(file, text);
    nodes[name] = parseScenario(text, `${name}.yaml`).graph.nodes.length;
  }

  // 1. Time to first frame, interleaved with a bare Node start.
  const tutor = ['node', BIN, 'add-then-mul'];
  const [bare, warm, cold, list] = await measureStartup(
    [
      { command: ['node', '-e', '0'] },
      { command: tutor, wait: 'q quit' },
      { command: tutor, wait: 'q quit', coldCache: true },
      { command: ['node', BIN, 'list'] },
    ],
    STARTUP_RUNS,
  );

  // 2, 3. One step's render, and the memory of stepping through the MLP, each in a process of its own.
  const renderBundle = join(dir, 'render.mjs');
  await bundleRenderBench(renderBundle);
  const render = (target: string, passes: number, steps = Infinity): RenderFigures =>
    JSON.parse(
      execFileSync(process.execPath, ['--expose-gc', renderBundle, target, String(passes), String(steps)], {
        cwd: ROOT,
        env: cleanEnv(),
        encoding: 'utf8',
      }),
    ) as RenderFigures;
  const seed = render('add-then-mul', 10);
  const mlp = render(files.mlp.file, 1);
  // Through the whole app too, the first 100 steps (a lesson of 2,000 nodes has about 5,000).
  const large = [render(files.random2000.file, 1, 100), render(files.random10000.file, 1, 100)];

  // 4. Layout of the 520-node DAG against dagre (one dagre layout takes seconds).
  const layout = measureLayout(15, 2);
  const training = measureTraining();

  // 5. show --json of the built CLI, interleaved, output to /dev/null.
  const shows = [files.chain, files.random, files.mlp].map((f) => ({ ...f, times: [] as number[], bytes: 0 }));
  for (const show of shows)
    show.bytes = execFileSync(process.execPath, [BIN, 'show', show.file, '--json'], { env: cleanEnv(), maxBuffer: 2 ** 30 }).length;
  for (let i = 0; i < SHOW_RUNS; i++) for (const show of shows) show.times.push(await timeToExit([BIN, 'show', show.file, '--json']));

  const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MB`;
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
  const bareMedian = median(bare.times);
  const vsBare = (xs: number[]) => `${(median(xs) / bareMedian).toFixed(2)}×`;
  const renderRow = (what: string, f: RenderFigures): Row => [
    what,
    ms(median(f.times)),
    '',
    String(f.times.length),
    `→ to next frame; p90 ${ms(pct(f.times, 0.9))}, max ${ms(Math.max(...f.times))}`,
  ];
  const live = (f: RenderFigures) => (f.liveHeap ? `; heap after GC ${mb(f.liveHeap.before)} → ${mb(f.liveHeap.after)}` : '');
  const [chainShow, randomShow, mlpShow] = shows;
  const showRow = (what: string, s: (typeof shows)[number]): Row => [
    what,
    ms(median(s.times)),
    '',
    String(SHOW_RUNS),
    `wall time, ${(s.bytes / 2 ** 20).toFixed(1)} MB of JSON`,
  ];

  printTable(machine, [
    ['first frame: node -e 0', ms(bareMedian), '1.00×', String(STARTUP_RUNS), 'pseudo-terminal 100×30, NODE_EXTRA_CA_CERTS unset'],
    [
      'first frame: grad-tutor add-then-mul',
      ms(median(warm.times)),
      vsBare(warm.times),
      String(STARTUP_RUNS),
      'until "q quit" is on screen; V8 code cache warm; fresh XDG_STATE_HOME per run',
    ],
    [
      '  the same, no code cache (first start)',
      ms(median(cold.times)),
      vsBare(cold.times),
      String(STARTUP_RUNS),
      'fresh XDG_CACHE_HOME per run',
    ],
    ['grad-tutor list, to exit', ms(median(list.times)), vsBare(list.times), String(STARTUP_RUNS), 'until it exits'],
    renderRow(`render one step: add-then-mul (${seed.steps} steps)`, seed),
    renderRow(`render one step: MLP ${MLP_SIZES.join('-')} (${nodes.mlp} nodes, ${mlp.steps} steps)`, mlp),
    renderRow(`render one step: random DAG (${nodes.random2000} nodes, first 100 of ${large[0].steps} steps)`, large[0]),
    renderRow(`render one step: random DAG (${nodes.random10000} nodes, first 100 of ${large[1].steps} steps)`, large[1]),
    [
      'memory: stepping through the MLP',
      `${mb(Math.max(...mlp.rss))}`,
      '',
      String(mlp.rss.length),
      `peak RSS; ${mb(mlp.rssBefore)} at its first frame${live(mlp)}`,
    ],
    [
      `layout ${layout.nodes}-node DAG: ours`,
      ms(median(layout.ours)),
      '',
      String(layout.ours.length),
      `${layout.edges} edges, drawing ${layout.size.width}×${layout.size.height}; first call ${ms(layout.first)}`,
    ],
    [
      `layout ${layout.nodes}-node DAG: dagre`,
      ms(median(layout.dagre)),
      `${(median(layout.dagre) / median(layout.ours)).toFixed(0)}×`,
      String(layout.dagre.length),
      'dagre ÷ ours, after one unmeasured dagre run',
    ],
    [`draw ${layout.nodes}-node DAG`, ms(median(layout.draws)), '', String(layout.draws.length), 'with values and a highlight'],
    ['cut an 80×24 viewport of it', ms(median(layout.cuts)), '', String(layout.cuts.length), `p99 ${ms(pct(layout.cuts, 0.99))}`],
    showRow(`show --json: chain of ${nodes.chain} nodes`, chainShow),
    showRow(`show --json: random DAG of ${nodes.random} nodes`, randomShow),
    showRow(`show --json: MLP (${nodes.mlp} nodes)`, mlpShow),
    [
      `train the lecture's MLP: 100 updates`,
      ms(median(training.train)),
      '',
      String(training.train.length),
      `${training.nodes} nodes, ${training.params} params, 4 examples, in process; goal ≤ 50 ms`,
    ],
    [
      "  one Train step's text",
      ms(median(training.step)),
      '',
      String(training.step.length),
      `chart, grads and updates; the whole lesson ${ms(median(training.lesson))}`,
    ],
  ]);
  await import('./render-scale.js').then((scale) => scale.printScale(scale.measureScale()));
  // A Train screen renders through the App as the tutor does; React must run as in the bundle (production).
  process.stdout.write(
    '\n' +
      execFileSync('npx', ['tsx', 'bench/train-render.tsx'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'production' },
      }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Milliseconds from spawn to exit of `node args…`, stdout to /dev/null, in the clean environment. */
function timeToExit(args: string[]): Promise<number> {
  const devNull = openSync('/dev/null', 'w');
  const start = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: cleanEnv(), stdio: ['ignore', devNull, 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const elapsed = performance.now() - start;
      closeSync(devNull);
      if (code === 0) resolve(elapsed);
      else reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr}`));
    });
  });
}

type Row = [what: string, median: string, ratio: string, runs: string, note: string];

function printTable(title: string, rows: Row[]): void {
  const head: Row = ['', 'median', 'ratio', 'runs', ''];
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => r[i].length)));
  const line = (r: Row) =>
    r
      .map((cell, i) => (i === 0 || i === 4 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(`grad-tutor bench · ${title}\n`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}

await import('./scale.js');
await import('./limits.js');
await import('./export.js');
// Sums that reuse a few inputs: graph, the handout and the tutor, each in a child process (issue 21).
await import('./reused.js').then((reused) => reused.printReused());
// Explore: the Enter that sends an input's new value, the lesson built again.
await import('./explore.js');
// Explore: f, one input's every path (counted, a few listed), and / finding a node by name, on large graphs.
await import('./paths.js');
// A typed rule's check: parse, the names, the points, the wrong rules tried.
await import('./rule.js');
// graph --width 80 of chains of 1,000 to 100,000 nodes, drawn in bands.
await import('./bands.js');
