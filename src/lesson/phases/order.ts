/**
 * Order (in a lesson with `wrong_order:`, after the replay of the wrong one):
 * the learner builds the backward order by picking the next node (the task's
 * state is the session's: src/session/order.ts), then micrograd's build_topo
 * builds it, move by move, on the same graph.
 */
import type { Trace } from '../../engine/index.js';
import { bindingOf, ORDER_KEYS } from '../../keys/index.js';
import { buildTopo, rightOrder, type TopoMove } from '../backward-order.js';
import type { Lesson, Step } from '../steps.js';
import type { PhaseKind } from './kind.js';

/** Past this many nodes with a _backward the task has no key for each (1-9): the step shows a right order instead. */
export const MOST_PICKS = bindingOf(ORDER_KEYS, 'pick').keys.length;

/** Past this many nodes build_topo is shown as its result alone: a step per move would be hundreds. */
const MOST_MOVES = 40;

const tasks = new WeakMap<Lesson, number>();

/** The task's step: the phase's first. Found once per lesson, not on every key. */
function taskStep(lesson: Lesson): number {
  let at = tasks.get(lesson);
  if (at === undefined) tasks.set(lesson, (at = lesson.steps.findIndex((s) => s.phase === 'order')));
  return at;
}

export const order: PhaseKind = {
  phase: 'order',
  label: 'Order',
  chainRule: true,
  steps: ({ scenario, trace }) => (scenario.wrongOrder ? orderSteps(trace) : []),
  // The task is the phase's first step, where the graph is small enough to pick every node by its number.
  orderTask: (lesson, i) => i === taskStep(lesson) && rightOrder(lesson.trace).length <= MOST_PICKS,
};

const CODE = [
  '    def build_topo(v):',
  '        if v not in visited:',
  '            visited.add(v)',
  '            for child in v._prev:',
  '                build_topo(child)',
  '            topo.append(v)',
];

const set = (names: string[]) => `{${names.join(', ')}}`;
const list = (names: string[]) => `[${names.join(', ')}]`;

function moveStep(m: TopoMove): Step {
  const children = m.children.length === 0 ? 'it has no children' : `then build_topo on each child in _prev: ${m.children.join(', ')}`;
  const text =
    m.move === 'visit'
      ? `build_topo(${m.node}): ${m.node} is not in visited, so it is added; ${children}.`
      : m.move === 'again'
        ? `build_topo(${m.node}): ${m.node} is in visited already, so nothing happens: a node reached along two paths goes into topo once.`
        : m.children.length === 0
          ? `${m.node} has no children, so it is appended to topo at once.`
          : `Every child of ${m.node} (${m.children.join(', ')}) is in topo now, so ${m.node} is appended after them.`;
  return {
    phase: 'order',
    title: m.move === 'append' ? `build_topo: append ${m.node}` : `build_topo(${m.node})${m.move === 'again' ? ' again' : ''}`,
    text,
    lines: [
      `calls:   ${m.calls.map((c) => `build_topo(${c})`).join(' → ') || '(none left)'}`,
      `visited: ${set(m.visited)}`,
      `topo:    ${list(m.topo)}`,
    ],
    highlight: { nodes: [m.node, ...m.children], edges: m.children.map((c): [string, string] => [c, m.node]), current: m.node },
    // build_topo runs before the seed: no gradients yet.
    reached: { forward: Infinity, backward: -1 },
  };
}

function orderSteps(trace: Trace): Step[] {
  const out = trace.graph.output;
  const right = rightOrder(trace);
  const task: Step = {
    phase: 'order',
    title: 'Your order',
    text: `Build the backward order yourself: after the seed, pick the node whose _backward runs next, until every node with a _backward has run.`,
    lines:
      right.length <= MOST_PICKS
        ? [`A right order: ${right.join(', ')}.`]
        : [
            `This graph has ${right.length} nodes with a _backward, more than there are keys to pick them by. A right order: ${right.join(', ')}.`,
          ],
    highlight: { nodes: [out], edges: [], current: out },
    reached: { forward: Infinity, backward: 0 },
  };
  const { moves, topo } = buildTopo(trace, MOST_MOVES);
  const intro: Step = {
    phase: 'order',
    title: 'build_topo: how micrograd orders it',
    text: `micrograd's backward() builds the order before the seed: a depth-first walk from ${out} that appends a node to topo only after all its children.`,
    lines: ['    topo, visited = [], set()', ...CODE, `    build_topo(self)   # self is ${out}`],
    highlight: { nodes: [out], edges: [], current: out },
    reached: { forward: Infinity, backward: -1 },
  };
  const reversed = [...topo].reverse();
  const done: Step = {
    phase: 'order',
    title: 'build_topo: reversed',
    text: `topo lists every node after its children; reversed, every node comes before its children, so each runs its _backward after every node that uses it: ${reversed.join(', ')}.`,
    lines: [
      `topo:           ${list(topo)}`,
      `reversed(topo): ${list(reversed)}`,
      `    self.grad = 1.0   # the seed, ${out}`,
      '    for v in reversed(topo):',
      '        v._backward()',
      `An input's _backward does nothing (it has no operands), so the order that matters is ${right.join(', ')}.`,
    ],
    highlight: { nodes: reversed, edges: [], current: out },
    reached: { forward: Infinity, backward: Infinity },
  };
  return [task, intro, ...moves.map(moveStep), done];
}
