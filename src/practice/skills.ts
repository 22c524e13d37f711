/**
 * The skills practice trains and mastery is kept for: each a small idea of
 * backpropagation a learner can get right or wrong on its own. Every question
 * the course asks exercises one or more of them.
 */

import { nodeMap, type GraphNode, type OpName } from '../engine/index.js';
import { questionAt, type Lesson } from '../lesson/index.js';

export interface Skill {
  id: string;
  title: string;
}

export const SKILLS: readonly Skill[] = [
  { id: 'sum-rule', title: 'The sum rule: a + passes the gradient on unchanged' },
  { id: 'product-rule', title: 'The product rule: each factor gets the other factor' },
  { id: 'chain', title: 'The chain rule through an intermediate node' },
  { id: 'two-paths', title: 'A node reached along two paths: gradients add (+=)' },
  { id: 'constants-powers', title: 'Constants and powers' },
  { id: 'tanh', title: 'tanh: its slope 1 - t² reads the output t' },
  { id: 'exp', title: 'exp: its slope is its own value' },
  { id: 'division', title: 'Division: the slopes of a / b' },
  { id: 'nudge-direction', title: 'Which way the output goes when the params are nudged' },
  { id: 'backward-order', title: 'The order the _backward calls run in' },
  { id: 'zero-grad', title: 'What zero_grad does between backward passes' },
];

export const isSkill = (id: string): boolean => SKILLS.some((s) => s.id === id);

/**
 * The skill an operation's own slope exercises. The course's lessons use only
 * the first eight ops; log, relu and sigmoid go with the skill whose rule
 * theirs resembles (1/a as in a division, a slope of 1 that passes the
 * gradient on as a sum does, a slope read from the output as tanh's is).
 */
const SKILL_OF_OP: Record<Exclude<OpName, 'input' | 'const'>, string> = {
  '+': 'sum-rule',
  '-': 'sum-rule',
  '*': 'product-rule',
  '/': 'division',
  '^': 'constants-powers',
  neg: 'constants-powers',
  tanh: 'tanh',
  exp: 'exp',
  log: 'division',
  relu: 'sum-rule',
  sigmoid: 'tanh',
};

/** The op's skill, and constants-powers too where an operand is a constant (`2 · a`). */
function skillsOfNode(node: GraphNode, lesson: Lesson): string[] {
  if (node.op === 'input' || node.op === 'const') return [];
  const nodes = nodeMap(lesson.trace.graph);
  const constant = node.inputs.some((name) => nodes.get(name)?.op === 'const');
  return [...new Set([SKILL_OF_OP[node.op], ...(constant ? ['constants-powers'] : [])])];
}

/** The skills a course question exercises, from its kind and the op of its node; none where the step asks nothing. */
export function skillsOfQuestion(lesson: Lesson, step: number): string[] {
  const question = questionAt(lesson, step);
  if (!question) return [];
  const nodes = nodeMap(lesson.trace.graph);
  const { contribution, highlight } = lesson.steps[step];
  const nodeOfStep = nodes.get(contribution?.node ?? highlight.current ?? '');
  const ofNode = nodeOfStep ? skillsOfNode(nodeOfStep, lesson) : [];
  switch (question.kind) {
    case 'forward-value':
    case 'local-derivative':
      return ofNode;
    case 'upstream':
      return ['chain'];
    case 'edge-result':
      return ['chain', ...ofNode];
    case 'running-sum':
      return ['two-paths'];
    case 'nudge-direction':
      return ['nudge-direction'];
    case 'zero-grad':
      return ['zero-grad'];
  }
}
