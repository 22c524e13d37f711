/**
 * Phase 1: which column of boxes (layer) each node goes in, left to right.
 *
 * A node goes one layer right of its furthest operand (the longest path from the
 * inputs), then moves right as far as its consumers allow: an input used only by
 * the last operation should sit beside it, not at the far left with a long edge.
 * An edge that still spans several layers gets a dummy node in each layer it
 * crosses, so every later phase only deals with edges between adjacent layers.
 */

import { edgesOf, type Graph } from '../engine/graph.js';
import type { Hop, LayerNode, LayeredEdge, Layering } from './types.js';

export function layers(graph: Graph): Layering {
  const index = new Map<string, number>();
  graph.nodes.forEach((node, i) => index.set(node.name, i));
  const indexOf = (name: string): number => {
    const i = index.get(name);
    if (i === undefined) throw new Error(`layout: operand "${name}" is not a node of the graph`);
    return i;
  };

  // graph.nodes is in topological order, so one pass finds each longest path.
  const layer: number[] = [];
  const consumers: number[][] = graph.nodes.map(() => []);
  graph.nodes.forEach((node, i) => {
    layer[i] = 0;
    for (const operand of node.inputs) {
      const j = indexOf(operand);
      if (j >= i) throw new Error(`layout: nodes are not in topological order at "${node.name}"`);
      layer[i] = Math.max(layer[i], layer[j] + 1);
      consumers[j].push(i);
    }
  });
  // Backwards, so each node's consumers have already settled.
  for (let i = graph.nodes.length - 1; i >= 0; i--) {
    // A loop, not Math.min(...): a node used 100,000 times would overflow the argument stack.
    let nearest = Infinity;
    for (const c of consumers[i]) nearest = Math.min(nearest, layer[c]);
    if (nearest !== Infinity) layer[i] = nearest - 1;
  }

  const nodes: LayerNode[] = graph.nodes.map((node, i) => ({
    id: i,
    name: node.name,
    layer: layer[i],
    ports: node.inputs.length,
    tie: [i, -1] as const,
  }));
  const hops: Hop[] = [];
  const edges: LayeredEdge[] = edgesOf(graph).map((edge, e) => {
    const from = indexOf(edge.from);
    const to = indexOf(edge.to);
    const chain = [from];
    for (let l = layer[from] + 1; l < layer[to]; l++) {
      // A dummy sorts by the edge's target, then its source: scenario order again.
      nodes.push({ id: nodes.length, name: null, layer: l, ports: 1, tie: [to, from] });
      chain.push(nodes.length - 1);
    }
    chain.push(to);
    const ids: number[] = [];
    for (let k = 0; k + 1 < chain.length; k++) {
      const last = k + 2 === chain.length;
      hops.push({ from: chain[k], to: chain[k + 1], slot: last ? edge.slot : 0, edge: e });
      ids.push(hops.length - 1);
    }
    return { from: edge.from, to: edge.to, slot: edge.slot, hops: ids };
  });

  const layerCount = layer.reduce((most, l) => Math.max(most, l + 1), 0);
  return { graph, nodes, hops, edges, layerCount };
}
