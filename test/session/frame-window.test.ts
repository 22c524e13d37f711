/**
 * Where the lesson frame's window onto a drawing too big for its room lies, walked step by step as a learner walks
 * (each frame's origin carried to the next): no side of the window is empty while boxes are cut off on the other,
 * and the step's own box and the hint's box are never cut in two by its edge.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/catalog.js';
import { courseEntries } from '../../src/course.js';
import { questionAt } from '../../src/lesson/index.js';
import { formatNumber, pathOf, type Box, type Highlight, type Layout } from '../../src/layout/index.js';
import { titleOf } from '../../src/layout/box.js';
import { loadScenarioFile, type Scenario } from '../../src/scenario/index.js';
import { buildFrame, type LessonFrame } from '../../src/session/frame.js';
import { layoutFor } from '../../src/session/lessons.js';
import { initialSession, lessonOf, reduce, type Session } from '../../src/session/session.js';
import type { KeyName } from '../../src/keys/index.js';

const catalog = bundledScenarios();
const course = courseEntries(catalog);
const loaded = new Map<string, Scenario>();
function opened(id: string, columns: number, rows: number, step = 0, predict = false): Session {
  let scenario = loaded.get(id);
  if (!scenario) loaded.set(id, (scenario = loadScenarioFile(catalog.find((e) => e.id === id)!.file)));
  const menu = { ...initialSession({ window: { columns, rows }, course }), predict };
  return reduce(menu, { type: 'opened', lesson: { kind: 'bundled', id }, scenario, step, from: 'menu' }).state;
}
const press = (state: Session, ...keys: KeyName[]) => keys.reduce((s, key) => reduce(s, { type: 'key', key }).state, state);

/** The part of the whole drawing a cut frame shows: its picture's rows and columns, without the marker rows. */
interface Shown {
  layout: Layout;
  row: number;
  col: number;
  height: number;
  width: number;
}
function shownOf(state: Session, frame: LessonFrame): Shown | undefined {
  const d = frame.drawing;
  if (!d?.beyond || Object.keys(d.beyond).length === 0) return undefined;
  const top = d.pictureRow ?? 0;
  // A bottom marker row whenever something lies below, or sideways with no top row to carry it (window.ts);
  // under it, the row of a hinted node whose box the window could not hold.
  const bottom = (d.beyond.below !== undefined || top === 0 ? 1 : 0) + (hintRowOf(frame) === undefined ? 0 : 1);
  return {
    layout: layoutFor(lessonOf(state)!.scenario.graph, d.style === 'compact'),
    ...d.origin!,
    height: d.height - top - bottom,
    width: d.width,
  };
}

/** The drawing's last row where it is a node on one row (`┏━s2_1_4  v -1.186  g ·┓`). */
function hintRowOf(frame: LessonFrame): string | undefined {
  const last = frame.drawing?.lines
    .at(-1)
    ?.map((s) => s.text)
    .join('');
  return last?.startsWith('┏━') ? last : undefined;
}

const meets = (b: Box, s: Shown) =>
  b.row < s.row + s.height && b.row + b.height > s.row && b.col < s.col + s.width && b.col + b.width > s.col;
const holds = (b: Box, s: Shown) =>
  b.row >= s.row && b.row + b.height <= s.row + s.height && b.col >= s.col && b.col + b.width <= s.col + s.width;

/** The rectangles an edge of the highlight spans: the window may have to reach past the boxes to show one. */
function litEdges(layout: Layout, highlight: Highlight): Box[] {
  const rects: Box[] = [];
  for (const [from, to] of highlight.edges)
    for (const edge of layout.edges.filter((e) => e.from === from && e.to === to)) {
      const rows = pathOf(edge).map((p) => p.row);
      const cols = pathOf(edge).map((p) => p.col);
      const [row, col] = [Math.min(...rows), Math.min(...cols)];
      rects.push({ row, col, height: Math.max(...rows) + 1 - row, width: Math.max(...cols) + 1 - col });
    }
  return rects;
}

/** Sides of the window with no box in them while boxes are cut off on the opposite side, as sentences. */
function emptySides(s: Shown, highlight: Highlight): string[] {
  const content = [...Object.values(s.layout.boxes), ...litEdges(s.layout, highlight)];
  const out: string[] = [];
  const inColumns = content.filter((b) => b.col < s.col + s.width && b.col + b.width > s.col);
  const inRows = content.filter((b) => b.row < s.row + s.height && b.row + b.height > s.row);
  const [top, bottom] = [Math.min(...inColumns.map((b) => b.row)), Math.max(...inColumns.map((b) => b.row + b.height))];
  const [left, right] = [Math.min(...inRows.map((b) => b.col)), Math.max(...inRows.map((b) => b.col + b.width))];
  if (s.row < top && bottom > s.row + s.height) out.push(`${top - s.row} empty rows at the top, boxes cut off below`);
  if (s.row + s.height > bottom && top < s.row) out.push(`${s.row + s.height - bottom} empty rows at the bottom, boxes cut off above`);
  if (s.col < left && right > s.col + s.width) out.push(`${left - s.col} empty columns on the left, boxes cut off on the right`);
  if (s.col + s.width > right && left < s.col) out.push(`${s.col + s.width - right} empty columns on the right, boxes cut off on the left`);
  return out;
}

const SIZES: [number, number][] = [
  [140, 40],
  [80, 24],
  [60, 16],
];

describe('the window onto a cut drawing', () => {
  it.each(SIZES)('walking the MLP at %i×%i, shows no empty side while boxes are cut off on the other', (columns, rows) => {
    let state = opened('mlp', columns, rows);
    const steps = lessonOf(state)!.steps;
    const found: string[] = [];
    let cut = 0;
    for (let k = 0; k < steps.length; k++, state = press(state, 'right')) {
      const shown = shownOf(state, buildFrame(state) as LessonFrame);
      if (!shown) continue;
      cut++;
      for (const p of emptySides(shown, steps[k].highlight)) found.push(`step ${k} (${steps[k].title}): ${p}`);
    }
    expect(cut).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });

  it('at 140×40 on the MLP’s seed, reached by Tab, the loss’s few boxes sit in the middle, not under ~20 empty rows', () => {
    // Overview → Forward → Backward: the first backward step is the seed on loss, in the drawing's last columns.
    const state = press(opened('mlp', 140, 40), 'tab', 'tab');
    expect(lessonOf(state)!.steps[state.open!.step].phase).toBe('seed');
    const shown = shownOf(state, buildFrame(state) as LessonFrame)!;
    expect(holds(shown.layout.boxes.loss, shown)).toBe(true);
    // The boxes in the window's columns, all of them in view, with as many empty rows above them as below (±1).
    const near = Object.values(shown.layout.boxes).filter((b) => b.col < shown.col + shown.width && b.col + b.width > shown.col);
    for (const b of near) expect(meets(b, shown)).toBe(true);
    const above = Math.min(...near.map((b) => b.row)) - shown.row;
    const below = shown.row + shown.height - Math.max(...near.map((b) => b.row + b.height));
    expect(near.length).toBeGreaterThan(3);
    expect(Math.abs(above - below)).toBeLessThanOrEqual(1);
  });
});

describe('the edges of the window', () => {
  it.each(SIZES.slice(0, 2))('at %i×%i, never cut the step’s own box, nor the box the second hint names', (columns, rows) => {
    const lesson = lessonOf(opened('mlp', columns, rows))!;
    const byName = new Map(lesson.scenario.graph.nodes.map((n) => [n.name, n]));
    const found: string[] = [];
    let [hinted, onItsRow] = [0, 0];
    // Every third question, each asked afresh with two hints out.
    const asked = lesson.steps.map((_, k) => k).filter((k) => questionAt(lesson, k)?.hintNode !== undefined);
    for (const k of asked.filter((_, i) => i % 3 === 0)) {
      const state = press(opened('mlp', columns, rows, k, true), 'H', 'H');
      const frame = buildFrame(state) as LessonFrame;
      const shown = shownOf(state, frame);
      if (!shown) continue;
      hinted++;
      const where = `step ${k} (${lesson.steps[k].title})`;
      const current = shown.layout.boxes[lesson.steps[k].highlight.current!];
      if (!holds(current, shown)) found.push(`${where}: the current box is cut`);
      const hint = questionAt(lesson, k)!.hintNode!;
      if (holds(shown.layout.boxes[hint], shown)) continue;
      // Where the room cannot hold both boxes, the hint's node is whole on a row of its own, its value in it.
      const row = hintRowOf(frame);
      if (row?.startsWith(`┏━${titleOf(byName.get(hint)!)}  v ${formatNumber(lesson.trace.values[hint]!)}  g `)) onItsRow++;
      else
        found.push(`${where}: ${hint} is ${meets(shown.layout.boxes[hint], shown) ? 'cut' : 'out of view'}, and not on a row of its own`);
    }
    expect(hinted).toBeGreaterThan(5);
    expect(found).toEqual([]);
    if (columns === 80) expect(onItsRow).toBeGreaterThan(0);
  });
});
