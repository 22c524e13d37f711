/**
 * Phase 5: the character grid. Every cell records which ways lines leave it
 * (north, east, south, west), how heavy each is, and which edges own it; the
 * glyph comes from that at the end (glyphs.ts), so a trunk that splits, a port
 * on a box border and an edge crossing another all come out right. Box text is
 * written last, over the lines.
 */

import { boxTexts, type TextKind } from './box.js';
import { Dir, OPPOSITE, Weight, withArm } from './glyphs.js';
import type { GraphState, Highlight, Layout, Point } from './types.js';

/** Cell styles, in priority order: where two meet, the higher wins. */
export const CellStyle = { Plain: 0, Pending: 1, Label: 2, Edge: 3, Node: 4, Current: 5 } as const;
export type CellStyle = (typeof CellStyle)[keyof typeof CellStyle];

export interface Raster {
  width: number;
  height: number;
  /** Per cell, the lines leaving it (see glyphs.ts). */
  arms: Uint8Array;
  /** Per cell, a character written over the lines, as a code point; 0 for none. */
  text: Uint32Array;
  style: Uint8Array;
  /** Per cell, the first edge through it (an index into `layout.edges`), or -1. */
  owner: Int32Array;
  /** For the few cells that several edges share (trunks, crossings): all of them. */
  sharedBy: Map<number, number[]>;
}

/** Every edge through a cell, as indices into `layout.edges`. */
export function ownersOf(grid: Raster, row: number, col: number): number[] {
  const cell = row * grid.width + col;
  return grid.sharedBy.get(cell) ?? (grid.owner[cell] >= 0 ? [grid.owner[cell]] : []);
}

export function raster(layout: Layout, state: GraphState, highlight?: Highlight): Raster {
  const { width, height } = layout;
  const grid: Raster = {
    width,
    height,
    arms: new Uint8Array(width * height),
    text: new Uint32Array(width * height),
    style: new Uint8Array(width * height),
    owner: new Int32Array(width * height).fill(-1),
    sharedBy: new Map(),
  };
  const lit = new Set((highlight?.edges ?? []).map(([from, to]) => `${from}\u0000${to}`));
  layout.edges.forEach((edge, i) => {
    const on = lit.has(`${edge.from}\u0000${edge.to}`);
    drawEdge(grid, edge.points, i, on ? Weight.Heavy : Weight.Light, on ? CellStyle.Edge : CellStyle.Plain);
  });

  const marked = new Set(highlight?.nodes ?? []);
  for (const node of layout.graph.nodes) {
    const box = layout.boxes[node.name];
    const current = highlight?.current === node.name;
    const style = current ? CellStyle.Current : marked.has(node.name) ? CellStyle.Node : CellStyle.Plain;
    const weight = current ? Weight.Double : style === CellStyle.Node ? Weight.Heavy : Weight.Light;
    if (layout.compact) drawSides(grid, box.row, box.col, box.width, box.height, weight, style);
    else drawBorder(grid, box.row, box.col, box.width, box.height, weight, style);
    const texts = boxTexts(node, layout.compact, state.values[node.name], state.grads[node.name], current);
    for (const t of texts) write(grid, box.row + t.row, box.col + t.col, t.text, textStyle(t.kind, style));
  }
  return grid;
}

function textStyle(kind: TextKind, boxStyle: CellStyle): CellStyle {
  if (kind === 'pending') return CellStyle.Pending;
  if (boxStyle !== CellStyle.Plain) return boxStyle;
  return kind === 'number' ? CellStyle.Plain : CellStyle.Label;
}

function drawEdge(grid: Raster, points: Point[], owner: number, weight: Weight, style: CellStyle): void {
  const visit = (cell: number) => {
    const first = grid.owner[cell];
    if (first < 0) grid.owner[cell] = owner;
    else if (first !== owner) {
      const all = grid.sharedBy.get(cell) ?? [first];
      if (!all.includes(owner)) all.push(owner);
      grid.sharedBy.set(cell, all);
    }
    if (style > grid.style[cell]) grid.style[cell] = style;
  };
  visit(points[0].row * grid.width + points[0].col);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const dir = a.row === b.row ? (b.col > a.col ? Dir.E : Dir.W) : b.row > a.row ? Dir.S : Dir.N;
    const step = STEP[dir] * (dir === Dir.N || dir === Dir.S ? grid.width : 1);
    const end = b.row * grid.width + b.col;
    for (let cell = a.row * grid.width + a.col; cell !== end; cell += step) {
      link(grid, cell, dir, weight);
      visit(cell + step);
    }
  }
  const end = points[points.length - 1];
  grid.text[end.row * grid.width + end.col] = 0x25b6; // ▶
}

/** One cell's step toward N, E, S, W, in rows (N, S) or columns (E, W). */
const STEP = [-1, 1, 1, -1];

/** A line from a cell one cell toward `dir`: an arm in each of the two cells. */
function link(grid: Raster, here: number, dir: Dir, weight: Weight): void {
  const there = here + STEP[dir] * (dir === Dir.N || dir === Dir.S ? grid.width : 1);
  grid.arms[here] = withArm(grid.arms[here], dir, weight);
  grid.arms[there] = withArm(grid.arms[there], OPPOSITE[dir], weight);
}

function drawBorder(grid: Raster, row: number, col: number, width: number, height: number, weight: Weight, style: CellStyle): void {
  const right = col + width - 1;
  const bottom = row + height - 1;
  const at = (r: number, c: number) => r * grid.width + c;
  for (let c = col; c < right; c++) {
    link(grid, at(row, c), Dir.E, weight);
    link(grid, at(bottom, c), Dir.E, weight);
  }
  for (let r = row; r < bottom; r++) {
    link(grid, at(r, col), Dir.S, weight);
    link(grid, at(r, right), Dir.S, weight);
  }
  for (let r = row; r <= bottom; r++) {
    for (let c = col; c <= right; c++) if (r === row || r === bottom || c === col || c === right) paint(grid, r, c, style);
  }
}

/** A compact box: just a bar on each side, one row per operand. */
function drawSides(grid: Raster, row: number, col: number, width: number, height: number, weight: Weight, style: CellStyle): void {
  for (let r = row; r < row + height; r++) {
    for (const c of [col, col + width - 1]) {
      const cell = r * grid.width + c;
      grid.arms[cell] = withArm(withArm(grid.arms[cell], Dir.N, weight), Dir.S, weight);
      paint(grid, r, c, style);
    }
  }
}

function paint(grid: Raster, row: number, col: number, style: CellStyle): void {
  const cell = row * grid.width + col;
  if (style > grid.style[cell]) grid.style[cell] = style;
}

function write(grid: Raster, row: number, col: number, text: string, style: CellStyle): void {
  let c = col;
  for (const ch of text) {
    const cell = row * grid.width + c++;
    grid.text[cell] = ch.codePointAt(0)!;
    grid.style[cell] = style;
  }
}
