/**
 * One node's whole path to the output: every path from it, the product of the
 * local derivatives along each, and their sum, which is the node's gradient.
 * The chain rule over the whole graph at once, where a backward step shows one
 * edge. Paths can be exponentially many (a ladder of diamonds doubles them at
 * each rung), so they are counted, not listed: the count by dynamic programming
 * over the nodes in topological order, and only the first few paths spelled out.
 * Everything here is linear in the graph, plus the listed paths' lengths.
 */
import { isLeaf, opRow, type Trace } from '../engine/index.js';

export interface Path {
  /** From the node to the output, each node once. */
  nodes: string[];
  /** The local derivative of each edge along it: ∂nodes[i+1]/∂nodes[i] (the slot the path enters by). */
  locals: number[];
  /** The locals multiplied together. */
  product: number;
}

export interface PathsOf {
  from: string;
  output: string;
  /** How many paths lead from `from` to the output: exact, however many. */
  count: bigint;
  /** The first `limit` of them, depth first, operand slots in order. */
  listed: Path[];
  /** The sum over every path of its product: the gradient the backward pass found. */
  gradient: number;
  /** What lies on some path, for the drawing to light: the nodes, and each edge as [operand, node]. */
  nodes: string[];
  edges: [string, string][];
}

export function pathsOf(trace: Trace, from: string, limit: number): PathsOf {
  const { graph, values } = trace;
  const { nodes } = graph;
  const index = new Map(nodes.map((n, k) => [n.name, k]));
  const start = index.get(from);
  if (start === undefined) throw new Error(`no node ${from} in this graph`);
  const out = index.get(graph.output)!;
  // Backward from the output: what it is computed from. Forward from the node: what is computed from it.
  const reachesOut = new Uint8Array(nodes.length);
  reachesOut[out] = 1;
  for (let k = out; k >= 0; k--) if (reachesOut[k]) for (const name of nodes[k].inputs) reachesOut[index.get(name)!] = 1;
  const onPath = new Uint8Array(nodes.length);
  onPath[start] = reachesOut[start];
  const count: bigint[] = [];
  count[start] = 1n;
  const consumers = new Map<number, { to: number; slot: number }[]>();
  const edges: [string, string][] = [];
  for (let k = start + 1; k <= out; k++) {
    if (!reachesOut[k] || isLeaf(nodes[k])) continue;
    let paths = 0n;
    const lit = new Set<number>();
    nodes[k].inputs.forEach((name, slot) => {
      const i = index.get(name)!;
      if (!onPath[i]) return;
      paths += count[i];
      if (!consumers.has(i)) consumers.set(i, []);
      consumers.get(i)!.push({ to: k, slot });
      // One lit edge per pair: the drawing lights every edge between two nodes (both of a·a) from one.
      if (!lit.has(i)) edges.push([name, nodes[k].name]);
      lit.add(i);
    });
    if (paths > 0n) {
      onPath[k] = 1;
      count[k] = paths;
    }
  }
  const local = (k: number, slot: number): number => {
    const node = nodes[k];
    return opRow(node.op).local(
      slot,
      node.inputs.map((name) => values[name]),
      values[node.name],
    );
  };
  return {
    from,
    output: graph.output,
    count: onPath[out] ? count[out] : 0n,
    listed: onPath[out] ? firstPaths(start, out, consumers, local, limit, (k) => nodes[k].name) : [],
    gradient: trace.grads[from] ?? 0,
    nodes: nodes.filter((_, k) => onPath[k]).map((n) => n.name),
    edges,
  };
}

/**
 * The first `limit` paths, depth first. Every node it steps to lies on a path
 * to the output, so each branch taken ends in a path: the walk costs the paths'
 * lengths, never the number of paths it does not list.
 */
function firstPaths(
  start: number,
  out: number,
  consumers: Map<number, { to: number; slot: number }[]>,
  local: (k: number, slot: number) => number,
  limit: number,
  nameOf: (k: number) => string,
): Path[] {
  const found: Path[] = [];
  // The path so far, and at each node which of its consumers to try next.
  const trail: { k: number; next: number; local: number }[] = [{ k: start, next: 0, local: 1 }];
  while (trail.length > 0 && found.length < limit) {
    const top = trail[trail.length - 1];
    if (top.k === out) {
      const steps = trail.slice(1);
      found.push({
        nodes: trail.map((t) => nameOf(t.k)),
        locals: steps.map((t) => t.local),
        product: steps.reduce((p, t) => p * t.local, 1),
      });
      trail.pop();
      continue;
    }
    const edge = consumers.get(top.k)?.[top.next++];
    if (edge) trail.push({ k: edge.to, next: 0, local: local(edge.to, edge.slot) });
    else trail.pop();
  }
  return found;
}
