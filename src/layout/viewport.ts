/**
 * A window onto a drawing too big for the terminal, placed so the focus (a
 * node, or a cell) is in view: centred when the drawing allows, pushed in from
 * the edges when not. Given the last window's origin, it moves only as far as
 * it must, so stepping through neighbouring nodes does not make the picture
 * jump. Only the rows in the window are touched: cheap enough for every step.
 */

import type { Box, Drawing, Point, Span } from './types.js';

export function viewport(
  drawing: Drawing,
  focus: Point | string,
  width: number,
  height: number,
  /** The `origin` of the window shown before, to scroll from there. */
  from?: Point,
): Drawing {
  const area = typeof focus === 'string' ? drawing.boxes[focus] : { ...focus, width: 1, height: 1 };
  if (!area) throw new Error(`viewport: no node named "${String(focus)}" in the drawing`);
  const w = Math.max(0, Math.min(width, drawing.width));
  const h = Math.max(0, Math.min(height, drawing.height));
  const left = start(area.col, area.width, w, drawing.width, from?.col);
  const top = start(area.row, area.height, h, drawing.height, from?.row);

  const lines: Span[][] = [];
  for (let row = top; row < top + h; row++) lines.push(cut(drawing.lines[row] ?? [], left, w));
  const boxes: Record<string, Box> = {};
  for (const [name, box] of Object.entries(drawing.boxes)) {
    const inside = box.row < top + h && box.row + box.height > top && box.col < left + w && box.col + box.width > left;
    if (inside) boxes[name] = { ...box, row: box.row - top, col: box.col - left };
  }
  return { width: w, height: h, lines, boxes, origin: { row: top, col: left } };
}

/**
 * The window's first row (or column). From a previous window: unchanged if the
 * focus is inside, else just far enough to bring it in. Without one: the focus
 * centred. Always on the drawing, and a focus bigger than the window shows its start.
 */
function start(at: number, size: number, window: number, total: number, previous?: number): number {
  const onDrawing = (x: number) => Math.max(0, Math.min(x, total - window));
  if (size > window) return onDrawing(at);
  if (previous === undefined) return onDrawing(at + Math.floor(size / 2) - Math.floor(window / 2));
  if (at < previous) return onDrawing(at);
  if (at + size > previous + window) return onDrawing(at + size - window);
  return onDrawing(previous);
}

/** Columns [left, left + width) of a line. One column per character; astral ones (rare in names) are split by code point. */
function cut(spans: Span[], left: number, width: number): Span[] {
  const out: Span[] = [];
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
