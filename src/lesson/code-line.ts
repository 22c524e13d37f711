/**
 * The line of code a step runs, as micrograd's `Value` writes it and again with
 * the lesson's names: the backward edge of a product e = a·b into a is
 * `a.grad += b.data * e.grad`, micrograd's `self.grad += other.data * out.grad`.
 * The nudge and each training update run `p.data += rate * p.grad`. The micrograd line is the exported `Value` class's own (backwardLine), read
 * from the op row, so the two never differ.
 */
import { nodeMap, opRow, type Graph } from '../engine/index.js';
import { backwardLine } from '../export/value-class.js';
import { asOperand, num } from './format.js';
import type { Lesson } from './steps.js';

export interface CodeLine {
  /** With the lesson's names: `a.grad += b.data * e.grad`. */
  lesson: string;
  /** As micrograd's `_backward` writes it: `self.grad += other.data * out.grad`. */
  micrograd: string;
}

/** The code step `i` runs: the seed, a backward edge, the nudge; undefined for a step that runs none of these. */
export function codeLineAt(lesson: Lesson, i: number): CodeLine | undefined {
  const step = lesson.steps[i];
  const graph = lesson.trace.graph;
  if (step.phase === 'seed') return { lesson: `${asOperand(graph.output)}.grad = 1.0`, micrograd: 'self.grad = 1.0' };
  if (step.phase === 'nudge')
    return updateLine(
      lesson.nudge.rate,
      lesson.nudge.moves.map((m) => m.input),
    );
  // A Train step's update: the same line at the training's rate (the lecture's loop after backward).
  if (step.update !== undefined && lesson.training) return updateLine(lesson.training.run.rate, lesson.data.params);
  const c = step.contribution;
  return c ? edgeLine(graph, c.node, c.slot) : undefined;
}

/** The backward edge into operand `slot` of `node`. */
export function edgeLine(graph: Graph, node: string, slot: number): CodeLine {
  const byName = nodeMap(graph);
  const { op, inputs } = byName.get(node)!;
  const micrograd = backwardLine(opRow(op), slot);
  // self is the first operand, other the second, out the node, whichever operand the edge is into.
  const names: Record<string, string> = { self: inputs[0], other: inputs[1], out: node };
  const lesson = micrograd.replace(/\b(self|other|out)\.(data|grad)\b/g, (_, who: string, field: string) => {
    const name = names[who];
    // A constant is its number: `2 * x.grad`, not `2.data`.
    return byName.get(name)?.op === 'const' && field === 'data' ? asOperand(name) : `${asOperand(name)}.${field}`;
  });
  return { lesson, micrograd };
}

/** How many params the nudge's line names before it says how many more. */
const NAMED_PARAMS = 3;

/** The nudge, or a training update: every param moves by the rate (with its sign, as the lesson has it) times its gradient. */
function updateLine(by: number, names: string[]): CodeLine {
  const rate = num(by);
  const params = names.map(asOperand);
  const micrograd = `p.data += ${rate} * p.grad`;
  if (params.length === 1) return { lesson: `${params[0]}.data += ${rate} * ${params[0]}.grad`, micrograd };
  const more = params.length - NAMED_PARAMS;
  const listed = more > 0 ? [...params.slice(0, NAMED_PARAMS), `… ${more} more`] : params;
  return { lesson: `for p in [${listed.join(', ')}]: ${micrograd}`, micrograd };
}
