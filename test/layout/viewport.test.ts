import { describe, expect, it } from 'vitest';
import { drawGraph, drawingToText, drawWindow, layoutGraph, viewport, type Drawing, type Layout } from '../../src/layout/index.js';
import { graphFrom } from './random.js';
import { SEEDS } from './seeds.js';

/** A graph far bigger than a terminal: 120 nodes in a long band; the one in the middle is current. */
function bigLayout(): Layout {
  // Sums, differences and products (no `/`, whose channel is wider by its operands' roles): every box 16 columns apart.
  const graph = graphFrom({
    inputs: 6,
    nodes: Array.from({ length: 120 }, (_, k) => ({ op: k % 3, arity: 2, picks: [k + 5, k + 3, 0], nameLength: 1, generated: false })),
  });
  return layoutGraph(graph);
}
const highlight = { nodes: [], edges: [], current: 'n60' };

const textLines = (d: Drawing) => d.lines.map((spans) => spans.map((s) => s.text).join(''));
/** The picture of a window without its marker rows. */
const picture = (d: Drawing) =>
  textLines(d).slice(
    d.pictureRow ?? 0,
    (d.pictureRow ?? 0) + (d.height - (d.pictureRow ?? 0) - (d.beyond?.below !== undefined || (d.beyond && d.pictureRow === 0) ? 1 : 0)),
  );

describe('viewport', () => {
  const layout = bigLayout();
  const drawing = drawGraph(layout, { values: {}, grads: {} }, highlight);

  it('keeps the focus node whole in the window, marker rows included in the room', () => {
    expect(drawing.width).toBeGreaterThan(200);
    for (const name of ['x0', 'n60', 'n119']) {
      const window = viewport(drawing, name, 80, 24);
      expect(window.height).toBeLessThanOrEqual(24);
      const box = window.boxes[name];
      expect(box.row).toBeGreaterThanOrEqual(window.pictureRow ?? 0);
      expect(box.col).toBeGreaterThanOrEqual(0);
      expect(box.row + box.height).toBeLessThanOrEqual(window.height - 1);
      expect(box.col + box.width).toBeLessThanOrEqual(80);
      for (const line of textLines(window)) expect([...line].length).toBeLessThanOrEqual(80);
    }
  });

  it('cuts exactly the window out of the drawing, styles kept', () => {
    const window = viewport(drawing, 'n60', 80, 24);
    const full = textLines(drawing);
    const { row, col } = window.origin!;
    const rows = picture(window);
    expect(rows.length).toBeGreaterThan(15);
    expect(rows).toEqual(full.slice(row, row + rows.length).map((line) => line.slice(col, col + 80)));
    expect(window.lines.flat().some((span) => span.style?.color === 'yellow')).toBe(true);
  });

  it('says on each cut edge how many boxes lie beyond it', () => {
    const window = viewport(drawing, 'n60', 80, 24);
    const { row, col } = window.origin!;
    const h = picture(window).length;
    const boxes = Object.values(drawing.boxes);
    const left = boxes.filter((b) => b.col < col).length;
    const right = boxes.filter((b) => b.col + b.width > col + 80).length;
    expect(left).toBeGreaterThan(0);
    expect(right).toBeGreaterThan(0);
    const bottom = textLines(window)[window.height - 1];
    expect(bottom.startsWith(`◂ ${left} more`)).toBe(true);
    expect(bottom.trimEnd().endsWith(`${right} more ▸`)).toBe(true);
    const below = boxes.filter((b) => b.row + b.height > row + h).length;
    if (below > 0) expect(bottom).toContain(`▾ ${below} more`);
    const above = boxes.filter((b) => b.row < row).length;
    if (row > 0) expect(textLines(window)[0]).toContain(`▴ ${above} more`);
  });

  it('draws only the window of a layout, cell for cell the same as cutting the whole drawing', () => {
    for (const name of ['x0', 'n60', 'n119']) {
      const cut = viewport(drawing, name, 80, 20);
      const drawn = drawWindow(layout, { values: {}, grads: {} }, highlight, name, 80, 20);
      expect(drawn.lines).toEqual(cut.lines);
      expect(drawn.origin).toEqual(cut.origin);
      expect(drawn.boxes).toEqual(cut.boxes);
    }
  });

  it('returns a small drawing whole, without markers', () => {
    const small = drawGraph(layoutGraph(SEEDS.add.graph), SEEDS.add.done);
    const window = viewport(small, 'z', 80, 24);
    expect(drawingToText(window)).toBe(drawingToText(small));
    expect(window.beyond).toEqual({});
  });

  it('names an unknown node', () => {
    expect(() => viewport(drawing, 'nope', 80, 24)).toThrow(/nope/);
  });
});

describe('viewport, scrolling and panning from the last window', () => {
  const drawing = drawGraph(bigLayout(), { values: {}, grads: {} }, highlight);

  it('stays put while the focus is in view', () => {
    const first = viewport(drawing, 'n60', 80, 24);
    expect(viewport(drawing, 'n60', 80, 24, first.origin).origin).toEqual(first.origin);
    expect(viewport(drawing, { row: 5, col: 70 }, 80, 24, { row: 0, col: 0 }).origin).toEqual({ row: 0, col: 0 });
  });

  it('moves far enough to bring the focus in, and on to where its edges cut no box', () => {
    // The first boxes, a 13-wide box every 16 columns: n0 at columns 17–29, n1 33–45, …, n5 99–111.
    expect([drawing.boxes.n0.col, drawing.boxes.n1.col, drawing.boxes.n5.col, drawing.boxes.n5.width]).toEqual([17, 33, 99, 13]);
    const moved = viewport(drawing, { row: 10, col: 100 }, 80, 24, { row: 0, col: 0 });
    // Column 21 would just bring column 100 in, cutting n0 in two; 30 and 31 cut n5 (99–111); 32 cuts neither.
    expect(moved.origin!.col).toBe(32);
    expect(moved.boxes.n1.col).toBe(1);
    expect(moved.boxes.n5.col + moved.boxes.n5.width).toBe(80);
    const back = viewport(drawing, { row: 2, col: 30 }, 80, 24, { row: 5, col: 40 });
    expect(back.origin!.row).toBe(2);
    expect(back.origin!.col).toBeLessThanOrEqual(30);
  });

  it('pans by whole cells, ignoring the focus, and stops at the edges of the drawing', () => {
    const first = viewport(drawing, 'n60', 80, 24);
    const o = first.origin!;
    expect(viewport(drawing, 'n60', 80, 24, o, { row: 0, col: 10 }).origin).toEqual({ row: o.row, col: o.col + 10 });
    expect(viewport(drawing, 'n60', 80, 24, o, { row: 0, col: -10_000 }).origin).toEqual({ row: o.row, col: 0 });
    const far = viewport(drawing, 'n60', 80, 24, o, { row: 10_000, col: 10_000 });
    expect(far.origin!.col).toBe(drawing.width - 80);
    expect(far.beyond?.right).toBeUndefined();
    expect(far.beyond?.left).toBeGreaterThan(0);
    // Panned away from n60, the next step's focus brings it back.
    const panned = viewport(drawing, 'n60', 80, 24, o, { row: 0, col: -200 });
    expect(panned.boxes.n60).toBeUndefined();
    const back = viewport(drawing, 'n60', 80, 24, panned.origin);
    expect(back.boxes.n60).toBeDefined();
    expect(back.boxes.n60.col + back.boxes.n60.width).toBeLessThanOrEqual(80);
  });
});
