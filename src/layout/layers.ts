/**
 * Phase 1: which column of boxes (layer) each node goes in, left to right.
 *
 * A node goes one layer right of its furthest operand (the longest path from the
 * inputs), then moves right as far as its consumers allow: an input used only by
 * the last operation should sit beside it, not at the far left with a long edge.
 *
 * An edge that spans several layers runs through a dummy node in each layer it
 * crosses, so every later phase only deals with edges between adjacent layers.
 * All the uses of one node share its dummies: one trunk runs right as far as its
 * furthest consumer, and each consumer taps it in the layer before its own. An
 * input used at every step of a long sum then costs one dummy per layer, not one
 * per use and layer, which grew with the square of the sum's length.
 */

import { edgesOf, type Graph } from '../engine/graph.js';
import { hasGradient, heightOf, minWidth } from './box.js';
import type { Hop, LayerNode, LayeredEdge, Layering } from './types.js';

/** Each node's layer, and the furthest layer its trunk reaches (its own layer when it needs no dummy); nodes by name. */
interface Columns {
  index: Map<string, number>;
  layer: Int32Array;
  reach: Int32Array;
  layerCount: number;
}

function columnsOf(graph: Graph): Columns {
  const index = new Map<string, number>();
  graph.nodes.forEach((node, i) => index.set(node.name, i));
  const n = graph.nodes.length;
  const operands: number[][] = graph.nodes.map((node, i) =>
    node.inputs.map((operand) => {
      const j = index.get(operand);
      if (j === undefined) throw new Error(`layout: operand "${operand}" is not a node of the graph`);
      if (j >= i) throw new Error(`layout: nodes are not in topological order at "${node.name}"`);
      return j;
    }),
  );
  // graph.nodes is in topological order, so one pass finds each longest path.
  const layer = new Int32Array(n);
  for (let i = 0; i < n; i++) for (const j of operands[i]) layer[i] = Math.max(layer[i], layer[j] + 1);
  // Backwards, so each node's consumers have already settled: a node moves up to the layer before its nearest one.
  const nearest = new Int32Array(n).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    if (nearest[i] >= 0) layer[i] = nearest[i] - 1;
    for (const j of operands[i]) nearest[j] = nearest[j] < 0 ? layer[i] : Math.min(nearest[j], layer[i]);
  }
  const reach = Int32Array.from(layer);
  for (let i = 0; i < n; i++) for (const j of operands[i]) reach[j] = Math.max(reach[j], layer[i] - 1);
  const layerCount = layer.reduce((most, l) => Math.max(most, l + 1), 0);
  return { index, layer, reach, layerCount };
}

/**
 * Before any dummy is made: how many there will be, and the least room the
 * drawing can take (each layer as wide as its widest box, plus the stub and
 * arrow columns of each channel; as tall as its boxes and dummies stacked with
 * a blank row between). The routing only adds to both, so a graph whose least
 * room is too much can be refused without laying it out.
 */
export interface LayoutSize {
  dummies: number;
  width: number;
  height: number;
}

export function layoutSize(graph: Graph, compact = false): LayoutSize {
  const { layer, reach, layerCount } = columnsOf(graph);
  // Dummies per layer, as differences: a trunk covers the layers after its node up to its reach.
  const starts = new Float64Array(layerCount + 1);
  const rows = new Float64Array(layerCount);
  const widths = new Float64Array(layerCount);
  let dummies = 0;
  graph.nodes.forEach((node, i) => {
    const l = layer[i];
    rows[l] += heightOf(node.inputs.length, compact, hasGradient(node)) + 1;
    // Narrow boxes: the routing takes them where they make the drawing fit 80 columns.
    widths[l] = Math.max(widths[l], minWidth(node, compact, true));
    if (reach[i] > l) {
      starts[l + 1]++;
      starts[reach[i] + 1]--;
      dummies += reach[i] - l;
    }
  });
  let height = 0;
  let width = 0;
  for (let l = 0, trunks = 0; l < layerCount; l++) {
    trunks += starts[l];
    // A dummy is one row, and a blank row under it; the last box of a layer needs no blank row.
    height = Math.max(height, rows[l] + 2 * trunks - 1);
    width += widths[l] + (l + 1 < layerCount ? 2 : 0);
  }
  return { dummies, width, height };
}

export function layers(graph: Graph): Layering {
  const { index, layer, reach, layerCount } = columnsOf(graph);
  const nodes: LayerNode[] = graph.nodes.map((node, i) => ({
    id: i,
    name: node.name,
    layer: layer[i],
    ports: node.inputs.length,
    tie: [i, -1] as const,
  }));
  const hops: Hop[] = [];
  // Per node with a trunk: the dummies' hops, left to right, made as the first edge that needs each one comes.
  const trunks = new Map<number, { end: number; hops: number[] }>();
  const edges: LayeredEdge[] = edgesOf(graph).map((edge, e) => {
    const from = index.get(edge.from)!;
    const to = index.get(edge.to)!;
    let trunk = trunks.get(from);
    if (!trunk && reach[from] > layer[from]) trunks.set(from, (trunk = { end: from, hops: [] }));
    const along = layer[to] - layer[from] - 1;
    while (trunk && trunk.hops.length < along) {
      // A dummy sorts by the target of the first edge through it, then its source: scenario order again.
      nodes.push({ id: nodes.length, name: null, layer: layer[from] + trunk.hops.length + 1, ports: 1, tie: [to, from] });
      hops.push({ from: trunk.end, to: nodes.length - 1, slot: 0, edge: e });
      trunk.hops.push(hops.length - 1);
      trunk.end = nodes.length - 1;
    }
    const tapFrom = along > 0 ? hops[trunk!.hops[along - 1]].to : from;
    hops.push({ from: tapFrom, to, slot: edge.slot, edge: e });
    return { from: edge.from, to: edge.to, slot: edge.slot, trunk: trunk?.hops ?? [], along, tap: hops.length - 1 };
  });
  return { graph, nodes, hops, edges, layerCount };
}

/** The hops an edge runs along, left to right: its share of its source's trunk, then its tap. */
export function hopsOf(edge: LayeredEdge): number[] {
  return [...edge.trunk.slice(0, edge.along), edge.tap];
}
