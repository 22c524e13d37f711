/**
 * A layout with the lesson's values and highlight, as lines of styled text.
 * The highlight is carried by the glyphs (double border and ▸ for the current
 * node, heavy lines for the others and for lit edges), so it reads without
 * colour; the styles add colour and bold on top.
 */

import { glyphOf } from './glyphs.js';
import { CellStyle, raster } from './raster.js';
import type { Drawing, GraphState, Highlight, Layout, Span, SpanStyle } from './types.js';

const STYLES: Record<CellStyle, SpanStyle | undefined> = {
  [CellStyle.Plain]: undefined,
  [CellStyle.Pending]: { dim: true },
  [CellStyle.Label]: { bold: true },
  [CellStyle.Edge]: { bold: true, color: 'cyan' },
  [CellStyle.Node]: { bold: true, color: 'cyan' },
  [CellStyle.Current]: { bold: true, color: 'yellow' },
};

export function drawGraph(layout: Layout, state: GraphState, highlight?: Highlight): Drawing {
  const grid = raster(layout, state, highlight);
  const lines: Span[][] = [];
  for (let row = 0; row < grid.height; row++) {
    const spans: Span[] = [];
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
  return { width: grid.width, height: grid.height, lines, boxes: layout.boxes };
}

function spanOf(text: string, style: number): Span {
  const found = STYLES[style as CellStyle];
  return found ? { text, style: found } : { text };
}

/** Plain text, no styles, trailing blanks trimmed: for golden files, pipes and `graph`. */
export function drawingToText(drawing: Drawing): string {
  return drawing.lines.map((spans) => spans.map((s) => s.text).join('').trimEnd()).join('\n');
}
