import { describe, expect, it } from 'vitest';
import { drawGraph, drawingToText, layoutGraph, viewport, type Drawing } from '../../src/layout/index.js';
import { graphFrom } from './random.js';
import { SEEDS } from './seeds.js';

/** A graph far bigger than a terminal: 120 nodes in a long band; the one in the middle is current. */
function big(): Drawing {
  const graph = graphFrom({
    inputs: 6,
    nodes: Array.from({ length: 120 }, (_, k) => ({
      op: k % 4,
      arity: 2,
      picks: [k + 5, k + 3, 0],
      nameLength: 1,
      generated: false,
    })),
  });
  return drawGraph(layoutGraph(graph), { values: {}, grads: {} }, { nodes: [], edges: [], current: 'n60' });
}

const textLines = (d: Drawing) => d.lines.map((spans) => spans.map((s) => s.text).join(''));

describe('viewport', () => {
  const drawing = big();

  it('keeps the focus node in the window', () => {
    expect(drawing.width).toBeGreaterThan(200);
    for (const name of ['x0', 'n60', 'n119']) {
      const window = viewport(drawing, name, 80, 24);
      const box = window.boxes[name];
      expect(box.row).toBeGreaterThanOrEqual(0);
      expect(box.col).toBeGreaterThanOrEqual(0);
      expect(box.row + box.height).toBeLessThanOrEqual(24);
      expect(box.col + box.width).toBeLessThanOrEqual(80);
    }
  });

  it('cuts exactly the window out of the drawing, styles kept', () => {
    const window = viewport(drawing, 'n60', 80, 24);
    const full = textLines(drawing);
    const at = drawing.boxes.n60;
    const top = at.row - window.boxes.n60.row;
    const left = at.col - window.boxes.n60.col;
    expect(window.width).toBe(80);
    expect(window.height).toBe(24);
    expect(textLines(window)).toEqual(full.slice(top, top + 24).map((line) => line.slice(left, left + 80)));
    expect(window.lines.flat().some((span) => span.style?.color === 'yellow')).toBe(true);
  });

  it('takes a cell as the focus, and never reaches past the drawing', () => {
    const corner = viewport(drawing, { row: drawing.height - 1, col: drawing.width - 1 }, 80, 24);
    expect(textLines(corner)).toEqual(textLines(drawing).slice(-24).map((line) => line.slice(-80)));
  });

  it('returns a small drawing whole', () => {
    const small = drawGraph(layoutGraph(SEEDS.add.graph), SEEDS.add.done);
    expect(drawingToText(viewport(small, 'z', 80, 24))).toBe(drawingToText(small));
  });

  it('names an unknown node', () => {
    expect(() => viewport(drawing, 'nope', 80, 24)).toThrow(/nope/);
  });
});

describe('viewport, scrolling from the last window', () => {
  const drawing = big();

  it('stays put while the focus is in view', () => {
    const first = viewport(drawing, 'n60', 80, 24);
    expect(viewport(drawing, 'n60', 80, 24, first.origin).origin).toEqual(first.origin);
    expect(viewport(drawing, { row: 5, col: 70 }, 80, 24, { row: 0, col: 0 }).origin).toEqual({ row: 0, col: 0 });
  });

  it('moves just far enough to bring the focus in', () => {
    expect(viewport(drawing, { row: 10, col: 100 }, 80, 24, { row: 0, col: 0 }).origin).toEqual({ row: 0, col: 21 });
    expect(viewport(drawing, { row: 2, col: 30 }, 80, 24, { row: 5, col: 40 }).origin).toEqual({ row: 2, col: 30 });
  });
});
