/**
 * Named expressions → a Graph: one node per operation and per literal, in
 * topological order, with generated names for what the scenario did not name.
 *
 * Knows nothing about YAML: where something is wrong it calls `fail` with the
 * definition and a character offset in its expression (or 'key' for its name),
 * and the loader turns that into `file:line:col`.
 */

import type { Graph, GraphNode, OpName } from '../engine/graph.js';
import { functionOp, operatorOp } from '../engine/ops.js';
import { childrenOf, preorder, type Expr } from './expression.js';
import { generatedNameOf, nameAllocator } from './labels.js';
import { didYouMean } from './names.js';

export interface InputDef {
  name: string;
  value: number;
}

export interface NodeDef {
  name: string;
  /** Always an operation: the loader rejects a bare name or number. */
  expr: Expr;
}

export type Fail = (def: NodeDef, at: number | 'key', problem: string, fix: string) => never;

/**
 * The graph of `defs` over `inputs`; its output is the last definition (the loader
 * replaces it when the scenario names one). Every node is kept, even one the output
 * does not depend on: the author may want it shown, and its gradient is simply 0.
 */
export function buildGraph(inputs: InputDef[], defs: NodeDef[], fail: Fail): Graph {
  checkNames(inputs, defs, fail);
  const output = defs[defs.length - 1]?.name ?? '';
  return { nodes: orderNodes(inputs, defs, fail), inputs: inputs.map((i) => i.name), output };
}

/** Every name in every expression is defined. File order, so the first mistake is reported first. */
function checkNames(inputs: InputDef[], defs: NodeDef[], fail: Fail): void {
  const defined = [...inputs.map((i) => i.name), ...defs.map((d) => d.name)];
  const known = new Set(defined);
  for (const def of defs) {
    for (const expr of preorder(def.expr)) {
      if (expr.kind === 'name' && !known.has(expr.name)) {
        // Not the node itself as a suggestion: that would make a cycle.
        const others = defined.filter((name) => name !== def.name);
        fail(
          def,
          expr.offset,
          `unknown name \`${expr.name}\`${didYouMean(expr.name, others)}`,
          `correct it, or define \`${expr.name}\` under inputs or nodes`,
        );
      }
    }
  }
}

function opOf(expr: Expr): OpName {
  switch (expr.kind) {
    case 'number':
      return 'const';
    case 'neg':
      return 'neg';
    case 'binary':
      return operatorOp(expr.op);
    case 'call': {
      const op = functionOp(expr.fn);
      if (!op) throw new Error(`the parser accepted \`${expr.fn}\`, which no op row defines`);
      return op;
    }
    case 'name':
      throw new Error('a name is a reference, not a node');
  }
}

type Work = { kind: 'visit'; expr: Expr; def: NodeDef } | { kind: 'emit'; expr: Expr; def: NodeDef } | { kind: 'finish'; def: NodeDef };

/**
 * Inputs first, in file order; then each named node in file order, preceded by
 * whatever it needs that is not placed yet: a node it refers to (however late in
 * the file) and its own inner operations, operands first. A depth-first walk with
 * an explicit stack, so neither a long chain of nodes nor a deep expression can
 * overflow the call stack; a reference back into the walk's current path is a cycle.
 */
function orderNodes(inputs: InputDef[], defs: NodeDef[], fail: Fail): GraphNode[] {
  const nodes: GraphNode[] = inputs.map((i) => ({ name: i.name, op: 'input', inputs: [], value: i.value, generated: false }));
  const byName = new Map(defs.map((d) => [d.name, d]));
  const fileOrder = new Map(defs.map((d, k) => [d.name, k]));
  const uniqueName = nameAllocator([...inputs.map((i) => i.name), ...defs.map((d) => d.name)]);
  const nameOf = new Map<Expr, string>();
  const label = new Map<Expr, string>();
  const done = new Set<string>();
  const path: NodeDef[] = [];
  const onPath = new Set<NodeDef>();
  const stack: Work[] = [];

  const start = (def: NodeDef): void => {
    path.push(def);
    onPath.add(def);
    stack.push({ kind: 'finish', def }, { kind: 'visit', expr: def.expr, def });
  };

  for (const first of defs) {
    if (done.has(first.name)) continue;
    start(first);
    while (stack.length > 0) {
      const work = stack.pop() as Work;
      if (work.kind === 'finish') {
        done.add(work.def.name);
        path.pop();
        onPath.delete(work.def);
      } else if (work.kind === 'visit') {
        const { expr, def } = work;
        if (expr.kind === 'name') {
          nameOf.set(expr, expr.name);
          label.set(expr, expr.name);
          const target = byName.get(expr.name);
          if (target && !done.has(target.name)) {
            if (onPath.has(target)) reportCycle(path.slice(path.indexOf(target)), fileOrder, fail);
            start(target);
          }
        } else {
          stack.push({ kind: 'emit', expr, def });
          const children = childrenOf(expr);
          for (let k = children.length - 1; k >= 0; k--) stack.push({ kind: 'visit', expr: children[k], def });
        }
      } else {
        const { expr, def } = work;
        const text = generatedNameOf(expr, (child) => label.get(child) ?? '?');
        const named = expr === def.expr;
        const name = named ? def.name : uniqueName(text);
        // A user of a node reads it by name: `c*d`, not `(a+b)*d`; `(a+b)*(a+b′)`, told apart.
        // A constant is read as its number: every 2 is the same 2.
        label.set(expr, expr.kind === 'number' ? text : name);
        nameOf.set(expr, name);
        const node: GraphNode = { name, op: opOf(expr), inputs: childrenOf(expr).map((c) => nameOf.get(c) ?? '?'), generated: !named };
        if (expr.kind === 'number') node.value = expr.value;
        nodes.push(node);
      }
    }
  }
  return nodes;
}

/** Names a cycle from its member that comes first in the file: `c → d → c`. */
function reportCycle(members: NodeDef[], fileOrder: Map<string, number>, fail: Fail): never {
  let first = 0;
  members.forEach((m, k) => {
    if ((fileOrder.get(m.name) ?? 0) < (fileOrder.get(members[first].name) ?? 0)) first = k;
  });
  const rotated = [...members.slice(first), ...members.slice(0, first)];
  const cycle = [...rotated, rotated[0]].map((m) => m.name).join(' → ');
  const problem =
    rotated.length === 1 ? `\`${rotated[0].name}\` uses itself: ${cycle}` : `these nodes depend on each other in a cycle: ${cycle}`;
  return fail(rotated[0], 'key', problem, 'rewrite one of their expressions so that no node needs its own value');
}
