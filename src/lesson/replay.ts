import { backpropOverwriting } from '../engine/index.js';
import { num, table } from './format.js';
import type { Lesson } from './steps.js';

/**
 * The backward pass as the = bug would run it: each path into a node
 * overwrites the one before. Shown beside the right gradients, only where
 * they differ, so the learner sees what += buys.
 */
export function overwriteReplay(lesson: Lesson): string[] {
  const { trace } = lesson;
  const wrong = backpropOverwriting(trace);
  const out = trace.graph.output;
  const differ = trace.graph.nodes.filter((n) => num(wrong[n.name]) !== num(trace.grads[n.name]));
  const title = '▸ Replay: the backward pass with = instead of +=';
  if (differ.length === 0) {
    return [
      title,
      `Every node here reaches ${out} along one path, so = and += give the same gradients.`,
      'Try a lesson where a node is reused, such as (a + b) + b.',
      'o goes back to the lesson.',
    ];
  }
  return [
    title,
    ...table([['node', 'right (+=)', 'with ='], ...differ.map((n) => [n.name, num(trace.grads[n.name]), num(wrong[n.name])])]),
    `With =, each path into a node overwrites the one before, so a node reached along several paths keeps only the last; += adds them, as the chain rule says.`,
    'o goes back to the lesson.',
  ];
}
