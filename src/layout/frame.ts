/**
 * The drawing for one step in the room the screen gives it. The full style
 * when it fits; when it is slightly too big, a window of it that holds the
 * current node's whole box and whatever else the step lights up; the compact
 * style only when the full one cannot show the step; and a window of that as a
 * last resort. Only the window is ever drawn, so a step of a huge graph costs
 * what the room holds.
 */

import type { DrawOptions } from './draw.js';
import { drawGraph } from './draw.js';
import type { Drawing, GraphState, Highlight, Layout, Point } from './types.js';
import { drawWindow } from './viewport.js';
import { pairKey, rectOf, spatial } from './spatial.js';
import { placeWindow, type PlacedWindow } from './window.js';

/** One line for the shell's footer and the help screen: what the marks on the drawing mean. */
export const LEGEND = '╔▸ the step’s node   ┏━ what it uses   · not yet computed   v value   g gradient';

/** Both box styles of one graph, each laid out when first asked for. */
export interface Layouts {
  full(): Layout;
  compact(): Layout;
}

export type BoxStyle = 'full' | 'compact';

export interface FrameOptions {
  /** The drawing shown before, to scroll from its window (or pan it) instead of jumping. */
  previous?: Pick<FramedDrawing, 'origin' | 'style'>;
  /** Rows and columns to move the previous window by: the learner looking around. */
  pan?: Point;
  nudged?: DrawOptions['nudged'];
  /** Nodes to bring into view whole before the step's others, after its current node: the one a hint names. */
  first?: string[];
}

export interface FramedDrawing extends Drawing {
  style: BoxStyle;
}

export function frameGraph(
  layouts: Layouts,
  state: GraphState,
  highlight: Highlight,
  width: number,
  height: number,
  options: FrameOptions = {},
): FramedDrawing {
  const lit = highlight.current === undefined && highlight.nodes.length === 0 ? undefined : highlight;
  const focus = lit && options.first?.length ? { ...lit, first: options.first } : lit;
  const draw = { nudged: options.nudged };
  const previous = options.previous;
  const fits = (layout: Layout) => layout.width <= width && layout.height <= height;
  const windowOf = (style: BoxStyle): FramedDrawing => {
    const layout = style === 'full' ? layouts.full() : layouts.compact();
    const from = previous?.style === style ? previous.origin : undefined;
    const target = focus ?? layout.graph.output;
    return { ...drawWindow(layout, state, highlight, target, width, height, { ...draw, from, pan: from && options.pan }), style };
  };
  const whole = (style: BoxStyle): FramedDrawing => ({
    ...drawGraph(style === 'full' ? layouts.full() : layouts.compact(), state, highlight, draw),
    style,
    origin: { row: 0, col: 0 },
  });

  // A pan keeps the style the learner is looking at.
  if (options.pan && previous) return fits(layouts[previous.style]()) ? whole(previous.style) : windowOf(previous.style);
  if (fits(layouts.full())) return whole('full');
  if (holdsStep('full')) return windowOf('full');
  if (fits(layouts.compact())) return whole('compact');
  if (holdsStep('compact') || !holdsCurrent('full')) return windowOf('compact');
  return windowOf('full');

  function placed(style: BoxStyle): { layout: Layout; p: PlacedWindow } {
    const layout = style === 'full' ? layouts.full() : layouts.compact();
    return { layout, p: placeWindow(layout, focus ?? layout.graph.output, width, height) };
  }
  function holdsStep(style: BoxStyle): boolean {
    const { layout, p } = placed(style);
    const names = [...(highlight.current ? [highlight.current] : []), ...highlight.nodes];
    const where = spatial(layout.boxes, layout.edges);
    const areas = [
      ...names.map((n) => layout.boxes[n]).filter((b) => b !== undefined),
      ...highlight.edges.flatMap(([a, b]) => (where.byPair.get(pairKey(a, b)) ?? []).map((e) => rectOf(where.edges, e))),
    ];
    return areas.every((b) => inside(p, b));
  }
  function holdsCurrent(style: BoxStyle): boolean {
    if (!highlight.current) return true;
    const { layout, p } = placed(style);
    return inside(p, layout.boxes[highlight.current]);
  }
}

function inside(p: PlacedWindow, b: { row: number; col: number; width: number; height: number }): boolean {
  const { origin } = p;
  return b.row >= origin.row && b.col >= origin.col && b.row + b.height <= origin.row + p.height && b.col + b.width <= origin.col + p.width;
}
