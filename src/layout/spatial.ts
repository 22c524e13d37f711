/**
 * Where every box and edge of a drawing lies, as flat arrays made once per
 * drawing (keyed on its boxes), so that each step's window and markers scan
 * numbers instead of objects: with 10,000 nodes that is what keeps a step in
 * milliseconds.
 */

import type { Box, Point, RoutedEdge } from './types.js';

export interface Spatial {
  names: string[];
  /** Per box: top, left, bottom (exclusive), right (exclusive). */
  boxes: Int32Array;
  /** Per edge, the same for the rectangle its whole path spans (its share of a trunk too). */
  edges: Int32Array;
  /** Per trunk, the same. */
  trunks: Int32Array;
  /** Edge indices by `from\0to`. */
  byPair: Map<string, number[]>;
}

const made = new WeakMap<object, Spatial>();

export const pairKey = (from: string, to: string) => `${from}\u0000${to}`;

export function spatial(boxes: Record<string, Box>, edges: RoutedEdge[] = [], trunks: Point[][] = []): Spatial {
  let found = made.get(boxes);
  // Edges' rectangles do not depend on the trunks given: a caller that needs no trunk's takes what is there.
  if (found && found.edges.length === edges.length * 4 && (trunks.length === 0 || found.trunks.length === trunks.length * 4)) return found;
  const names = Object.keys(boxes);
  const b = new Int32Array(names.length * 4);
  names.forEach((name, i) => {
    const box = boxes[name];
    b.set([box.row, box.col, box.row + box.height, box.col + box.width], i * 4);
  });
  // Per trunk, the rectangle of its first k corners for every k: an edge's share of it costs one look-up.
  const spans = new Map<Point[], Int32Array>();
  const spanOf = (corners: Point[]): Int32Array => {
    let span = spans.get(corners);
    if (span) return span;
    span = new Int32Array(corners.length * 4);
    let rect = [Infinity, Infinity, -Infinity, -Infinity];
    for (let k = 0; k < corners.length; k++) span.set((rect = grow(rect, corners[k])), k * 4);
    spans.set(corners, span);
    return span;
  };
  const t = new Int32Array(trunks.length * 4);
  trunks.forEach((corners, i) => t.set(spanOf(corners).subarray((corners.length - 1) * 4), i * 4));
  const e = new Int32Array(edges.length * 4);
  const byPair = new Map<string, number[]>();
  edges.forEach((edge, i) => {
    let rect = [Infinity, Infinity, -Infinity, -Infinity];
    const share = edge.trunk;
    if (share && share.before > 0) rect = [...spanOf(share.corners).subarray((share.before - 1) * 4, share.before * 4)];
    for (const p of edge.points) rect = grow(rect, p);
    e.set(rect, i * 4);
    const key = pairKey(edge.from, edge.to);
    const list = byPair.get(key);
    if (list) list.push(i);
    else byPair.set(key, [i]);
  });
  found = { names, boxes: b, edges: e, trunks: t, byPair };
  made.set(boxes, found);
  return found;
}

/** A rectangle (top, left, bottom, right; exclusive) grown to take in a cell. */
function grow([top, left, bottom, right]: number[], p: Point): number[] {
  return [Math.min(top, p.row), Math.min(left, p.col), Math.max(bottom, p.row + 1), Math.max(right, p.col + 1)];
}

/** The indices (into boxes or edges) whose rectangles meet the window. */
export function meeting(rects: Int32Array, row: number, col: number, width: number, height: number): number[] {
  const out: number[] = [];
  const [bottom, right] = [row + height, col + width];
  for (let i = 0, k = 0; k < rects.length; i++, k += 4) {
    if (rects[k] < bottom && rects[k + 2] > row && rects[k + 1] < right && rects[k + 3] > col) out.push(i);
  }
  return out;
}

export function rectOf(rects: Int32Array, i: number): Box {
  const k = i * 4;
  return { row: rects[k], col: rects[k + 1], height: rects[k + 2] - rects[k], width: rects[k + 3] - rects[k + 1] };
}
