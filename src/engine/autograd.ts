import { isLeaf, type Graph, type GraphNode } from './graph.js';
import { compile, forwardValues, type Program } from './program.js';

export type Values = Record<string, number>;

/**
 * One edge of the backward pass as it runs: the chain rule for one operand of
 * one node. `sumBefore` and `sumAfter` are the operand's gradient around this
 * edge, so a node reached along several paths shows its running sum.
 */
export interface Contribution {
  /** The node whose gradient flows back (the edge's target, the "upstream" side). */
  node: string;
  /** The operand receiving gradient (the edge's source). */
  operand: string;
  slot: number;
  /** ∂node/∂operand. */
  local: number;
  /** ∂output/∂node. */
  upstream: number;
  /** local × upstream. */
  contribution: number;
  sumBefore: number;
  sumAfter: number;
  /** How many contributions this operand has received, counting this one (1-based). */
  path: number;
  /** How many it will receive in all. */
  paths: number;
}

/**
 * Gradients by node name. A constant (a number literal) has none: nothing can
 * nudge it, so no backward step runs into it and its entry is absent.
 */
export type Grads = Partial<Values>;

export interface Trace {
  graph: Graph;
  values: Values;
  grads: Grads;
  /** Every edge of the backward pass, in the order it ran. */
  contributions: Contribution[];
}

const byNameOf = new WeakMap<Graph, ReadonlyMap<string, GraphNode>>();

/** The graph's nodes by name, made once per graph: the steps, the questions and the exports all look nodes up. */
export function nodeMap(graph: Graph): ReadonlyMap<string, GraphNode> {
  let byName = byNameOf.get(graph);
  if (!byName) byNameOf.set(graph, (byName = new Map(graph.nodes.map((n) => [n.name, n]))));
  return byName;
}

/** Leaf k's value: the override given by its name, else the graph's own. */
const leafFrom =
  ({ names, leafValues }: Program, overrides: Values) =>
  (k: number): number =>
    overrides[names[k]] ?? leafValues[k];

/** The forward pass in topological order. `overrides` replaces leaf values (the nudge, the numeric check). */
export function forward(graph: Graph, overrides: Values = {}): Values {
  const program = compile(graph);
  const { names } = program;
  const value = forwardValues(program, leafFrom(program, overrides));
  const values: Values = {};
  for (let k = 0; k < names.length; k++) values[names[k]] = value[k];
  return values;
}

/** The output and every node it is computed from: only these take part in the backward pass. */
export function reachesOutput(graph: Graph): Set<string> {
  const { names, involved } = compile(graph);
  return new Set(names.filter((_, k) => involved[k]));
}

/**
 * Forward, then backward from the output's seed of 1 in reverse topological
 * order. Gradients accumulate with += — a node used twice collects both paths.
 * It runs on the graph's program (indexes, not names): by name, a pass over
 * 100,000 nodes took most of a second.
 */
export function backprop(graph: Graph, overrides: Values = {}): Trace {
  const program = compile(graph);
  const { names, rows, operands, constant, involved, output } = program;
  const n = names.length;
  const value = forwardValues(program, leafFrom(program, overrides));
  const paths = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    if (!involved[k]) continue;
    for (const i of operands[k]) if (!constant[i]) paths[i] += 1;
  }
  const grad = new Float64Array(n);
  grad[output] = 1;
  const received = new Uint32Array(n);
  const contributions: Contribution[] = [];
  for (let k = n - 1; k >= 0; k--) {
    const row = rows[k];
    if (!row || !involved[k]) continue;
    const from = operands[k];
    const operandValues = from.map((i) => value[i]);
    for (let slot = 0; slot < from.length; slot++) {
      const i = from[slot];
      if (constant[i]) continue;
      const local = row.local(slot, operandValues, value[k]);
      const upstream = grad[k];
      const contribution = local * upstream;
      const sumBefore = grad[i];
      grad[i] = sumBefore + contribution;
      received[i] += 1;
      contributions.push({
        node: names[k],
        operand: names[i],
        slot,
        local,
        upstream,
        contribution,
        sumBefore,
        sumAfter: grad[i],
        path: received[i],
        paths: paths[i],
      });
    }
  }
  const values: Values = {};
  const grads: Values = {};
  for (let k = 0; k < n; k++) {
    values[names[k]] = value[k];
    if (!constant[k] || k === output) grads[names[k]] = grad[k];
  }
  return { graph, values, grads, contributions };
}

const intoOf = new WeakMap<Trace, Map<string, Contribution[]>>();

/** Every backward edge into each operand, in the order they ran (an edge's running sum lists the first `path` of them). Made once per trace. */
export function edgesInto(trace: Trace): Map<string, Contribution[]> {
  let into = intoOf.get(trace);
  if (!into) {
    into = new Map();
    for (const c of trace.contributions) {
      const list = into.get(c.operand);
      if (list) list.push(c);
      else into.set(c.operand, [c]);
    }
    intoOf.set(trace, into);
  }
  return into;
}

/**
 * The classic bug, replayed: the backward pass with `grad = …` instead of
 * `grad += …`. A node reached along several paths keeps only its last path,
 * and the wrong number flows on to everything before it. Only for showing
 * what goes wrong.
 */
export function backpropOverwriting(trace: Trace): Grads {
  const grads: Values = {};
  for (const node of trace.graph.nodes) if (node.op !== 'const') grads[node.name] = 0;
  grads[trace.graph.output] = 1;
  // Same edges, same order, same local derivatives; only the assignment differs.
  for (const c of trace.contributions) grads[c.operand] = c.local * grads[c.node];
  return grads;
}

/** The graph with some leaves set to other values: one example row of the data, baked in so every pass over it sees the row. */
export function withValues(graph: Graph, row: Values): Graph {
  if (Object.keys(row).length === 0) return graph;
  return { ...graph, nodes: graph.nodes.map((node) => (node.name in row && isLeaf(node) ? { ...node, value: row[node.name] } : node)) };
}

/** One backward edge: the operand in slot `slot` of `node`. */
export interface BackwardEdge {
  node: string;
  slot: number;
}

/**
 * The backward pass run over the same edges in another order, each edge
 * taking its node's gradient as it stands when the edge runs: what a
 * backward pass without a topological order would compute. Sums add (+=) as
 * they should, so any difference from the trace is the order's alone.
 * `contributions` are in the order given, with `upstream` as it was then.
 */
export function backpropInOrder(trace: Trace, order: BackwardEdge[]): { grads: Grads; contributions: Contribution[] } {
  const byName = nodeMap(trace.graph);
  const local = new Map(trace.contributions.map((c) => [`${c.node}\u0000${c.slot}`, c]));
  const grads: Values = {};
  for (const node of trace.graph.nodes) if (node.op !== 'const') grads[node.name] = 0;
  grads[trace.graph.output] = 1;
  const received: Record<string, number> = {};
  const contributions = order.map(({ node, slot }) => {
    const right = local.get(`${node}\u0000${slot}`);
    if (!right)
      throw new Error(
        `no backward edge ${node}[${slot}] in this graph (${byName.has(node) ? 'a constant or unused slot' : 'no such node'})`,
      );
    const upstream = grads[node];
    const contribution = right.local * upstream;
    const sumBefore = grads[right.operand];
    grads[right.operand] = sumBefore + contribution;
    received[right.operand] = (received[right.operand] ?? 0) + 1;
    return {
      ...right,
      upstream,
      contribution,
      sumBefore,
      sumAfter: grads[right.operand],
      path: received[right.operand],
    };
  });
  return { grads, contributions };
}

/**
 * The trace's edge order with one mistake: `early`'s own edges run as soon as
 * the first edge into it has arrived, before the rest of its paths have.
 * Every edge still runs once.
 */
export function earlyOrder(trace: Trace, early: string): BackwardEdge[] {
  const edges = trace.contributions;
  const first = edges.findIndex((c) => c.operand === early);
  if (first === -1) return edges.map(({ node, slot }) => ({ node, slot }));
  const own = edges.filter((c) => c.node === early);
  const rest = edges.filter((c) => c.node !== early);
  const at = rest.indexOf(edges[first]) + 1;
  return [...rest.slice(0, at), ...own, ...rest.slice(at)].map(({ node, slot }) => ({ node, slot }));
}
