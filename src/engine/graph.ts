/**
 * The computational graph as the engine, the lesson and the layout see it.
 * Plain data: a scenario file becomes one of these, and nothing here computes.
 */

/**
 * What a node holds: `input` or `const` (the leaves), or the name of a row of
 * the op table (OPS in ops.ts): `+`, `^`, `neg`, `tanh`… A string, not a closed
 * union of today's names: the table is what says which ops there are, and a
 * row added to it (even at run time, as the op-row test adds `sinh`) has to be
 * an op with no other file changed.
 */
export type OpName = string;

export interface GraphNode {
  /** Unique. For a named node, the scenario's name; for an inner operation, a readable label such as `a*b`. */
  name: string;
  op: OpName;
  /** Operand node names, in operand order (`a / b` → ['a', 'b']). A name may appear twice (`a * a`). */
  inputs: string[];
  /** The given value of an `input` or `const` leaf. */
  value?: number;
  /** True for an inner operation of a nested expression that the scenario did not name. */
  generated: boolean;
  /**
   * One sentence from the scenario's `notes`: an operation's is shown at its forward step; a leaf's, which has
   * none, at the backward step of its last edge (and at the slope lesson's summary).
   */
  note?: string;
}

export interface Graph {
  /** Every node, in topological order (operands before the node that uses them); ties keep scenario order. */
  nodes: GraphNode[];
  /** The `input` leaves, in the scenario's display order. These are what the nudge moves. */
  inputs: string[];
  /** The node whose gradient is seeded with 1. */
  output: string;
}

/** Inputs and constants: the leaves, which hold a value instead of an operation. */
export function isLeaf(node: GraphNode): boolean {
  return node.op === 'input' || node.op === 'const';
}

/** An edge runs from an operand to the node that uses it. `slot` tells `a * a`'s two edges apart. */
export interface Edge {
  from: string;
  to: string;
  slot: number;
}

export function edgesOf(graph: Graph): Edge[] {
  const edges: Edge[] = [];
  for (const node of graph.nodes) {
    node.inputs.forEach((from, slot) => edges.push({ from, to: node.name, slot }));
  }
  return edges;
}

/** The numbers a drawing of the graph shows: what is known so far (undefined: not computed or not reached yet). */
export interface GraphState {
  values: Record<string, number | undefined>;
  grads: Record<string, number | undefined>;
}

/** What a step is about, on the drawing: the nodes and edges it lights up. */
export interface Highlight {
  nodes: string[];
  /** [from, to] pairs, operand → the node that uses it; lights every edge between that pair (both edges of `a * a`). */
  edges: [string, string][];
  /** The node the step is about; drawn with a double border and a ▸. */
  current?: string;
}
