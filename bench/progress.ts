// A save against a long history: the progress file an earlier tutor left
// after `count` graphs of the learner's own (each finished, scored and seen
// in part), then saves as the tutor makes them, one per burst of keys.
// Prints the median save and the file's size after them.
//
//   npx tsx bench/progress.ts [--counts 1000,10000,100000,600000]
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { EMPTY, saveProgress, type Progress } from '../src/progress/index.js';
import { median } from './startup.js';

const { values } = parseArgs({ options: { counts: { type: 'string', default: '1000,10000,100000,600000' } } });
const counts = values.counts.split(',').map(Number);

/** The file as the tutor before the bounds wrote it after `count` lessons: every key kept, pretty-printed. */
function history(count: number): Progress {
  const keys = Array.from({ length: count }, (_, i) => `typed:z = a * ${i} with a=1`);
  return {
    ...EMPTY,
    finished: keys,
    quiz: Object.fromEntries(keys.map((k) => [k, { right: 1, asked: 2 }])),
    seen: Object.fromEntries(keys.map((_, i) => [`file:/home/learner/graphs/${i}.yaml`, '0-3,5'])),
  };
}

const mine: Progress = { ...EMPTY, current: { lesson: { kind: 'bundled', id: 'add' }, step: 2 }, seen: { add: '0-2' } };
const dir = mkdtempSync(join(tmpdir(), 'grad-tutor-bench-progress-'));
try {
  process.stdout.write('lessons in the history   file before   median save   file after   saves\n');
  for (const count of counts) {
    const path = join(dir, `${count}.json`);
    writeFileSync(path, JSON.stringify(history(count), null, 2) + '\n');
    const before = statSync(path).size;
    // The first save after an upgrade moves an over-long file aside; the median is what every later step costs.
    const runs = count >= 100_000 ? 3 : 7;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      saveProgress(path, { ...mine, current: { lesson: { kind: 'bundled', id: 'add' }, step: i % 8 } });
      times.push(performance.now() - start);
    }
    const mb = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
    process.stdout.write(
      `${count.toLocaleString('en-US').padStart(24)}   ${mb(before).padStart(11)}   ${`${median(times).toFixed(1)} ms`.padStart(11)}   ${mb(statSync(path).size).padStart(10)}   ${runs}\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
