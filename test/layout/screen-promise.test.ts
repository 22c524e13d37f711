/**
 * The 80×24 promise, checked on the layout alone: for every step of every
 * bundled lesson, in the rows a 24-row screen leaves for the drawing (about
 * 24 - 1 - 3 - the step's text - 1; tried with 10 and 14 rows) and 80
 * columns, and in the room the drawing gets beside the text at 140×40 (about
 * 80 columns and 38 rows), the drawing shows the current node's whole box,
 * with its border, name, value and gradient; no line is wider than the room;
 * and where it is cut, a marker says so.
 */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLesson, shownAt } from '../../src/lesson/index.js';
import { frameGraph, layoutGraph, type Drawing, type Layout } from '../../src/layout/index.js';
import { titleOf } from '../../src/layout/box.js';
import { loadScenarioFile } from '../../src/scenario/index.js';

const DIR = join(import.meta.dirname, '..', '..', 'scenarios');
const files = readdirSync(DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const ROOMS: [string, number, number][] = [
  ['80×24, 10 rows', 80, 10],
  ['80×24, 14 rows', 80, 14],
  ['140×40 side by side', 80, 38],
];

const textOf = (d: Drawing) => d.lines.map((spans) => spans.map((s) => s.text).join(''));

/** Problems with one step's drawing, as sentences. */
function problems(d: Drawing, current: string | undefined, title: string, width: number, height: number): string[] {
  const out: string[] = [];
  const lines = textOf(d);
  if (lines.length > height) out.push(`${lines.length} rows for a room of ${height}`);
  lines.forEach((line, r) => {
    if ([...line].length > width) out.push(`row ${r} is ${[...line].length} wide`);
  });
  if (current === undefined) return out;
  const box = d.boxes[current];
  if (!box) return [...out, `the current node ${current} is not in view`];
  const cells = lines.map((line) => [...line]);
  const at = (r: number, c: number) => cells[r]?.[c] ?? '';
  if (box.row < 0 || box.col < 0 || box.row + box.height > lines.length || box.col + box.width > width) out.push(`${current}'s box is cut`);
  const [top, bottom, left, right] = [box.row, box.row + box.height - 1, box.col, box.col + box.width - 1];
  if (at(top, left) !== '╔' || at(top, right) !== '╗' || at(bottom, left) !== '╚' || at(bottom, right) !== '╝')
    out.push(`${current}'s double border is not whole`);
  const inside = cells
    .slice(top, bottom + 1)
    .map((row) => row.slice(left, right + 1).join(''))
    .join('\n');
  if (!inside.includes(`▸${title}`)) out.push(`${current}'s name is not in its box`);
  // Narrow boxes (a drawing that fits 80 columns only so) have no blank between the border and v.
  if (!/[ │║┃]v /.test(inside)) out.push(`${current}'s value is not in its box`);
  if (!/[ │║┃]g |→/.test(inside)) out.push(`${current}'s gradient is not in its box`);
  // A cut drawing says so on the cut edge.
  const { beyond } = d;
  if (beyond?.above !== undefined && !lines[0].includes('▴')) out.push('cut above without ▴');
  if (beyond?.below !== undefined && !lines[lines.length - 1].includes('▾')) out.push('cut below without ▾');
  if (beyond?.left !== undefined && !lines.some((l) => l.startsWith('◂'))) out.push('cut on the left without ◂');
  if (beyond?.right !== undefined && !lines.some((l) => l.trimEnd().endsWith('▸'))) out.push('cut on the right without ▸');
  return out;
}

describe.each(files)('%s', (file) => {
  const scenario = loadScenarioFile(join(DIR, file));
  const lesson = buildLesson(scenario);
  let full: Layout | undefined;
  let compact: Layout | undefined;
  const layouts = {
    full: () => (full ??= layoutGraph(scenario.graph)),
    compact: () => (compact ??= layoutGraph(scenario.graph, { compact: true })),
  };
  const byName = new Map(scenario.graph.nodes.map((n) => [n.name, n]));

  it.each(ROOMS)('every step keeps its current node whole at %s', (_, width, height) => {
    const found: string[] = [];
    let previous: Drawing | undefined;
    lesson.steps.forEach((step, k) => {
      const d = frameGraph(layouts, shownAt(lesson.trace, step.reached), step.highlight, width, height, { previous: previous as never });
      const current = step.highlight.current;
      const title = current === undefined ? '' : titleOf(byName.get(current)!);
      for (const p of problems(d, current, title, width, height)) found.push(`step ${k} (${step.title}): ${p}`);
      previous = d;
    });
    expect(found).toEqual([]);
  });
});

describe('a drawing that does not fit', () => {
  it('is cut around the step rather than switched to the compact style when it is only slightly too tall', () => {
    const scenario = loadScenarioFile(join(DIR, '13-neuron.yaml'));
    const layouts = { full: () => layoutGraph(scenario.graph), compact: () => layoutGraph(scenario.graph, { compact: true }) };
    const full = layouts.full();
    expect(full.height).toBeGreaterThan(14);
    const d = frameGraph(layouts, { values: {}, grads: {} }, { nodes: ['o'], edges: [['n', 'o']], current: 'o' }, 80, full.height - 1);
    expect(d.style).toBe('full');
    expect(d.beyond?.above !== undefined || d.beyond?.below !== undefined).toBe(true);
  });
});
