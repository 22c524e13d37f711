/**
 * The plain data that flows through the layout pipeline:
 *
 *   Graph ──layers──▶ Layering ──order──▶ Ordering ──coordinates──▶ Placement
 *         ──routes──▶ Layout ──draw──▶ Drawing
 *
 * Each phase adds to what the one before produced and changes nothing of it, so
 * any stage can be printed (see describe.ts) and checked on its own.
 */

import type { Graph } from '../engine/graph.js';
import type { Beyond } from './window.js';

/** A node of the layered graph: a graph node, or a dummy that carries a long edge through a layer. */
export interface LayerNode {
  /** Index into `Layering.nodes`; graph nodes keep their index in `graph.nodes`. */
  id: number;
  /** The graph node's name; null for a dummy. */
  name: string | null;
  layer: number;
  /** Operand ports on the left side (a dummy has one). */
  ports: number;
  /** Scenario order, to break ties the same way every run. */
  tie: readonly [number, number];
}

/** One step of an edge from a node in layer l to a node in layer l + 1. */
export interface Hop {
  from: number;
  to: number;
  /** The operand port it enters at `to` (0 for a dummy). */
  slot: number;
  /** Index into `Layering.edges`: for a trunk's hop, the first edge that runs along it. */
  edge: number;
}

export interface LayeredEdge {
  from: string;
  to: string;
  slot: number;
  /**
   * Its hops, left to right (see `hopsOf`): the first `along` hops of its
   * source's trunk, which every edge from that source shares, then `tap`.
   */
  trunk: readonly number[];
  along: number;
  tap: number;
}

export interface Layering {
  graph: Graph;
  nodes: LayerNode[];
  hops: Hop[];
  /** Every edge of the graph, in `edgesOf` order. */
  edges: LayeredEdge[];
  layerCount: number;
}

export interface Ordering extends Layering {
  /** Node ids per layer, top to bottom. */
  layers: number[][];
  /** Edge crossings between adjacent layers, counted by port order. */
  crossings: number;
}

export interface Placement extends Ordering {
  compact: boolean;
  /** Per node id: its top row and its height in rows. */
  top: number[];
  height: number[];
  /** The box width of each layer; a dummy line spans its layer's width. */
  layerWidth: number[];
  /** The same with narrow boxes, which the routing takes where the drawing would be wider than 80 columns. */
  narrowWidth: number[];
}

export interface Point {
  row: number;
  col: number;
}

/** Where a node's box sits on the grid. */
export interface Box {
  row: number;
  col: number;
  width: number;
  height: number;
}

export interface RoutedEdge {
  from: string;
  to: string;
  slot: number;
  /**
   * The corners of an orthogonal path: first the source's port on its right
   * border (or, for an edge that leaves a trunk, the cell where it leaves it),
   * last the arrow cell just left of the target's border.
   */
  points: Point[];
  /**
   * For an edge whose source's uses share one trunk (see layers.ts): the trunk's
   * corners, which its other edges share too, and how many of them come before
   * `points[0]`. `pathOf` joins the two into the whole path.
   */
  trunk?: { corners: Point[]; before: number };
}

export interface Layout {
  graph: Graph;
  compact: boolean;
  /** Narrow boxes (`│v  3      │`): the drawing was wider than 80 columns with the usual ones. */
  narrow?: boolean;
  width: number;
  height: number;
  boxes: Record<string, Box>;
  edges: RoutedEdge[];
  /** Each trunk's corners, from its source's port to its last dummy: drawn once, not once per edge along it. */
  trunks: Point[][];
  /** Track columns used between each pair of adjacent layers. */
  tracks: number[];
}

export interface SpanStyle {
  bold?: boolean;
  dim?: boolean;
  color?: string;
}

export interface StyledText {
  text: string;
  style?: SpanStyle;
}

export interface Drawing {
  width: number;
  height: number;
  /** One list of spans per row; every row spans `width` columns. */
  lines: StyledText[][];
  /** Node boxes in drawing coordinates, so a caller can scroll to one. */
  boxes: Record<string, Box>;
  /** The whole drawing's edges, so a window can be placed around the lit ones. */
  edges?: RoutedEdge[];
  /** For a window (`viewport`, `drawWindow`): where its picture's top-left cell lies in the whole drawing; pass it back as `from`. */
  origin?: Point;
  /** For a window: which ways the drawing goes on, and how many boxes lie that way. */
  beyond?: Beyond;
  /** For a window: the row its picture starts on, 1 under a marker row. */
  pictureRow?: number;
}

/** Values and gradients as far as the lesson has computed them; undefined shows as `·`. */
import type { GraphState, Highlight } from '../engine/graph.js';
export type { GraphState, Highlight };
