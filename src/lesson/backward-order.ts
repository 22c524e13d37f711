/**
 * The order of the backward pass, as the learner builds it and as micrograd
 * does. A node's `_backward` sends its gradient on to its operands, so it may
 * run only once every node that uses it (its consumers) has sent it their
 * part. The ordering task checks each pick against that rule, and replays an
 * order picked too early with the engine's own edges (backpropInOrder), so the
 * wrong gradient it gives is the engine's number, not a story.
 */
import { backpropInOrder, nodeMap, type BackwardEdge, type Grads, type Trace } from '../engine/index.js';

/** The ordering task as it stands: the nodes in the order they are listed (their numbers), and the ones picked. */
export interface OrderTask {
  /** Every node with a _backward, in the order the task numbers them (1, 2, …); the numbers never change. */
  listed: string[];
  /** The nodes picked so far, in order: each ran its _backward when picked. */
  picks: string[];
  /** Nodes picked before every consumer was done, as picked, undone or not: practice judges the first try. */
  early: string[];
}

/** The nodes with a _backward that sends gradient somewhere (the operations), in the order the engine runs them: a right order. */
export function rightOrder(trace: Trace): string[] {
  return [...new Set(trace.contributions.map((c) => c.node))];
}

/** The nodes that use each operand, without repeats (`b + b` uses b once, along two edges). */
export function consumersOf(trace: Trace): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const c of trace.contributions) {
    const list = users.get(c.operand) ?? [];
    if (!list.includes(c.node)) list.push(c.node);
    users.set(c.operand, list);
  }
  return users;
}

/** The consumers of `node` that have not run their _backward yet: while there are any, its gradient is not complete. */
export function notYetDone(trace: Trace, done: readonly string[], node: string): string[] {
  return (consumersOf(trace).get(node) ?? []).filter((user) => !done.includes(user));
}

/** A new task; the nodes listed by name unless the caller shuffles them (practice does, by its seed). */
export function newTask(trace: Trace, listed: string[] = [...rightOrder(trace)].sort()): OrderTask {
  return { listed, picks: [], early: [] };
}

/** The task once `node` has run its _backward: accepted even if too early, which `early` keeps. */
export function pick(trace: Trace, task: OrderTask, node: string): OrderTask {
  if (task.picks.includes(node) || !task.listed.includes(node)) return task;
  const early = notYetDone(trace, task.picks, node).length > 0;
  return { ...task, picks: [...task.picks, node], early: early ? [...task.early, node] : task.early };
}

/** The last pick taken back. */
export function undo(task: OrderTask): OrderTask {
  return { ...task, picks: task.picks.slice(0, -1) };
}

export const finished = (task: OrderTask): boolean => task.picks.length === task.listed.length;

/** Each node's backward edges, node by node in the order given: what `for v in order: v._backward()` runs. */
export function edgesInOrder(trace: Trace, order: readonly string[]): BackwardEdge[] {
  return order.flatMap((node) => trace.contributions.filter((c) => c.node === node).map(({ slot }) => ({ node, slot })));
}

/** The gradients once the nodes of `order` have run their _backward, in that order, from the seed. */
export function replay(trace: Trace, order: readonly string[]): Grads {
  return backpropInOrder(trace, edgesInOrder(trace, order)).grads;
}

/** Whether every node of `order` comes after every node that uses it. */
export function isTopological(trace: Trace, order: readonly string[]): boolean {
  return order.every((node, k) => notYetDone(trace, order.slice(0, k), node).length === 0);
}

/** One move of micrograd's build_topo: a node visited (added to `visited`), met again (skipped), or appended to `topo`. */
export interface TopoMove {
  move: 'visit' | 'again' | 'append';
  node: string;
  /** Its children as `_prev` holds them: its operands, each once. */
  children: string[];
  /** The calls under way, outermost first: build_topo(z) → build_topo(c) → … */
  calls: string[];
  visited: string[];
  topo: string[];
}

/**
 * micrograd's build_topo from the output, move by move:
 *
 *     def build_topo(v):
 *         if v not in visited:
 *             visited.add(v)
 *             for child in v._prev:
 *                 build_topo(child)
 *             topo.append(v)
 *
 * micrograd's `_prev` is a set, visited in whatever order Python keeps it; here the operands in their order.
 * The moves are kept only up to `most` nodes (each holds a copy of the lists); `topo` always.
 */
export function buildTopo(trace: Trace, most = Infinity): { moves: TopoMove[]; topo: string[] } {
  const nodes = nodeMap(trace.graph);
  const keep = trace.graph.nodes.length <= most;
  const moves: TopoMove[] = [];
  const seen = new Set<string>();
  const visited: string[] = [];
  const topo: string[] = [];
  const calls: string[] = [];
  const childrenOf = (name: string) => [...new Set(nodes.get(name)?.inputs ?? [])];
  const record = (move: TopoMove['move'], node: string) => {
    if (keep) moves.push({ move, node, children: childrenOf(node), calls: [...calls], visited: [...visited], topo: [...topo] });
  };
  // A stack, not recursion: a deep graph (100,000 nodes in a chain) would overflow the call stack.
  const stack: { node: string; next: number }[] = [];
  const enter = (node: string) => {
    if (seen.has(node)) return record('again', node);
    seen.add(node);
    visited.push(node);
    calls.push(node);
    record('visit', node);
    stack.push({ node, next: 0 });
  };
  enter(trace.graph.output);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const children = childrenOf(top.node);
    if (top.next < children.length) {
      enter(children[top.next++]);
      continue;
    }
    stack.pop();
    topo.push(top.node);
    record('append', top.node);
    calls.pop();
  }
  return { moves, topo };
}
