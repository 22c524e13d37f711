/**
 * The ordering task on screen, in a lesson or a practice problem: the nodes
 * by number, the order so far, what the last pick did, and at the end the
 * learner's order against a right one. The drawing shows the gradients as the
 * learner's order leaves them, so a pick made too early shows its number.
 */
import { nodeMap, type Trace } from '../engine/index.js';
import { keyOf, ORDER_KEYS } from '../keys/index.js';
import { finished, notYetDone, replay, rightOrder, isTopological, type OrderTask } from './backward-order.js';
import { num, partial, table } from './format.js';
import type { GraphState, Highlight } from './steps.js';

export interface OrderView {
  lines: string[];
  shown: GraphState;
  highlight: Highlight;
}

const ORDINAL = (k: number) =>
  `${k}${k % 10 === 1 && k !== 11 ? 'st' : k % 10 === 2 && k !== 12 ? 'nd' : k % 10 === 3 && k !== 13 ? 'rd' : 'th'}`;

/** "c", "c and e", "c, e and z". */
const and = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** The gradients the picks leave: the seed's, and each operand's that some edge has reached (not the 0 every other starts at). */
function gradsOf(trace: Trace, picks: string[]): GraphState['grads'] {
  const all = replay(trace, picks);
  const reached = new Set([trace.graph.output, ...trace.contributions.filter((c) => picks.includes(c.node)).map((c) => c.operand)]);
  return Object.fromEntries([...reached].map((name) => [name, all[name]]));
}

/** What the last pick did: sent its full gradient on, or (too early) only part of it, and what that leaves. */
function lastPick(trace: Trace, task: OrderTask): string[] {
  const node = task.picks.at(-1)!;
  const before = task.picks.slice(0, -1);
  const had = replay(trace, before)[node] ?? 0;
  const full = trace.grads[node] ?? 0;
  const operands = [...new Set(trace.contributions.filter((c) => c.node === node).map((c) => c.operand))];
  const now = replay(trace, task.picks);
  const holds = operands.map((o) => `${o} holds ${num(now[o])}`).join(', ');
  const waiting = notYetDone(trace, before, node);
  if (waiting.length === 0)
    return [`${node}'s _backward ran with its whole gradient ${partial(trace.graph.output, node)} = ${num(full)}: ${holds}.`];
  const theirs = `${node}'s ${waiting.length === 1 ? 'consumer' : 'consumers'}`;
  return [
    `Too early: ${theirs} ${and(waiting)} had not yet sent ${waiting.length === 1 ? 'its part' : 'their parts'}, so ${node} passed on ${num(had)}, not its whole ${num(full)}. Now ${holds}; the right order ends with ${operands.map((o) => `${o} at ${num(trace.grads[o])}`).join(', ')}.`,
    `${keyOf(ORDER_KEYS, 'undo')} takes ${node} back; or pick on, to see the gradients this order ends with.`,
  ];
}

/** The end: the learner's order against a right one, and the gradients that differ. */
function result(trace: Trace, task: OrderTask): string[] {
  const right = rightOrder(trace);
  const lines = [`Your order:   ${task.picks.join(', ')}`, `A right one:  ${right.join(', ')}`];
  if (isTopological(trace, task.picks)) {
    const same = task.picks.join() === right.join();
    return [
      ...lines,
      same
        ? 'The same: each node ran after every node that uses it, so each passed on its whole gradient.'
        : 'Yours is right too: each node ran after every node that uses it. Any such order (a reverse topological order) gives the same gradients.',
    ];
  }
  const mine = replay(trace, task.picks);
  const differ = trace.graph.nodes.filter((n) => trace.grads[n.name] !== undefined && num(mine[n.name]) !== num(trace.grads[n.name]));
  const early = task.picks.filter((node, k) => notYetDone(trace, task.picks.slice(0, k), node).length > 0);
  return [
    ...lines,
    ...table([['node', 'right', 'your order'], ...differ.map((n) => [n.name, num(trace.grads[n.name]), num(mine[n.name])])]),
    `${and(early)} ran before every node that uses ${early.length === 1 ? 'it' : 'them'} had sent ${early.length === 1 ? 'its' : 'their'} part: what arrived after was never passed on.`,
  ];
}

/** The task as it stands, for the step's text and drawing. */
export function orderView(trace: Trace, task: OrderTask): OrderView {
  const out = trace.graph.output;
  const listed = task.listed.map((node, k) => {
    const at = task.picks.indexOf(node);
    return `  ${k + 1}. ${node}${at === -1 ? '' : `   ✓ ${ORDINAL(at + 1)}`}`;
  });
  const picks = `${keyOf(ORDER_KEYS, 'pick')}-${task.listed.length}`;
  const lines = [
    `After the seed (${partial(out, out)} = 1), pick the node whose _backward runs next by its number (${picks}); ${keyOf(ORDER_KEYS, 'undo')} takes one back.`,
    ...listed,
    ...(task.picks.length === 0
      ? []
      : finished(task)
        ? result(trace, task)
        : [`So far: ${task.picks.join(', ')}`, ...lastPick(trace, task)]),
  ];
  const last = task.picks.at(-1) ?? out;
  const operands = [...new Set(nodeMap(trace.graph).get(last)?.inputs ?? [])];
  return {
    lines,
    shown: { values: trace.values, grads: gradsOf(trace, task.picks) },
    highlight: { nodes: [last, ...operands], edges: operands.map((o): [string, string] => [o, last]), current: last },
  };
}
