/**
 * Wrong order (`wrong_order: b` in a scenario): the backward pass replayed
 * with node b passing its gradient on as soon as its first path has arrived,
 * edge by edge, then the gradients it leaves beside the right ones. The
 * drawing shows the replay's gradients, not the real pass's.
 */
import { backpropInOrder, earlyOrder, edgesInto, isLeaf, type Contribution, type Graph, type Trace } from '../../engine/index.js';
import { didYouMean } from '../../scenario/names.js';
import { isEmpty } from '../../scenario/yaml-positions.js';
import { num, operandNum, partial, table } from '../format.js';
import type { Step, WrongOrder } from '../steps.js';
import { whichLoss, type WhichLoss } from '../which-loss.js';
import type { Entry, Node, PhaseKind, SectionReader } from './kind.js';

export const wrongOrder: PhaseKind = {
  phase: 'wrong-order',
  label: 'Wrong order',
  chainRule: true,
  key: {
    name: 'wrong_order',
    read: (reader, entry, scenario) => {
      scenario.wrongOrder = readWrongOrder(reader, entry, scenario.graph, scenario.slope?.backward ?? true);
    },
  },
  steps: (lesson) => {
    const { scenario, trace } = lesson;
    if (!scenario.wrongOrder) return [];
    lesson.wrongOrder = wrongOrderRun(trace, scenario.wrongOrder);
    return wrongOrderSteps(trace, lesson.wrongOrder, whichLoss(scenario));
  },
};

/**
 * `wrong_order: b`: the node that passes its gradient on too early in the
 * replay. Only a node reached along several edges can: with one, every order
 * gives the same gradients.
 */
function readWrongOrder(reader: SectionReader, entry: Entry, graph: Graph, backward: boolean): string {
  const value = reader.deref(entry.value);
  const inner = graph.nodes.filter((n) => !isLeaf(n)).map((n) => n.name);
  const edges = new Map<string, number>();
  for (const node of graph.nodes) for (const operand of node.inputs) edges.set(operand, (edges.get(operand) ?? 0) + 1);
  const candidates = inner.filter((name) => (edges.get(name) ?? 0) > 1);
  const fix =
    candidates.length > 0
      ? `name ${candidates.map((c) => `\`${c}\``).join(' or ')}`
      : 'use a graph where a node is used twice, e.g. `c: b + b`';
  if (isEmpty(value)) reader.fail(entry.key, '`wrong_order` is empty', `${fix}, or remove the key`);
  const name = reader.nameOf(value as Node);
  if (!graph.nodes.some((n) => n.name === name))
    reader.fail(value, `\`wrong_order\` names \`${name}\`, which is not a node${didYouMean(name, inner)}`, fix);
  if (!inner.includes(name)) reader.fail(value, `\`wrong_order\` names \`${name}\`, which is an input and passes no gradient on`, fix);
  if (!candidates.includes(name))
    reader.fail(value, `\`${name}\` is used only once, so no order of the backward pass can change its gradient`, fix);
  if (!backward)
    reader.fail(
      entry.key,
      '`wrong_order` replays the backward pass, which this lesson ends before',
      'remove `wrong_order`, or set `backward: true` under `slope`',
    );
  return name;
}

function wrongOrderRun(trace: Trace, early: string): WrongOrder {
  return { early, ...backpropInOrder(trace, earlyOrder(trace, early)) };
}

/**
 * The backward pass again, with `early`'s edges run as soon as its first path
 * has arrived: each edge as it runs, then the gradients beside the right ones.
 */
function wrongOrderSteps(trace: Trace, wrong: WrongOrder, of: WhichLoss | undefined): Step[] {
  const out = trace.graph.output;
  const b = wrong.early;
  const into = edgesInto(trace).get(b) ?? [];
  const users = [...new Set(into.map((c) => c.node))].join(' and ');
  const edgeName = (c: Contribution) => `${c.node} → ${c.operand}`;
  const right = trace.contributions.map(edgeName).join(', ');
  const wrongOrder = wrong.contributions.map(edgeName).join(', ');
  const intro: Step = {
    phase: 'wrong-order',
    title: 'Wrong order: the plan',
    text: `The same backward pass in another order: ${b} passes its gradient on as soon as the first of its ${into.length} edges from ${users} has reached it.`,
    lines: [
      `topological order: ${right}`,
      `this replay:       ${wrongOrder}`,
      'Every edge still runs once, and every sum still adds (+=); only the order differs.',
    ],
    highlight: { nodes: [b], edges: [], current: b },
    reached: { forward: Infinity, backward: 0, replay: { run: wrong, ran: 0 } },
  };
  let arrived = 0;
  // Whether b has run one of its own edges yet: a path that reaches b after that is too late.
  let passedOn = false;
  const steps = wrong.contributions.map((c, k): Step => {
    if (c.operand === b) arrived++;
    const lines = [
      `upstream: ${partial(out, c.node)} = ${num(c.upstream)}   (${c.node === out ? 'the seed' : `what ${c.node} has so far`})`,
      `local:    ${partial(c.node, c.operand)} = ${num(c.local)}`,
      `${c.operand} now: ${num(c.sumBefore)} + ${operandNum(c.upstream)} · ${operandNum(c.local)} = ${num(c.sumAfter)}`,
    ];
    const complete = trace.grads[c.node];
    if (c.node === b && c.upstream !== complete)
      lines.push(
        `Too early: ${c.node} has ${arrived} of its ${into.length} edges so far, so it passes on ${num(c.upstream)}, not its full ${num(complete)}.`,
      );
    if (c.operand === b && passedOn)
      lines.push(
        `Too late: ${b} has already passed its gradient on. It now holds ${num(c.sumAfter)}, but nothing carries the rest further back.`,
      );
    if (c.node === b) passedOn = true;
    return {
      phase: 'wrong-order',
      title: `Wrong order: ${edgeName(c)}`,
      text: `${partial(out, c.operand)} += ${operandNum(c.upstream)} · ${operandNum(c.local)} = ${num(c.contribution)}, so ${c.operand} has ${num(c.sumAfter)}${of ? ` (${of.first})` : ''}.`,
      lines,
      highlight: { nodes: [c.node, c.operand], edges: [[c.operand, c.node]], current: c.operand },
      reached: { forward: Infinity, backward: 0, replay: { run: wrong, ran: k + 1 } },
    };
  });
  const differ = trace.graph.nodes.filter((n) => num(wrong.grads[n.name]) !== num(trace.grads[n.name]));
  const result: Step = {
    phase: 'wrong-order',
    title: 'Wrong order: why',
    text: `A node may pass its gradient on only when every path into it has arrived; that is what the topological order guarantees.${of ? ` The gradients are of ${of.first}.` : ''}`,
    lines: [
      ...table([
        ['node', 'topological', 'this replay'],
        ...differ.map((n) => [n.name, num(trace.grads[n.name]), num(wrong.grads[n.name])]),
      ]),
      `The reverse topological order visits a node only after every node that uses it, so each gradient is complete before it flows on. Out of order, the paths that arrive late are lost to everything before.`,
    ],
    highlight: { nodes: differ.map((n) => n.name), edges: [] },
    reached: { forward: Infinity, backward: 0, replay: { run: wrong, ran: Infinity } },
  };
  return [intro, ...steps, result];
}
