/**
 * Graph drawing on a character grid: a layered layout, left to right, computed
 * once per graph, then drawn with the lesson's values and highlight, only as
 * much of it as the room shows.
 *
 *   const layouts = { full: () => layoutGraph(graph), compact: () => layoutGraph(graph, { compact: true }) };
 *   const step = frameGraph(layouts, { values, grads }, { nodes: ['c'], edges: [['a', 'c']], current: 'c' }, 80, 12);
 *   const next = frameGraph(layouts, state, highlight, 80, 12, { previous: step });       // follows the current node
 *   const looked = frameGraph(layouts, state, highlight, 80, 12, { previous: step, pan: { row: 0, col: 10 } });
 */

import type { Graph } from '../engine/graph.js';
import { coordinates } from './coordinates.js';
import { layers } from './layers.js';
import { order } from './order.js';
import { routes } from './routes.js';
import type { Layout } from './types.js';

export interface LayoutOptions {
  /** Boxes with the value and gradient on one row where they can: for short windows. */
  compact?: boolean;
}

export function layoutGraph(graph: Graph, options?: LayoutOptions): Layout {
  return routes(coordinates(order(layers(graph)), options?.compact ?? false));
}

export { layers, hopsOf, layoutSize, type LayoutSize } from './layers.js';
export { order, countCrossings } from './order.js';
export { coordinates } from './coordinates.js';
export { routes, pathOf, COMFORTABLE_WIDTH } from './routes.js';
export { raster, nodesByName, type Raster, type Window } from './raster.js';
export {
  drawGraph,
  drawingToText,
  MAX_DRAWING_CELLS,
  MAX_LAYOUT_PIECES,
  tooLargeToDraw,
  tooLargeToLayOut,
  type DrawOptions,
} from './draw.js';
export { viewport, drawWindow } from './viewport.js';
export { placeWindow, type Beyond, type Focus } from './window.js';
export { frameGraph, LEGEND, type Layouts, type FrameOptions, type FramedDrawing, type BoxStyle } from './frame.js';
export { toDot, toMermaid } from './export.js';
export { formatNumber } from './format.js';
export { edgeCells, describeOrdering, describePlacement, describeRoles } from './describe.js';
export type * from './types.js';
