import { afterEach, describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/catalog.js';
import { courseEntries } from '../../src/course.js';
import { drawGraph, type Drawing } from '../../src/layout/index.js';
import { shownAt } from '../../src/lesson/index.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { buildFrame, type LessonFrame } from '../../src/session/frame.js';
import type { KeyName } from '../../src/keys/index.js';
import { layoutFor } from '../../src/session/lessons.js';
import { initialSession, lessonOf, reduce, type Session } from '../../src/session/session.js';
import { openTutor } from './harness.js';

const catalog = bundledScenarios();
const course = courseEntries(catalog);
const scenario = (id: string) => loadScenarioFile(catalog.find((e) => e.id === id)!.file);

function press(state: Session, ...keys: KeyName[]): Session {
  for (const key of keys) state = reduce(state, { type: 'key', key }).state;
  return state;
}
function at(id: string, step: number, columns = 80, rows = 24): Session {
  const menu = initialSession({ window: { columns, rows }, course });
  return reduce(menu, { type: 'opened', lesson: { kind: 'bundled', id }, scenario: scenario(id), step, from: 'menu' }).state;
}
const frameOf = (state: Session) => buildFrame(state) as LessonFrame;
const textOf = (d: Drawing) => d.lines.map((spans) => spans.map((s) => s.text).join(''));
/** The window's picture rows, without its marker rows. */
function picture(d: Drawing): string[] {
  const lines = textOf(d);
  const top = d.pictureRow ?? 0;
  const bottom = d.beyond?.below !== undefined || d.beyond?.left !== undefined || d.beyond?.right !== undefined ? 1 : 0;
  return lines.slice(top, lines.length - bottom);
}

describe('panning a drawing the window cuts', () => {
  // The MLP (700 × 71 cells) at 80×24, step 20: a window of 80 columns and 17 rows (15 of picture, 2 of markers).
  const start = at('mlp', 19);
  const lesson = lessonOf(start)!;
  const whole = textOf(
    drawGraph(layoutFor(start.open!.scenario.graph, false), shownAt(lesson.trace, lesson.steps[19].reached), lesson.steps[19].highlight),
  );

  it('moves by a third of the width and half the picture’s height, and shows that part of the whole drawing', () => {
    const before = frameOf(start).drawing!;
    expect(before.width).toBe(80);
    expect(before.height).toBe(17);
    const right = press(start, 'd');
    expect(right.origin).toEqual({ row: start.origin!.row, col: start.origin!.col + 26 });
    const down = press(right, 's');
    expect(down.origin).toEqual({ row: start.origin!.row + 7, col: start.origin!.col + 26 });
    // The picture is the whole drawing's cells at the new origin, row for row.
    const { row, col } = down.origin!;
    const rows = picture(frameOf(down).drawing!);
    expect(rows).toEqual(whole.slice(row, row + rows.length).map((line) => [...line.padEnd(col + 80)].slice(col, col + 80).join('')));
  });

  it('stays where the learner put it when the frame is made again (help opened and closed)', () => {
    const moved = press(start, 'w', 'a');
    const again = press(moved, '?', 'x');
    expect(again.help).toBe(false);
    expect(again.origin).toEqual(moved.origin);
    expect(textOf(frameOf(again).drawing!)).toEqual(textOf(frameOf(moved).drawing!));
  });

  it('stops at the drawing’s edge, and the marker on that side goes', () => {
    const left = press(start, ...Array(12).fill('a'));
    expect(left.origin!.col).toBe(0);
    expect(frameOf(left).drawing!.beyond!.left).toBeUndefined();
    expect(press(left, 'a').origin).toEqual(left.origin);
    const top = press(start, ...Array(12).fill('w'));
    expect(top.origin!.row).toBe(0);
    expect(frameOf(top).drawing!.beyond!.above).toBeUndefined();
  });

  it('the next step brings the current node back into view', () => {
    const away = press(start, ...Array(12).fill('a'), ...Array(12).fill('w'));
    const current = lesson.steps[20].highlight.current!;
    expect(frameOf(away).drawing!.boxes[lesson.steps[19].highlight.current!]).toBeUndefined();
    const next = press(away, 'right');
    expect(next.panned).toBeUndefined();
    const d = frameOf(next).drawing!;
    const box = d.boxes[current];
    expect(box).toBeDefined();
    expect(box.col).toBeGreaterThanOrEqual(0);
    expect(box.col + box.width).toBeLessThanOrEqual(d.width);
    expect(box.row).toBeGreaterThanOrEqual(d.pictureRow ?? 0);
    expect(box.row + box.height).toBeLessThanOrEqual(d.height - 1);
  });

  it('does nothing where the drawing is whole', () => {
    // add: 30 × 9 cells, whole at 80×24.
    const small = at('add', 1);
    expect(frameOf(small).drawing!.beyond).toBeUndefined();
    const after = press(small, 'd', 's', 'shift-left');
    expect(after.origin).toEqual({ row: 0, col: 0 });
    expect(after.panned).toBeUndefined();
  });

  it('puts the pan keys in the footer only while the drawing is cut', () => {
    expect(frameOf(start).footer).toContain('wasd pan');
    expect(frameOf(at('add', 1)).footer).not.toContain('pan');
  });
});

describe('panning in the app', () => {
  let tutor: Awaited<ReturnType<typeof openTutor>> | undefined;
  afterEach(() => tutor?.unmount());

  it('Shift+→ as a terminal sends it (\\x1b[1;2C) moves the window and shows a marker on the left', async () => {
    tutor = await openTutor({ resume: { id: 'mlp', step: 1 }, size: { columns: 80, rows: 24 } });
    const before = tutor.frame();
    expect(before).not.toContain('◂');
    const origin = tutor.state().origin!;
    await tutor.type('\x1b[1;2C');
    expect(tutor.state().origin).toEqual({ row: origin.row, col: origin.col + 26 });
    expect(tutor.frame()).toMatch(/◂ \d+ more/);
    expect(tutor.state().step).toBe(1);
    // ← steps back, and the step after brings the window back to its node.
    await tutor.type('\x1b[D', '\x1b[C');
    expect(tutor.frame()).toMatch(/╔▸x1\*w1_1_1/);
  });
});
