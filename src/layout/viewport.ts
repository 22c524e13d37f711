/**
 * A window onto a drawing too big for its room, with markers where it goes on
 * (see window.ts for where the window goes). `viewport` cuts one out of a
 * drawing already made; `drawWindow` draws only the window of a layout, which
 * is what a large graph needs: its cost follows the room, not the graph.
 */

import { drawGraph, type DrawOptions } from './draw.js';
import type { Box, Drawing, GraphState, Highlight, Layout, Point, StyledText } from './types.js';
import { markerLines, placeWindow, type Focus, type PlacedWindow } from './window.js';

export function viewport(
  drawing: Drawing,
  focus: Focus,
  width: number,
  height: number,
  /** The `origin` of the window shown before, to scroll (or pan) from there. */
  from?: Point,
  /** Rows and columns to move the window from `from`, ignoring the focus: the learner looking around. */
  pan?: Point,
): Drawing {
  const p = placeWindow(drawing, focus, width, height, from, pan);
  const { origin } = p;
  const lines: StyledText[][] = [];
  for (let row = origin.row; row < origin.row + p.height; row++) lines.push(cut(drawing.lines[row] ?? [], origin.col, p.width));
  const boxes: Record<string, Box> = {};
  for (const [name, box] of Object.entries(drawing.boxes)) {
    const inside =
      box.row < origin.row + p.height &&
      box.row + box.height > origin.row &&
      box.col < origin.col + p.width &&
      box.col + box.width > origin.col;
    if (inside) boxes[name] = { ...box, row: box.row - origin.row, col: box.col - origin.col };
  }
  return framed(p, lines, boxes);
}

/** The window of `layout` that the focus needs, drawn alone, with its markers. */
export function drawWindow(
  layout: Layout,
  state: GraphState,
  highlight: Highlight | undefined,
  focus: Focus,
  width: number,
  height: number,
  options?: DrawOptions & { from?: Point; pan?: Point },
): Drawing {
  const p = placeWindow(layout, focus, width, height, options?.from, options?.pan);
  const window = { ...p.origin, width: p.width, height: p.height };
  const picture = drawGraph(layout, state, highlight, { ...options, window });
  return framed(p, picture.lines, picture.boxes);
}

/** The picture between its marker rows; boxes in the returned drawing's rows, `origin` the picture's place in the whole. */
function framed(p: PlacedWindow, lines: StyledText[][], boxes: Record<string, Box>): Drawing {
  const markers = markerLines(p);
  const top = markers.top ? 1 : 0;
  const shifted: Record<string, Box> = {};
  for (const [name, box] of Object.entries(boxes)) shifted[name] = top ? { ...box, row: box.row + top } : box;
  const all = [...(markers.top ? [markers.top] : []), ...lines, ...(markers.bottom ? [markers.bottom] : [])];
  return { width: p.width, height: all.length, lines: all, boxes: shifted, origin: p.origin, beyond: p.beyond, pictureRow: top };
}

/** Columns [left, left + width) of a line. One column per character; astral ones (rare in names) are split by code point. */
function cut(spans: StyledText[], left: number, width: number): StyledText[] {
  const out: StyledText[] = [];
  const right = left + width;
  let col = 0;
  for (const span of spans) {
    if (col >= right) break;
    const chars = /[\uD800-\uDFFF]/.test(span.text) ? [...span.text] : undefined;
    const end = col + (chars ? chars.length : span.text.length);
    if (end > left) {
      const from = Math.max(0, left - col);
      const to = Math.min(end, right) - col;
      const text = chars ? chars.slice(from, to).join('') : span.text.slice(from, to);
      out.push(span.style ? { text, style: span.style } : { text });
    }
    col = end;
  }
  return out;
}
