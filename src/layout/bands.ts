/**
 * A drawing in at most N columns (`grad-tutor graph --width N`): where the
 * whole graph is wider, its layers are cut into bands, each drawn under the
 * one before as a layout of its own. An operand from an earlier band comes in
 * again on the left of the band that uses it, as a box with its name, value
 * and gradient, and a line between the bands names those that do. Each band is
 * a whole drawing, so it keeps every drawing's invariants.
 */

import type { Graph, GraphNode } from '../engine/graph.js';
import { drawGraph, drawingToText } from './draw.js';
import { layoutGraph } from './index.js';
import { layers } from './layers.js';
import type { GraphState, Layout } from './types.js';

/** Width is the columns it would need: a band of one layer and the operands it carries is wider than the room. */
export class TooNarrow extends Error {
  constructor(readonly needed: number) {
    super(`needs ${needed} columns`);
  }
}

/** One band of the drawing: its layout, and the operands from bands above it that it draws again. */
export interface Band {
  layout: Layout;
  carried: string[];
}

/** The drawing as text in at most `width` columns; throws TooNarrow with the least width that would do. */
export function drawWithin(graph: Graph, state: GraphState, width: number, whole: Layout = layoutGraph(graph)): string {
  return bandsWithin(graph, width, whole)
    .map((band, k) => [...(k > 0 ? [continued(band.carried, width)] : []), drawingToText(drawGraph(band.layout, state))].join('\n'))
    .join('\n');
}

/** The whole layout where it fits, else bands of its layers, each at most `width` wide. */
export function bandsWithin(graph: Graph, width: number, whole: Layout = layoutGraph(graph)): Band[] {
  if (whole.width <= width) return [{ layout: whole, carried: [] }];
  const layered = layerIndex(graph);
  const { layerOf } = layered;
  const count = layered.byLayer.length;
  // Where each layer's boxes lie in the whole drawing: a first guess at how many layers a band holds.
  const right = new Array<number>(count).fill(0);
  const left = new Array<number>(count).fill(Infinity);
  graph.nodes.forEach((node, i) => {
    const box = whole.boxes[node.name];
    right[layerOf[i]] = Math.max(right[layerOf[i]], box.col + box.width);
    left[layerOf[i]] = Math.min(left[layerOf[i]], box.col);
  });
  const bands: Band[] = [];
  for (let first = 0; first < count;) {
    let last = first;
    while (last + 1 < count && right[last + 1] - left[first] <= width) last++;
    // The guess leaves out the operands carried in and the band's own routing: fewer layers until it fits.
    let band = layOut(graph, layered, first, last);
    while (band.layout.width > width && last > first) band = layOut(graph, layered, first, --last);
    if (band.layout.width > width) throw new TooNarrow(leastWidth(graph, layered));
    bands.push(band);
    first = last + 1;
  }
  return bands;
}

/** Each graph node's layer as the whole layout has it, the nodes of each layer (in graph order) and each name's node. */
interface Layered {
  layerOf: number[];
  byLayer: number[][];
  index: Map<string, number>;
}

/** Worked out once a drawing: a band reads only its own layers' nodes, so the bands together cost one pass over the graph. */
function layerIndex(graph: Graph): Layered {
  const { nodes } = layers(graph);
  const layerOf = graph.nodes.map((_, i) => nodes[i].layer);
  const byLayer: number[][] = [];
  layerOf.forEach((layer, i) => {
    while (byLayer.length <= layer) byLayer.push([]);
    byLayer[layer].push(i);
  });
  return { layerOf, byLayer, index: new Map(graph.nodes.map((node, i) => [node.name, i])) };
}

/** The graph of layers first … last, with the operands from earlier layers as leaves of their own name. */
function layOut(graph: Graph, { layerOf, byLayer, index }: Layered, first: number, last: number): Band {
  // The band's nodes in graph order, as a walk over the whole graph would meet them.
  const members: number[] = [];
  for (let layer = first; layer <= last; layer++) for (const i of byLayer[layer]) members.push(i);
  members.sort((a, b) => a - b);
  const carried = new Map<string, number>();
  for (const i of members)
    for (const operand of graph.nodes[i].inputs) {
      const j = index.get(operand)!;
      if (layerOf[j] < first) carried.set(operand, j);
    }
  const nodes: GraphNode[] = [...members, ...carried.values()]
    .sort((a, b) => a - b)
    .map((i) => {
      const node = graph.nodes[i];
      return carried.has(node.name) ? { ...node, op: node.op === 'const' ? 'const' : 'input', inputs: [] } : node;
    });
  const band: Graph = {
    nodes,
    inputs: nodes.filter((n) => n.op === 'input').map((n) => n.name),
    output: nodes.some((n) => n.name === graph.output) ? graph.output : nodes[nodes.length - 1].name,
  };
  return { layout: layoutGraph(band), carried: [...carried.keys()] };
}

/** The least width every band of one layer needs: what --width must be at least. */
function leastWidth(graph: Graph, layered: Layered): number {
  let least = 0;
  for (let l = 0; l < layered.byLayer.length; l++) least = Math.max(least, layOut(graph, layered, l, l).layout.width);
  return least;
}

/** The line between two bands: which boxes of the band below were drawn above; wrapped at spaces, as a cut sentence says less. */
function continued(carried: string[], width: number): string {
  const line = `┄┄ continued: ${carried.join(', ')} ${carried.length === 1 ? 'comes' : 'come'} in again from above ┄┄`;
  const rows: string[] = [];
  for (const word of line.split(' ')) {
    const last = rows.length - 1;
    if (last >= 0 && [...rows[last]].length + 1 + [...word].length <= width) rows[last] += ` ${word}`;
    else rows.push([...word].slice(0, width).join(''));
  }
  return rows.join('\n');
}
