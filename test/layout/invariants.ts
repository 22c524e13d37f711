/**
 * What every drawing must satisfy, whatever the graph. Each check returns the
 * problems it found as sentences, so a failing property shows what broke.
 */

import { inOffset, outOffset } from '../../src/layout/box.js';
import { literalOf } from '../../src/scenario/labels.js';
import {
  drawGraph,
  edgeCells,
  pathOf,
  type Box,
  type Drawing,
  type GraphState,
  type Highlight,
  type Layout,
  type Point,
} from '../../src/layout/index.js';

const key = (p: Point) => `${p.row},${p.col}`;
const inside = (box: Box, p: Point) => p.row >= box.row && p.row < box.row + box.height && p.col >= box.col && p.col < box.col + box.width;

/** The drawing as a grid of characters, one string per cell. */
export function cellsOf(drawing: Drawing): string[][] {
  return drawing.lines.map((spans) => [...spans.map((s) => s.text).join('')]);
}

export function boxesOverlap(layout: Layout): string[] {
  const problems: string[] = [];
  const entries = Object.entries(layout.boxes);
  for (let i = 0; i < entries.length; i++) {
    const [a, p] = entries[i];
    if (p.row < 0 || p.col < 0 || p.row + p.height > layout.height || p.col + p.width > layout.width) {
      problems.push(`box ${a} lies outside the drawing`);
    }
    for (let j = i + 1; j < entries.length; j++) {
      const [b, q] = entries[j];
      const apart = p.row + p.height <= q.row || q.row + q.height <= p.row || p.col + p.width <= q.col || q.col + q.width <= p.col;
      if (!apart) problems.push(`boxes ${a} and ${b} overlap`);
    }
  }
  return problems;
}

/** Each edge: one orthogonal path from the source's port to an arrow at the target's port, outside every box, left to right. */
export function edgePaths(layout: Layout, drawing: Drawing): string[] {
  const problems: string[] = [];
  const grid = cellsOf(drawing);
  for (const edge of layout.edges) {
    const name = `${edge.from}→${edge.to}#${edge.slot}`;
    const source = layout.boxes[edge.from];
    const target = layout.boxes[edge.to];
    if (source.col + source.width >= target.col) problems.push(`${name}: the source is not left of the target`);
    const path = pathOf(edge);
    for (let i = 0; i + 1 < path.length; i++) {
      const [a, b] = [path[i], path[i + 1]];
      if (a.row !== b.row && a.col !== b.col) problems.push(`${name}: a slanted segment`);
    }
    const cells = edgeCells(path);
    const port = { row: source.row + outOffset(source.height), col: source.col + source.width - 1 };
    if (key(cells[0]) !== key(port)) problems.push(`${name}: starts at ${key(cells[0])}, not at the port ${key(port)}`);
    const arrow = { row: target.row + inOffset(edge.slot), col: target.col - 1 };
    const end = cells[cells.length - 1];
    if (key(end) !== key(arrow)) problems.push(`${name}: ends at ${key(end)}, not at the port ${key(arrow)}`);
    if (grid[end.row]?.[end.col] !== '▶') problems.push(`${name}: no arrow at its end`);
    const seen = new Set<string>();
    cells.forEach((cell, i) => {
      if (seen.has(key(cell))) problems.push(`${name}: runs through ${key(cell)} twice`);
      seen.add(key(cell));
      if (i === 0) return;
      for (const [other, box] of Object.entries(layout.boxes)) {
        if (inside(box, cell)) problems.push(`${name}: cell ${key(cell)} lies in box ${other}`);
      }
    });
  }
  return problems;
}

/** Edges from different sources meet only where one crosses the other straight through. */
export function sharedCells(layout: Layout): string[] {
  const problems: string[] = [];
  const visits = new Map<string, { source: string; edge: number; way: 'H' | 'V' | 'turn' | 'end' }[]>();
  layout.edges.forEach((edge, e) => {
    const cells = edgeCells(pathOf(edge));
    cells.forEach((cell, i) => {
      const [before, after] = [cells[i - 1], cells[i + 1]];
      let way: 'H' | 'V' | 'turn' | 'end' = 'end';
      if (before && after) {
        if (before.row === after.row) way = 'H';
        else if (before.col === after.col) way = 'V';
        else way = 'turn';
      }
      const list = visits.get(key(cell)) ?? [];
      list.push({ source: edge.from, edge: e, way });
      visits.set(key(cell), list);
    });
  });
  for (const [cell, list] of visits) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]];
        if (a.source === b.source) continue;
        const crossing = (a.way === 'H' && b.way === 'V') || (a.way === 'V' && b.way === 'H');
        if (!crossing) {
          const name = (k: number) => `${layout.edges[k].from}→${layout.edges[k].to}`;
          problems.push(`${name(a.edge)} and ${name(b.edge)} share ${cell} without crossing`);
        }
      }
    }
  }
  return problems;
}

/** Lighting the edges between one pair changes nothing outside the cells those edges run through. */
export function highlightStaysOnEdge(layout: Layout, state: GraphState, pair: [string, string]): string[] {
  const owned = new Set<string>();
  for (const edge of layout.edges) {
    if (edge.from === pair[0] && edge.to === pair[1]) for (const cell of edgeCells(pathOf(edge))) owned.add(key(cell));
  }
  const plain = styledCells(drawGraph(layout, state));
  const lit: Highlight = { nodes: [], edges: [pair] };
  const marked = styledCells(drawGraph(layout, state, lit));
  const problems: string[] = [];
  let changed = 0;
  plain.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === marked[r][c]) return;
      changed++;
      if (!owned.has(`${r},${c}`)) problems.push(`lighting ${pair.join('→')} changed ${r},${c} (${cell} → ${marked[r][c]})`);
    }),
  );
  if (changed === 0) problems.push(`lighting ${pair.join('→')} changed nothing`);
  return problems;
}

/** Character and style of every cell; a blank's style is not compared (it is invisible). */
function styledCells(drawing: Drawing): string[][] {
  return drawing.lines.map((spans) =>
    spans.flatMap((span) => [...span.text].map((ch) => (ch === ' ' ? ' ' : `${ch}${JSON.stringify(span.style ?? {})}`))),
  );
}

/** Every node's label can be read in the top line of its box (or its only line, compact). */
export function namesVisible(layout: Layout, drawing: Drawing): string[] {
  const grid = cellsOf(drawing);
  return layout.graph.nodes
    .filter((node) => {
      const box = layout.boxes[node.name];
      const line = grid[box.row].slice(box.col, box.col + box.width).join('');
      // A constant shows its number: the second 2 of a graph is named `2′`.
      return !line.includes(node.op === 'const' ? literalOf(node.name) : node.name);
    })
    .map((node) => `the name ${node.name} is not visible`);
}

export function allProblems(layout: Layout, state: GraphState): string[] {
  const drawing = drawGraph(layout, state);
  return [...boxesOverlap(layout), ...edgePaths(layout, drawing), ...sharedCells(layout), ...namesVisible(layout, drawing)];
}
