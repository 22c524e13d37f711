/**
 * A layout with the lesson's values and highlight, as lines of styled text.
 * The highlight is carried by the glyphs (double border and ▸ for the current
 * node, heavy lines for the others and for lit edges), so it reads without
 * colour; the styles add colour and bold on top.
 */

import type { Graph } from '../engine/graph.js';
import type { BoxTextOptions } from './box.js';
import { layoutSize } from './layers.js';
import { meeting, spatial } from './spatial.js';
import { glyphOf } from './glyphs.js';
import { CellStyle, raster, type Window } from './raster.js';
import type { Box, Drawing, GraphState, Highlight, Layout, StyledText, SpanStyle } from './types.js';

const count = (x: number) => x.toLocaleString('en-US');

const STYLES: Record<CellStyle, SpanStyle | undefined> = {
  [CellStyle.Plain]: undefined,
  [CellStyle.Pending]: { dim: true },
  [CellStyle.Label]: { bold: true },
  [CellStyle.Edge]: { bold: true, color: 'cyan' },
  [CellStyle.Node]: { bold: true, color: 'cyan' },
  [CellStyle.Current]: { bold: true, color: 'yellow' },
};

export interface DrawOptions extends BoxTextOptions {
  /** Draw only this rectangle of the layout (see `frameGraph`): the cost follows the window, not the graph. */
  window?: Window;
}

export function drawGraph(layout: Layout, state: GraphState, highlight?: Highlight, options?: DrawOptions): Drawing {
  const window = options?.window;
  const grid = raster(layout, state, highlight, window, options);
  const lines: StyledText[][] = [];
  for (let row = 0; row < grid.height; row++) {
    const spans: StyledText[] = [];
    let text = '';
    let style = -1;
    for (let col = 0; col < grid.width; col++) {
      const cell = row * grid.width + col;
      const code = grid.text[cell];
      const ch = code !== 0 ? String.fromCodePoint(code) : grid.arms[cell] !== 0 ? glyphOf(grid.arms[cell]) : ' ';
      // A blank takes the style of the run it is in, so runs stay long.
      const cellStyle = ch === ' ' && style >= 0 ? style : grid.style[cell];
      if (cellStyle !== style && text) {
        spans.push(spanOf(text, style));
        text = '';
      }
      style = cellStyle;
      text += ch;
    }
    if (text) spans.push(spanOf(text, style));
    lines.push(spans);
  }
  if (!window) return { width: grid.width, height: grid.height, lines, boxes: layout.boxes, edges: layout.edges };
  const boxes: Record<string, Box> = {};
  const where = spatial(layout.boxes, layout.edges);
  for (const i of meeting(where.boxes, window.row, window.col, window.width, window.height)) {
    const box = layout.boxes[where.names[i]];
    boxes[where.names[i]] = { ...box, row: box.row - window.row, col: box.col - window.col };
  }
  return { width: grid.width, height: grid.height, lines, boxes, origin: { row: window.row, col: window.col } };
}

function spanOf(text: string, style: number): StyledText {
  const found = STYLES[style as CellStyle];
  return found ? { text, style: found } : { text };
}

/**
 * The most cells a whole drawing is made as text (by graph and the handout): a 1,000-term sum's (31,346 × 2,005)
 * still is, in about 5 s. A long sum's drawing grows with the square of its terms: 10,000 terms took 75 s and 5 GB.
 */
export const MAX_DRAWING_CELLS = 64_000_000;

/** Why the whole drawing of this layout is not made as text, as a clause (`it would be … characters, more than …`), or undefined. */
export function tooLargeToDraw(layout: { width: number; height: number }): string | undefined {
  if (layout.width * layout.height <= MAX_DRAWING_CELLS) return undefined;
  return `its drawing would be ${count(layout.width)} × ${count(layout.height)} characters, more than ${count(MAX_DRAWING_CELLS)}`;
}

/**
 * The most pieces a layout is made of: a box per node and a dummy per layer each trunk crosses. A random DAG of
 * 10,000 nodes (697,410 pieces) takes 12 s and 540 MB; a sum of 20,000 products over 50 inputs (1,038,797) took
 * 10 s and a gigabyte, a random DAG of 100,000 nodes would be 53 million.
 */
export const MAX_LAYOUT_PIECES = 800_000;

/**
 * Why this graph is not laid out (by the tutor, graph and the handout), as a clause, or undefined: worked out
 * from its layers before any dummy is made, so a refusal comes in milliseconds. With `whole`, also when the
 * whole drawing as text would be too large however the lines are routed.
 */
export function tooLargeToLayOut(graph: Graph, whole = false): string | undefined {
  const size = layoutSize(graph);
  const pieces = graph.nodes.length + size.dummies;
  if (pieces > MAX_LAYOUT_PIECES)
    return `its drawing would be ${count(pieces)} boxes and pieces of line (one for each layer a line crosses), more than ${count(MAX_LAYOUT_PIECES)}`;
  return whole ? tooLargeToDraw(size) : undefined;
}

/** Plain text, no styles, trailing blanks trimmed: for golden files, pipes and `graph`. */
export function drawingToText(drawing: Drawing): string {
  return drawing.lines
    .map((spans) =>
      spans
        .map((s) => s.text)
        .join('')
        .trimEnd(),
    )
    .join('\n');
}
