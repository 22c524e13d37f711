/**
 * Phase 5: the character grid, for one window of the layout. Every cell records
 * which ways lines leave it (north, east, south, west) and how heavy each is;
 * the glyph comes from that at the end (glyphs.ts), so a trunk that splits, a
 * port on a box border and an edge crossing another all come out right. Box
 * text is written last, over the lines.
 *
 * Only the cells of the window are made and touched, so a step of a graph of
 * thousands of nodes costs what the screen shows; the walk over the layout's
 * boxes and edges skips whatever lies outside it.
 */

import { boxTexts, type BoxTextOptions, type TextKind } from './box.js';
import { Dir, OPPOSITE, Weight, withArm } from './glyphs.js';
import type { Box, GraphState, Highlight, Layout, Point } from './types.js';
import { roleOf } from './roles.js';
import { meeting, pairKey, spatial } from './spatial.js';
import type { GraphNode } from '../engine/graph.js';

/** Cell styles, in priority order: where two meet, the higher wins. */
export const CellStyle = { Plain: 0, Pending: 1, Label: 2, Edge: 3, Node: 4, Current: 5 } as const;
export type CellStyle = (typeof CellStyle)[keyof typeof CellStyle];

/** The window of the layout to draw: its top-left cell and its size. */
export interface Window {
  row: number;
  col: number;
  width: number;
  height: number;
}

export interface Raster {
  /** Where the grid's first cell lies in the whole layout. */
  row: number;
  col: number;
  width: number;
  height: number;
  /** Per cell, the lines leaving it (see glyphs.ts). */
  arms: Uint8Array;
  /** Per cell, a character written over the lines, as a code point; 0 for none. */
  text: Uint32Array;
  style: Uint8Array;
}

const byNameOf = new WeakMap<Layout, Map<string, GraphNode>>();
/** The layout's graph nodes by name, made once per layout. */
export function nodesByName(layout: Layout): Map<string, GraphNode> {
  let found = byNameOf.get(layout);
  if (!found) byNameOf.set(layout, (found = new Map(layout.graph.nodes.map((n) => [n.name, n]))));
  return found;
}

export function raster(layout: Layout, state: GraphState, highlight?: Highlight, window?: Window, options?: BoxTextOptions): Raster {
  const w = window ?? { row: 0, col: 0, width: layout.width, height: layout.height };
  const grid: Raster = {
    row: w.row,
    col: w.col,
    width: w.width,
    height: w.height,
    arms: new Uint8Array(w.width * w.height),
    text: new Uint32Array(w.width * w.height),
    style: new Uint8Array(w.width * w.height),
  };
  const where = spatial(layout.boxes, layout.edges, layout.trunks);
  const lit = new Set<number>();
  for (const [from, to] of highlight?.edges ?? []) for (const e of where.byPair.get(pairKey(from, to)) ?? []) lit.add(e);
  // A trunk once, light; a lit edge's share of it again, heavy, over it.
  for (const t of meeting(where.trunks, w.row, w.col, w.width, w.height)) drawLine(grid, layout.trunks[t], Weight.Light, CellStyle.Plain);
  const byName = nodesByName(layout);
  for (const e of meeting(where.edges, w.row, w.col, w.width, w.height)) {
    const { points, trunk, to, slot } = layout.edges[e];
    const on = lit.has(e);
    if (on && trunk) drawLine(grid, [...trunk.corners.slice(0, trunk.before), points[0]], Weight.Heavy, CellStyle.Edge);
    drawLine(grid, points, on ? Weight.Heavy : Weight.Light, on ? CellStyle.Edge : CellStyle.Plain);
    const end = points[points.length - 1];
    const cell = at(grid, end.row, end.col);
    if (cell >= 0) grid.text[cell] = 0x25b6; // ▶
    // The operand's role on its line, just before the arrow (routes.ts leaves the room): `─base▶`, `─den▶`.
    const role = roleOf(byName.get(to), slot);
    if (role) write(grid, end.row, end.col - role.length, role, on ? CellStyle.Edge : CellStyle.Label);
  }

  const marked = new Set(highlight?.nodes ?? []);
  for (const i of meeting(where.boxes, w.row, w.col, w.width, w.height)) {
    const name = where.names[i];
    const node = byName.get(name)!;
    const box = layout.boxes[name];
    const current = highlight?.current === name;
    const style = current ? CellStyle.Current : marked.has(name) ? CellStyle.Node : CellStyle.Plain;
    const weight = current ? Weight.Double : style === CellStyle.Node ? Weight.Heavy : Weight.Light;
    drawBorder(grid, box, weight, style);
    const texts = boxTexts(node, layout.compact, state.values[name], state.grads[name], current, { ...options, narrow: layout.narrow });
    for (const t of texts) write(grid, box.row + t.row, box.col + t.col, t.text, textStyle(t.kind, style));
  }
  return grid;
}

function textStyle(kind: TextKind, boxStyle: CellStyle): CellStyle {
  if (kind === 'pending') return CellStyle.Pending;
  if (boxStyle !== CellStyle.Plain) return boxStyle;
  return kind === 'number' ? CellStyle.Plain : CellStyle.Label;
}

/** The grid index of a layout cell, or -1 outside the window. */
function at(grid: Raster, row: number, col: number): number {
  const r = row - grid.row;
  const c = col - grid.col;
  return r < 0 || r >= grid.height || c < 0 || c >= grid.width ? -1 : r * grid.width + c;
}

function drawLine(grid: Raster, points: Point[], weight: Weight, style: CellStyle): void {
  paint(grid, points[0].row, points[0].col, style);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (a.row === b.row) {
      // Only the columns of the window, and the one just outside each side that links into it.
      const lo = Math.max(Math.min(a.col, b.col), grid.col - 1);
      const hi = Math.min(Math.max(a.col, b.col), grid.col + grid.width);
      if (a.row < grid.row || a.row >= grid.row + grid.height) continue;
      for (let c = lo; c < hi; c++) link(grid, a.row, c, Dir.E, weight);
      for (let c = lo; c <= hi; c++) paint(grid, a.row, c, style);
    } else {
      const lo = Math.max(Math.min(a.row, b.row), grid.row - 1);
      const hi = Math.min(Math.max(a.row, b.row), grid.row + grid.height);
      if (a.col < grid.col || a.col >= grid.col + grid.width) continue;
      for (let r = lo; r < hi; r++) link(grid, r, a.col, Dir.S, weight);
      for (let r = lo; r <= hi; r++) paint(grid, r, a.col, style);
    }
  }
}

/** A line from a cell to its neighbour toward `dir` (E or S): an arm in each of the two cells that lie in the window. */
function link(grid: Raster, row: number, col: number, dir: Dir, weight: Weight): void {
  const here = at(grid, row, col);
  const there = dir === Dir.E ? at(grid, row, col + 1) : at(grid, row + 1, col);
  if (here >= 0) grid.arms[here] = withArm(grid.arms[here], dir, weight);
  if (there >= 0) grid.arms[there] = withArm(grid.arms[there], OPPOSITE[dir], weight);
}

function drawBorder(grid: Raster, box: Box, weight: Weight, style: CellStyle): void {
  const { row, col, width, height } = box;
  const right = col + width - 1;
  const bottom = row + height - 1;
  const left0 = Math.max(col, grid.col - 1);
  const right0 = Math.min(right, grid.col + grid.width);
  const top0 = Math.max(row, grid.row - 1);
  const bottom0 = Math.min(bottom, grid.row + grid.height);
  for (let c = left0; c < right0; c++) {
    link(grid, row, c, Dir.E, weight);
    link(grid, bottom, c, Dir.E, weight);
  }
  for (let r = top0; r < bottom0; r++) {
    link(grid, r, col, Dir.S, weight);
    link(grid, r, right, Dir.S, weight);
  }
  for (let c = left0; c <= right0; c++) {
    paint(grid, row, c, style);
    paint(grid, bottom, c, style);
  }
  for (let r = top0; r <= bottom0; r++) {
    paint(grid, r, col, style);
    paint(grid, r, right, style);
  }
}

function paint(grid: Raster, row: number, col: number, style: CellStyle): void {
  const cell = at(grid, row, col);
  if (cell >= 0 && style > grid.style[cell]) grid.style[cell] = style;
}

function write(grid: Raster, row: number, col: number, text: string, style: CellStyle): void {
  let c = col;
  for (const ch of text) {
    const cell = at(grid, row, c++);
    if (cell < 0) continue;
    grid.text[cell] = ch.codePointAt(0)!;
    grid.style[cell] = style;
  }
}
