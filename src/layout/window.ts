/**
 * Which part of a drawing too big for its room to show, and the markers that
 * say where it goes on. A pure function of the drawing's boxes and edges, the
 * step's highlight, the room, the last window's origin and the learner's pan:
 *
 * - A step brings its current node's whole box into view and, as far as they
 *   fit, the other nodes and edges it lights up; from the last window it moves
 *   only as far as it must, so neighbouring steps do not make the picture jump.
 * - A pan moves the last window by whole cells and keeps it on the drawing; the
 *   next step brings the current node back.
 * - Where the drawing goes on past an edge, a row above or below the picture
 *   says so: `▴ 2 more` on the top row, `▾ 2 more` on the bottom row, and
 *   `◂ 3 more` / `3 more ▸` at the ends of the bottom row (of the top row when
 *   only that one is there), each counting the boxes cut off on that side.
 */

import { pairKey, rectOf, spatial } from './spatial.js';
import type { Box, Highlight, Point, RoutedEdge, StyledText } from './types.js';

export interface Extent {
  width: number;
  height: number;
  boxes: Record<string, Box>;
  edges?: RoutedEdge[];
}

/**
 * What must be in view: a node by name, a cell, or a step's highlight (its `current` node first, then the nodes of
 * `first`, such as the one a hint names, then the rest nearest first).
 */
export type Focus = string | Point | (Highlight & { first?: string[] });

/** How many boxes lie (partly) beyond each edge of the window; absent where the drawing does not go on. */
export interface Beyond {
  above?: number;
  below?: number;
  left?: number;
  right?: number;
}

/** The window placed on a drawing: where it lies, its size, and what goes on past its edges. */
export interface PlacedWindow {
  /** The top-left cell of the picture (without its marker rows) in the whole drawing. */
  origin: Point;
  width: number;
  /** Rows of the picture, without the marker rows. */
  height: number;
  beyond: Beyond;
  /** Marker rows above and below the picture: 0 or 1 each. */
  markerRows: { top: number; bottom: number };
}

export function placeWindow(drawing: Extent, focus: Focus, width: number, height: number, from?: Point, pan?: Point): PlacedWindow {
  const w = Math.max(0, Math.min(width, drawing.width));
  if (drawing.width <= width && drawing.height <= height) {
    return { origin: { row: 0, col: 0 }, width: drawing.width, height: drawing.height, beyond: {}, markerRows: { top: 0, bottom: 0 } };
  }
  let placed: PlacedWindow | undefined;
  for (let reserve = 1; reserve <= 2; reserve++) {
    const h = Math.max(0, Math.min(height - reserve, drawing.height));
    const origin = place(drawing, focus, w, h, from, pan);
    placed = withMarkers(drawing, origin, w, h);
    const rows = placed.markerRows.top + placed.markerRows.bottom;
    if (rows <= reserve || height - reserve <= 1) break;
  }
  const p = placed!;
  // A marker row the window turned out not to need goes to the picture: placed again in the taller room,
  // unless the window placed there would need the row back for a marker.
  const spare = height - p.height - p.markerRows.top - p.markerRows.bottom;
  if (spare > 0 && p.height < drawing.height) {
    const h = Math.min(drawing.height, p.height + spare);
    const again = withMarkers(drawing, place(drawing, focus, w, h, from, pan), w, h);
    if (again.height + again.markerRows.top + again.markerRows.bottom <= height) return again;
    const row = Math.max(0, Math.min(p.origin.row, drawing.height - h));
    return withMarkers(drawing, { row, col: p.origin.col }, w, h);
  }
  return p;
}

function withMarkers(drawing: Extent, origin: Point, w: number, h: number): PlacedWindow {
  const beyond: Beyond = {};
  // Plain counters in one pass over flat numbers: this runs a few times a step, over every box of the graph.
  let above = 0,
    below = 0,
    left = 0,
    right = 0;
  const [firstRow, endRow, firstCol, endCol] = [origin.row, origin.row + h, origin.col, origin.col + w];
  const { boxes } = spatial(drawing.boxes, drawing.edges);
  for (let k = 0; k < boxes.length; k += 4) {
    if (boxes[k] < firstRow) above++;
    if (boxes[k + 2] > endRow) below++;
    if (boxes[k + 1] < firstCol) left++;
    if (boxes[k + 3] > endCol) right++;
  }
  if (origin.row > 0 || above > 0) beyond.above = above;
  if (endRow < drawing.height || below > 0) beyond.below = below;
  if (origin.col > 0 || left > 0) beyond.left = left;
  if (endCol < drawing.width || right > 0) beyond.right = right;
  const sideways = beyond.left !== undefined || beyond.right !== undefined;
  const top = beyond.above !== undefined ? 1 : 0;
  const bottom = beyond.below !== undefined || (sideways && top === 0) ? 1 : 0;
  return { origin, width: w, height: h, beyond, markerRows: { top, bottom } };
}

function place(drawing: Extent, focus: Focus, w: number, h: number, from?: Point, pan?: Point): Point {
  const onDrawing = (x: number, window: number, total: number) => Math.max(0, Math.min(x, total - window));
  if (pan && from) {
    return { row: onDrawing(from.row + pan.row, h, drawing.height), col: onDrawing(from.col + pan.col, w, drawing.width) };
  }
  const area = focusArea(drawing, focus, w, h);
  const { names, boxes } = spatial(drawing.boxes, drawing.edges);
  const lit = litNodes(focus);
  const cols: Axis = { at: area.col, size: area.width, window: w, total: drawing.width, previous: from?.col, first: 1 };
  const rows: Axis = { at: area.row, size: area.height, window: h, total: drawing.height, previous: from?.row, first: 0 };
  let col = start(cols.at, cols.size, w, cols.total, cols.previous);
  let row = start(rows.at, rows.size, h, rows.total, rows.previous);
  // Each axis settles within the band of the other: columns in the rows shown, rows in the columns shown, and each
  // once more in the band the other settled on (a window narrower than the last one can move its band's boxes away).
  col = settle(boxes, names, lit, cols, col, row, h);
  row = settle(boxes, names, lit, rows, row, col, w);
  col = settle(boxes, names, lit, cols, col, row, h);
  row = settle(boxes, names, lit, rows, row, col, w);
  return { row, col };
}

/** One axis of a window's place: the focus's start and size on it, the window's and the drawing's size, the last window's start. */
interface Axis {
  at: number;
  size: number;
  window: number;
  total: number;
  previous?: number;
  /** Offset of the axis's first coordinate in a box's flat [top, left, bottom, right]: 0 for rows, 1 for columns. */
  first: 0 | 1;
}

/** The nodes whose boxes the step lights up. */
function litNodes(focus: Focus): Set<string> {
  if (typeof focus === 'string') return new Set([focus]);
  if (!('nodes' in focus)) return new Set();
  return new Set([...(focus.current === undefined ? [] : [focus.current]), ...focus.nodes, ...(focus.first ?? [])]);
}

/**
 * The window's start on one axis, moved from `start` only within the starts that keep the focus in view and on the
 * drawing. First towards the boxes in the band the window shows on the other axis (`band` … `band + bandSize`): no
 * side of the window is empty while boxes are cut off on the other, and boxes that all fit sit in its middle. Then,
 * where the window moves anyway (no last window, the focus left it, or it cuts a lit box in two), to the start that
 * cuts the fewest boxes in two, the nearest such.
 */
function settle(boxes: Int32Array, names: string[], lit: Set<string>, axis: Axis, start: number, band: number, bandSize: number): number {
  const { at, size, window, total, previous, first } = axis;
  const other = 1 - first;
  let [lo, hi] = size > window ? [start, start] : [Math.max(0, at + size - window), Math.min(at, total - window)];
  if (lo > hi) return start;
  // The boxes in the band, as [from, to) on this axis, each with what cutting it costs.
  const spans: number[] = [];
  let [contentFrom, contentTo] = [Infinity, -Infinity];
  for (let i = 0, k = 0; k < boxes.length; i++, k += 4) {
    if (boxes[k + other] >= band + bandSize || boxes[k + other + 2] <= band) continue;
    const [from, to] = [boxes[k + first], boxes[k + first + 2]];
    spans.push(from, to, lit.has(names[i]) ? LIT_CUT : 1);
    contentFrom = Math.min(contentFrom, from);
    contentTo = Math.max(contentTo, to);
  }
  if (spans.length === 0) return start;
  const fits = contentTo - contentFrom < window;
  const [from, to] = fits ? [contentTo - window, contentFrom] : [contentFrom, contentTo - window];
  // Where the focus reaches past the boxes (an edge's track below them), as near to them as it allows.
  [lo, hi] = to < lo ? [lo, lo] : from > hi ? [hi, hi] : [Math.max(lo, from), Math.min(hi, to)];
  // Boxes that all fit sit in the middle, the empty room split on both sides rather than all on one.
  const target = fits ? contentFrom - Math.floor((window - (contentTo - contentFrom)) / 2) : start;
  const settled = Math.max(lo, Math.min(target, hi));
  return lo === hi ? settled : fewestCuts(spans, window, lo, hi, settled, previous);
}

/** A lit box cut in two by the window's edge costs this many plain ones: the step's own boxes come whole or not at all. */
const LIT_CUT = 1000;

/** Of the starts `lo` … `hi`, the one whose window cuts the least weight of `spans` ([from, to, weight] each), the nearest such to `settled`. */
function fewestCuts(spans: number[], window: number, lo: number, hi: number, settled: number, previous?: number): number {
  // costs[s - lo], added up interval by interval: a box is cut where the window's near edge falls inside it, or its far edge does.
  const delta = new Float64Array(hi - lo + 2);
  const add = (a: number, b: number, weight: number) => {
    const [x, y] = [Math.max(a, lo), Math.min(b, hi)];
    if (x > y) return;
    delta[x - lo] += weight;
    delta[y - lo + 1] -= weight;
  };
  for (let j = 0; j < spans.length; j += 3) {
    const [from, to, weight] = [spans[j], spans[j + 1], spans[j + 2]];
    if (to - from <= window) {
      add(from - window + 1, to - window - 1, weight);
      add(from + 1, to - 1, weight);
    } else add(from - window + 1, to - 1, weight);
  }
  const costs = new Float64Array(hi - lo + 1);
  for (let s = lo, cost = 0; s <= hi; s++) costs[s - lo] = cost += delta[s - lo];
  // A window kept from the last step stays, unless it cuts one of the step's boxes in two.
  if (previous !== undefined && settled === previous && costs[settled - lo] < LIT_CUT) return settled;
  let best = settled;
  for (let s = lo; s <= hi; s++) {
    const [cost, least] = [costs[s - lo], costs[best - lo]];
    if (cost < least || (cost === least && Math.abs(s - settled) < Math.abs(best - settled))) best = s;
  }
  return best;
}

/** The current node's box, grown by the boxes of `first`, then by each other lit box and edge, nearest first, while the whole still fits. */
function focusArea(drawing: Extent, focus: Focus, w: number, h: number): Box {
  if (typeof focus === 'string') return boxOf(drawing, focus);
  if (!('nodes' in focus)) return { ...focus, width: 1, height: 1 };
  const current = focus.current ?? focus.nodes[0];
  if (current === undefined) return { row: 0, col: 0, width: 1, height: 1 };
  let area = boxOf(drawing, current);
  const first = (focus.first ?? []).filter((n) => n !== current && drawing.boxes[n]);
  const wanted: Box[] = focus.nodes.filter((n) => n !== current && !first.includes(n) && drawing.boxes[n]).map((n) => drawing.boxes[n]);
  const where = spatial(drawing.boxes, drawing.edges);
  for (const [a, b] of focus.edges) for (const e of where.byPair.get(pairKey(a, b)) ?? []) wanted.push(rectOf(where.edges, e));
  const centre = (b: Box) => [b.row + b.height / 2, b.col + b.width / 2];
  const [r0, c0] = centre(area);
  const distance = (b: Box) => Math.abs(centre(b)[0] - r0) + Math.abs(centre(b)[1] - c0);
  wanted.sort((a, b) => distance(a) - distance(b));
  wanted.unshift(...first.map((n) => drawing.boxes[n]));
  for (const box of wanted) {
    const grown = union(area, box);
    if (grown.width <= w && grown.height <= h) area = grown;
  }
  return area;
}

function boxOf(drawing: Extent, name: string): Box {
  const box = drawing.boxes[name];
  if (!box) throw new Error(`viewport: no node named "${name}" in the drawing`);
  return box;
}

function union(a: Box, b: Box): Box {
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return {
    row,
    col,
    width: Math.max(a.col + a.width, b.col + b.width) - col,
    height: Math.max(a.row + a.height, b.row + b.height) - row,
  };
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

const MARKER_STYLE = { dim: true };

/** The marker rows of a placed window, each `width` columns: [top] and [bottom], either possibly absent. */
export function markerLines(p: PlacedWindow): { top?: StyledText[]; bottom?: StyledText[] } {
  const { above, below, left, right } = p.beyond;
  const more = (n: number) => (n > 0 ? `${n} more` : 'more');
  const ends = {
    left: left === undefined ? '' : `◂ ${more(left)}`,
    right: right === undefined ? '' : `${more(right)} ▸`,
  };
  const line = (middle: string, withEnds: boolean): StyledText[] => [
    { text: row(p.width, withEnds ? ends.left : '', middle, withEnds ? ends.right : ''), style: MARKER_STYLE },
  ];
  const out: { top?: StyledText[]; bottom?: StyledText[] } = {};
  if (p.markerRows.top) out.top = line(above === undefined ? '' : `▴ ${more(above)}`, p.markerRows.bottom === 0);
  if (p.markerRows.bottom) out.bottom = line(below === undefined ? '' : `▾ ${more(below)}`, true);
  return out;
}

/** `left`, `middle` centred and `right` flush right in `width` columns; squeezed, then cut, when they do not fit. */
function row(width: number, left: string, middle: string, right: string): string {
  const len = (s: string) => [...s].length;
  const start = Math.max(len(left) + (left ? 1 : 0), Math.floor((width - len(middle)) / 2));
  let text = left.padEnd(start) + middle;
  const gap = width - len(text) - len(right);
  text = gap >= (text && right ? 1 : 0) ? text + ' '.repeat(Math.max(0, gap)) + right : [left, middle, right].filter(Boolean).join(' ');
  return [...text].slice(0, width).join('').padEnd(width);
}
