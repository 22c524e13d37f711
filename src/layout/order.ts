/**
 * Phase 2: the order of nodes within each layer, top to bottom.
 *
 * Barycenter sweeps: left to right, each node moves to the average position of
 * its operands; right to left, to the average position of the ports it feeds.
 * Ports count, not just nodes, so `a + b` puts a above b and `b + a` the other
 * way round. The order with the fewest crossings seen is kept; equal
 * barycenters fall back to scenario order, so the result is the same every run.
 */

import { adjacency, type Adjacency } from './adjacency.js';
import type { Layering, Ordering } from './types.js';

const SWEEPS = 8;

export function order(layering: Layering): Ordering {
  const { nodes } = layering;
  const adj = adjacency(layering);
  const { from, to, slot, inStart, inHops, outStart, outHops } = adj;

  // Scenario order as one number per node, so ties cost one subtraction.
  const tieRank = new Int32Array(nodes.length);
  [...nodes].sort((a, b) => a.tie[0] - b.tie[0] || a.tie[1] - b.tie[1]).forEach((node, rank) => (tieRank[node.id] = rank));
  const byTie = (a: number, b: number) => tieRank[a] - tieRank[b];

  const current: number[][] = Array.from({ length: layering.layerCount }, () => []);
  for (const node of nodes) current[node.layer].push(node.id);
  for (const layer of current) layer.sort(byTie);

  const position = new Float64Array(nodes.length);
  const remember = (layer: number[]) => {
    for (let i = 0; i < layer.length; i++) position[layer[i]] = i;
  };
  current.forEach(remember);

  // A port sits inside its node's slot: slot 0 nearer the top.
  const portShift = new Float64Array(slot.length);
  for (let h = 0; h < slot.length; h++) portShift[h] = (slot[h] + 1) / (nodes[to[h]].ports + 2);

  let best = current.map((layer) => [...layer]);
  let fewest = crossingsOf(layering, best, adj);
  const barycenter = new Float64Array(nodes.length);
  const byBarycenter = (a: number, b: number) => barycenter[a] - barycenter[b] || tieRank[a] - tieRank[b];
  /** Operands' positions (rightward) or fed ports' positions (leftward); a node with none stays put. */
  const resort = (layer: number[], rightward: boolean) => {
    for (const v of layer) {
      let sum = 0;
      let count = 0;
      if (rightward) {
        for (let i = inStart[v]; i < inStart[v + 1]; i++, count++) sum += position[from[inHops[i]]];
      } else {
        for (let i = outStart[v]; i < outStart[v + 1]; i++, count++) sum += position[to[outHops[i]]] + portShift[outHops[i]];
      }
      barycenter[v] = count > 0 ? sum / count : position[v];
    }
    layer.sort(byBarycenter);
    remember(layer);
  };

  for (let sweep = 0; sweep < SWEEPS && fewest > 0; sweep++) {
    if (sweep % 2 === 0) {
      for (let l = 1; l < current.length; l++) resort(current[l], true);
    } else {
      for (let l = current.length - 2; l >= 0; l--) resort(current[l], false);
    }
    const crossings = crossingsOf(layering, current, adj);
    if (crossings < fewest) {
      fewest = crossings;
      best = current.map((layer) => [...layer]);
    }
  }
  return { ...layering, layers: best, crossings: fewest };
}

/**
 * Crossings between each pair of adjacent layers: pairs of hops whose sources
 * are in one order and whose target ports are in the other. Hops from one
 * source share a trunk and never cross.
 */
export function countCrossings(layering: Layering, layers: number[][]): number {
  return crossingsOf(layering, layers, adjacency(layering));
}

/** Counted with a Fenwick tree over the target ports, allocating nothing per hop: this runs after every sweep. */
function crossingsOf(layering: Layering, layers: number[][], adj: Adjacency): number {
  const { nodes } = layering;
  const { to, slot, outStart, outHops } = adj;
  const portKey = new Int32Array(nodes.length);
  let total = 0;
  for (let l = 0; l + 1 < layers.length; l++) {
    let size = 0;
    for (const id of layers[l + 1]) {
      portKey[id] = size;
      size += Math.max(1, nodes[id].ports);
    }
    const tree = new Int32Array(size + 1);
    let seen = 0;
    for (const v of layers[l]) {
      const first = outStart[v];
      const end = outStart[v + 1];
      // Count all of this source's hops against earlier sources before adding any.
      for (let i = first; i < end; i++) {
        let atOrAbove = 0;
        for (let k = portKey[to[outHops[i]]] + slot[outHops[i]] + 1; k > 0; k -= k & -k) atOrAbove += tree[k];
        total += seen - atOrAbove;
      }
      for (let i = first; i < end; i++) {
        for (let k = portKey[to[outHops[i]]] + slot[outHops[i]] + 1; k <= size; k += k & -k) tree[k]++;
      }
      seen += end - first;
    }
  }
  return total;
}
