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
  const layerOf = layerIndex(graph);
  const count = layerOf.reduce((most, l) => Math.max(most, l + 1), 0);
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
    let band = layOut(graph, layerOf, first, last);
    while (band.layout.width > width && last > first) band = layOut(graph, layerOf, first, --last);
    if (band.layout.width > width) throw new TooNarrow(leastWidth(graph, layerOf, count));
    bands.push(band);
    first = last + 1;
  }
  return bands;
}

/** Each graph node's layer, as the whole layout has it. */
function layerIndex(graph: Graph): number[] {
  const { nodes } = layers(graph);
  return graph.nodes.map((_, i) => nodes[i].layer);
}

/** The graph of layers first … last, with the operands from earlier layers as leaves of their own name. */
function layOut(graph: Graph, layerOf: number[], first: number, last: number): Band {
  const index = new Map(graph.nodes.map((node, i) => [node.name, i]));
  const inBand = (i: number) => layerOf[i] >= first && layerOf[i] <= last;
  const carried = new Set<string>();
  graph.nodes.forEach((node, i) => {
    if (inBand(i)) for (const operand of node.inputs) if (layerOf[index.get(operand)!] < first) carried.add(operand);
  });
  const nodes: GraphNode[] = [];
  graph.nodes.forEach((node, i) => {
    if (carried.has(node.name)) nodes.push({ ...node, op: node.op === 'const' ? 'const' : 'input', inputs: [] });
    else if (inBand(i)) nodes.push(node);
  });
  const band: Graph = {
    nodes,
    inputs: nodes.filter((n) => n.op === 'input').map((n) => n.name),
    output: nodes.some((n) => n.name === graph.output) ? graph.output : nodes[nodes.length - 1].name,
  };
  return { layout: layoutGraph(band), carried: [...carried] };
}

/** The least width every band of one layer needs: what --width must be at least. */
function leastWidth(graph: Graph, layerOf: number[], count: number): number {
  let least = 0;
  for (let l = 0; l < count; l++) least = Math.max(least, layOut(graph, layerOf, l, l).layout.width);
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
