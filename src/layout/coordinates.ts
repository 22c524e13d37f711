/**
 * Phase 3: rows. Every node gets a top row, keeping the order of phase 2 and a
 * blank row between neighbours in a layer.
 *
 * Each node wants the row that makes its edges straight: an operand wants its
 * output port level with the port it feeds, a consumer wants a port level with
 * each operand. Sweeps left to right and back move each layer toward those rows
 * (the median wish, so one straight edge beats two bent ones), and an isotonic
 * fit settles each layer as close to its wishes as the order and spacing allow.
 */

import { adjacency } from './adjacency.js';
import { hasGradient, heightOf, inOffset, minWidth, outOffset } from './box.js';
import type { Ordering, Placement } from './types.js';

/** Blank rows between two nodes of a layer. */
const GAP = 1;
const SWEEPS = 4;

export function coordinates(ordering: Ordering, compact: boolean): Placement {
  const { nodes, graph, layers } = ordering;
  const height = nodes.map((node, id) =>
    node.name === null ? 1 : heightOf(node.ports, compact, id >= graph.nodes.length || hasGradient(graph.nodes[id])),
  );
  const layerWidth = layers.map((layer) =>
    layer.reduce((widest, id) => (id < graph.nodes.length ? Math.max(widest, minWidth(graph.nodes[id], compact)) : widest), 0),
  );
  const narrowWidth = layers.map((layer) =>
    layer.reduce((widest, id) => (id < graph.nodes.length ? Math.max(widest, minWidth(graph.nodes[id], compact, true)) : widest), 0),
  );
  const placement: Placement = { ...ordering, compact, top: [], height, layerWidth, narrowWidth };

  const { from, to, slot, inStart, inHops, outStart, outHops } = adjacency(ordering);
  // Per hop: how far below its source's top it leaves, and below its target's top it arrives.
  const leaves = new Int32Array(from.length);
  const arrives = new Int32Array(from.length);
  for (let h = 0; h < from.length; h++) {
    leaves[h] = outOffset(height[from[h]]);
    arrives[h] = nodes[to[h]].name === null ? 0 : inOffset(slot[h]);
  }

  // The next dummy along each dummy's trunk, or -1 where the trunk ends.
  const trunkNext = new Int32Array(nodes.length).fill(-1);
  for (let h = 0; h < from.length; h++) if (nodes[from[h]].name === null && nodes[to[h]].name === null) trunkNext[from[h]] = to[h];
  const top = new Int32Array(nodes.length);
  const wishes: number[] = [];
  /** The top each edge would need to run straight (toward operands or consumers); the median of those, NaN for none. */
  const wish = (v: number, toOperands: boolean): number => {
    wishes.length = 0;
    if (toOperands) {
      for (let i = inStart[v]; i < inStart[v + 1]; i++) {
        const h = inHops[i];
        wishes.push(top[from[h]] + leaves[h] - arrives[h]);
      }
    } else {
      // A trunk's dummy follows the trunk, not its taps: a straight trunk has no corners for each tap to copy.
      const onTrunk = nodes[v].name === null && trunkNext[v] >= 0;
      for (let i = outStart[v]; i < outStart[v + 1]; i++) {
        const h = outHops[i];
        if (onTrunk && to[h] !== trunkNext[v]) continue;
        wishes.push(top[to[h]] + arrives[h] - leaves[h]);
      }
    }
    return wishes.length === 0 ? NaN : median(wishes);
  };
  const settle = (layer: number[], toOperands: boolean | null) => {
    const wanted = layer.map((v) => (toOperands === null ? NaN : wish(v, toOperands)));
    const tops = fit(
      wanted,
      layer.map((v) => height[v]),
    );
    for (let i = 0; i < layer.length; i++) top[layer[i]] = tops[i];
  };

  for (const layer of layers) settle(layer, null);
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let l = 1; l < layers.length; l++) settle(layers[l], true);
    for (let l = layers.length - 2; l >= 0; l--) settle(layers[l], false);
  }

  const highest = top.reduce((a, b) => Math.min(a, b), 0);
  placement.top = Array.from(top, (t) => t - highest);
  return placement;
}

export function inRow(placement: Placement, id: number, slot: number): number {
  const dummy = placement.nodes[id].name === null;
  return placement.top[id] + (dummy ? 0 : inOffset(slot));
}

export function outRow(placement: Placement, id: number): number {
  return placement.top[id] + outOffset(placement.height[id]);
}

/** The lower middle wish: with two operands, level with the higher one. Sorts in place. */
function median(wishes: number[]): number {
  if (wishes.length > 2) wishes.sort((a, b) => a - b);
  else if (wishes.length === 2 && wishes[1] < wishes[0]) return wishes[1];
  return wishes[(wishes.length - 1) >> 1];
}

/** How little a node with no edges this way pulls: enough to place it, too little to move the others. */
const IDLE_WEIGHT = 1e-3;

/**
 * Tops as close as possible (least squares) to `wanted`, in order, each node
 * at least its height plus GAP below the one above. Shifting node i up by the
 * room the nodes above it need turns this into a non-decreasing fit, which
 * pool-adjacent-violators solves exactly. A node that wants nothing (NaN)
 * keeps close to the nearest node that does, so it never drifts away.
 */
function fit(wanted: number[], heights: number[]): number[] {
  const n = wanted.length;
  const offset = new Int32Array(n);
  for (let i = 1; i < n; i++) offset[i] = offset[i - 1] + heights[i - 1] + GAP;
  const target = new Float64Array(n);
  const weight = new Float64Array(n);
  let last = NaN;
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(wanted[i])) last = wanted[i] - offset[i];
    target[i] = Number.isNaN(wanted[i]) ? last : wanted[i] - offset[i];
    weight[i] = Number.isNaN(wanted[i]) ? IDLE_WEIGHT : 1;
  }
  // Leading nodes that want nothing follow the first one that does (or sit at 0).
  const first = target.findIndex((t) => !Number.isNaN(t));
  for (let i = 0; i < n && Number.isNaN(target[i]); i++) target[i] = first < 0 ? 0 : target[first];

  // Blocks of nodes pooled to one value: their weighted mean and weight, as a stack.
  const mean = new Float64Array(n);
  const mass = new Float64Array(n);
  const size = new Int32Array(n);
  let blocks = 0;
  for (let i = 0; i < n; i++) {
    mean[blocks] = target[i];
    mass[blocks] = weight[i];
    size[blocks++] = 1;
    while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1]) {
      const [a, b] = [blocks - 2, blocks - 1];
      mean[a] = (mean[a] * mass[a] + mean[b] * mass[b]) / (mass[a] + mass[b]);
      mass[a] += mass[b];
      size[a] += size[b];
      blocks--;
    }
  }
  const tops: number[] = [];
  for (let b = 0; b < blocks; b++) {
    for (let k = 0; k < size[b]; k++) tops.push(Math.round(mean[b]) + offset[tops.length]);
  }
  return tops;
}
