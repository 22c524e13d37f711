import {
  backpropInOrder,
  backpropOverwriting,
  earlyOrder,
  nodeMap,
  type BackwardEdge,
  type Contribution,
  type Grads,
  type Trace,
} from '../engine/index.js';

/** The classic bugs `code check` names, as the course names them. */
export type BugName = 'accumulate' | 'topological' | 'zero_grad' | 'tanh' | 'exp' | 'backward twice';

/** What each bug is, and the fix, in one sentence each. */
export const BUGS: Record<BugName, string> = {
  accumulate:
    'a gradient set with = instead of added with +=, so a node used twice keeps only its last path — in _backward write self.grad += …, never self.grad = ….',
  topological:
    'the _backward calls run out of order, so a node passes its gradient on before every edge into it has arrived — build_topo, then call _backward over reversed(topo).',
  zero_grad:
    'the gradients are never set back to 0, so each step adds this backward pass to every one before it — set p.grad = 0.0 for every parameter before loss.backward().',
  tanh: "tanh's local derivative taken from its input n (1 - n²), where it is 1 - t² of its output t = tanh(n) — use t (or out.data).",
  exp: "exp's local derivative is its own value, e^x (out.data), not x or 1 — self.grad += out.data * out.grad.",
  'backward twice':
    'backward() runs twice over the same graph, so every gradient gets a second pass added to the first — call loss.backward() once per step.',
};

/** The backward pass over the trace's edges, in its order, with += and another local derivative where `local` says so. */
function withLocal(trace: Trace, local: (c: Contribution) => number): Grads {
  const grads: Record<string, number> = {};
  for (const node of trace.graph.nodes) if (node.op !== 'const') grads[node.name] = 0;
  grads[trace.graph.output] = 1;
  for (const c of trace.contributions) grads[c.operand] += local(c) * grads[c.node];
  return grads;
}

/**
 * backward() run a second time over the same graph: the output's grad set to
 * 1 again, every other node's kept, and each edge adding local × upstream once
 * more. Reverse topological order still holds, so the result does not depend
 * on which of the valid orders runs.
 */
export function secondPass(trace: Trace, seed = 1): Grads {
  const grads: Record<string, number> = {};
  for (const [name, g] of Object.entries(trace.grads)) if (g !== undefined) grads[name] = g;
  grads[trace.graph.output] = seed;
  for (const c of trace.contributions) grads[c.operand] += c.local * grads[c.node];
  return grads;
}

/** The edges node by node, the nodes in forward order: build_topo's list without reversed(). */
function forwardOrder(trace: Trace): BackwardEdge[] {
  const byNode = new Map<string, BackwardEdge[]>();
  for (const { node, slot } of trace.contributions) {
    const edges = byNode.get(node);
    if (edges) edges.push({ node, slot });
    else byNode.set(node, [{ node, slot }]);
  }
  return [...byNode.values()].reverse().flat();
}

/** Each bug replayed on one graph: the gradients a learner with that bug would get (a bug may have several forms). */
export function graphReplays(trace: Trace): { bug: BugName; grads: Grads }[] {
  const byName = nodeMap(trace.graph);
  const opOf = (c: Contribution) => byName.get(c.node)?.op;
  const x = (c: Contribution) => trace.values[c.operand];
  // A node gathering several edges is where running it early shows.
  const gathering = [...new Set(trace.contributions.filter((c) => c.paths > 1 && byName.get(c.operand)?.op !== 'input'))].map(
    (c) => c.operand,
  );
  return [
    { bug: 'accumulate', grads: backpropOverwriting(trace) },
    { bug: 'topological', grads: backpropInOrder(trace, forwardOrder(trace)).grads },
    ...[...new Set(gathering)].map((node) => ({
      bug: 'topological' as const,
      grads: backpropInOrder(trace, earlyOrder(trace, node)).grads,
    })),
    { bug: 'tanh', grads: withLocal(trace, (c) => (opOf(c) === 'tanh' ? 1 - x(c) * x(c) : c.local)) },
    { bug: 'exp', grads: withLocal(trace, (c) => (opOf(c) === 'exp' ? x(c) : c.local)) },
    { bug: 'exp', grads: withLocal(trace, (c) => (opOf(c) === 'exp' ? 1 : c.local)) },
    { bug: 'backward twice', grads: secondPass(trace) },
  ];
}
