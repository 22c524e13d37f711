/**
 * Graph drawing on a character grid: a layered layout, left to right, computed
 * once per graph, then drawn with the lesson's values and highlight.
 *
 *   const layout = layoutGraph(graph);
 *   const drawing = drawGraph(layout, { values, grads }, { nodes: ['c'], edges: [['a', 'c']], current: 'c' });
 *   console.log(drawingToText(viewport(drawing, 'c', 80, 20)));
 */

import type { Graph } from '../engine/graph.js';
import { coordinates } from './coordinates.js';
import { layers } from './layers.js';
import { order } from './order.js';
import { routes } from './routes.js';
import type { Layout } from './types.js';

export interface LayoutOptions {
  /** One line per operand instead of a four-line box: for small windows. */
  compact?: boolean;
}

export function layoutGraph(graph: Graph, options?: LayoutOptions): Layout {
  return routes(coordinates(order(layers(graph)), options?.compact ?? false));
}

export { layers } from './layers.js';
export { order, countCrossings } from './order.js';
export { coordinates } from './coordinates.js';
export { routes, COMFORTABLE_WIDTH } from './routes.js';
export { raster, ownersOf, type Raster } from './raster.js';
export { drawGraph, drawingToText } from './draw.js';
export { viewport } from './viewport.js';
export { toDot, toMermaid } from './export.js';
export { formatNumber } from './format.js';
export { edgeCells, describeOrdering, describePlacement, describeRoutes } from './describe.js';
export type * from './types.js';
