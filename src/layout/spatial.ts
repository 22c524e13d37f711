/**
 * Where every box and edge of a drawing lies, as flat arrays made once per
 * drawing (keyed on its boxes), so that each step's window and markers scan
 * numbers instead of objects: with 10,000 nodes that is what keeps a step in
 * milliseconds.
 */

import type { Box, RoutedEdge } from './types.js';

export interface Spatial {
  names: string[];
  /** Per box: top, left, bottom (exclusive), right (exclusive). */
  boxes: Int32Array;
  /** Per edge, the same for the rectangle its path spans. */
  edges: Int32Array;
  /** Edge indices by `from\0to`. */
  byPair: Map<string, number[]>;
}

const made = new WeakMap<object, Spatial>();

export const pairKey = (from: string, to: string) => `${from}\u0000${to}`;

export function spatial(boxes: Record<string, Box>, edges: RoutedEdge[] = []): Spatial {
  let found = made.get(boxes);
  if (found && found.edges.length === edges.length * 4) return found;
  const names = Object.keys(boxes);
  const b = new Int32Array(names.length * 4);
  names.forEach((name, i) => {
    const box = boxes[name];
    b.set([box.row, box.col, box.row + box.height, box.col + box.width], i * 4);
  });
  const e = new Int32Array(edges.length * 4);
  const byPair = new Map<string, number[]>();
  edges.forEach((edge, i) => {
    let [top, left, bottom, right] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of edge.points) {
      top = Math.min(top, p.row);
      bottom = Math.max(bottom, p.row + 1);
      left = Math.min(left, p.col);
      right = Math.max(right, p.col + 1);
    }
    e.set([top, left, bottom, right], i * 4);
    const key = pairKey(edge.from, edge.to);
    const list = byPair.get(key);
    if (list) list.push(i);
    else byPair.set(key, [i]);
  });
  found = { names, boxes: b, edges: e, byPair };
  made.set(boxes, found);
  return found;
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
