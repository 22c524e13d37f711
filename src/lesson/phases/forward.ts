/**
 * Forward: one step per operation, in the order the values are computed.
 * Each asks, in predict mode, for the value the step computes.
 */
import { isLeaf, opRow, type GraphNode, type Values } from '../../engine/index.js';
import { describeRoles } from '../../layout/describe.js';
import { asOperand, num, operandNum } from '../format.js';
import { forwardQuestion } from '../quiz.js';
import type { Highlight, Reached, Step } from '../steps.js';
import type { PhaseKind } from './kind.js';

export const forward: PhaseKind = {
  phase: 'forward',
  label: 'Forward',
  setup: true,
  steps: ({ trace }) => {
    const steps: Step[] = [];
    for (const node of trace.graph.nodes) if (!isLeaf(node)) steps.push(new ForwardStep(node, trace.values, steps.length + 1));
    return steps;
  },
  question: (lesson, i) => {
    const { trace } = lesson;
    const step = lesson.steps[i];
    if (!(step instanceof ForwardStep)) return undefined;
    const { node } = step;
    if (!Number.isFinite(trace.values[node.name])) return undefined;
    if (!node.inputs.every((name) => Number.isFinite(trace.values[name]))) return undefined;
    return forwardQuestion(node, trace, i);
  },
};

/** Where a value leaves the real numbers, say so at the node where it happens. */
function leftTheReals(node: GraphNode, values: Values): string[] {
  const value = values[node.name];
  const operandsFinite = node.inputs.every((name) => Number.isFinite(values[name]));
  if (Number.isFinite(value) || !operandsFinite) return [];
  return [
    `${node.name} is ${num(value)}: ${opRow(node.op).write(node.inputs.map(asOperand))} leaves the real numbers here, and every node that uses it inherits that.`,
  ];
}

/**
 * A forward step, made from its node when read: a lesson has one per
 * operation, and 100,000 object literals with their words, arrays and
 * getters held over a hundred megabytes; these hold three references.
 */
class ForwardStep implements Step {
  readonly phase = 'forward';
  constructor(
    readonly node: GraphNode,
    private readonly values: Values,
    /** How many operations the forward pass has computed once this step has run. */
    private readonly computed: number,
  ) {}

  get title(): string {
    return `Forward: ${this.node.name}`;
  }

  get text(): string {
    const { node, values } = this;
    const row = opRow(node.op);
    const symbols = row.write(node.inputs.map(asOperand));
    const numbers = row.write(node.inputs.map((name) => operandNum(values[name])));
    // A generated node's name is its expression already: don't say it twice.
    const lhs = node.generated ? symbols : `${node.name} = ${symbols}`;
    return `${lhs} = ${numbers} = ${num(values[node.name])}`;
  }

  get lines(): string[] {
    // Which operand of a ^ or a / is which, in words: the drawing's edge labels, for a screen reader too.
    const roles = describeRoles(this.node, asOperand);
    return [...leftTheReals(this.node, this.values), ...(roles ? [roles] : []), ...(this.node.note ? [this.node.note] : [])];
  }

  get highlight(): Highlight {
    const { name, inputs } = this.node;
    return { nodes: [name, ...inputs], edges: inputs.map((from): [string, string] => [from, name]), current: name };
  }

  get reached(): Reached {
    return { forward: this.computed, backward: -1 };
  }
}
