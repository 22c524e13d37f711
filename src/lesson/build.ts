import { backprop, DEFAULT_H, numericCheck, nudge as runNudge, withValues, type Data } from '../engine/index.js';
import type { Scenario } from '../scenario/types.js';
import { phaseKinds } from './phases/index.js';
import { once, type Lesson, type LessonOptions } from './steps.js';

/**
 * A scenario as a lesson: the passes worked out once, then each phase kind's
 * steps in table order. A lesson that ends after the slope (a kind says so)
 * has none of the chain rule's kinds.
 */
export function buildLesson(scenario: Scenario, options: LessonOptions = {}): Lesson {
  const rows = scenario.examples ?? [{}];
  const data: Data = { params: scenario.params, rows };
  const trace = backprop(withValues(scenario.graph, rows[0]));
  const h = options.h ?? DEFAULT_H;
  // Two forward passes per checked input: worked out when the check's step is first shown (or printed), not up front.
  const check = once(() => numericCheck(trace, h));
  const nudge = runNudge(trace, options.rate ?? scenario.nudge, data);
  const lesson = { scenario, trace, h, data, nudge, steps: [] } as Omit<Lesson, 'check'> as Lesson;
  Object.defineProperty(lesson, 'check', { get: check, enumerable: true });
  if (scenario.examples) {
    lesson.examples = scenario.examples.map((row) => ({
      inputs: row,
      output: backprop(withValues(scenario.graph, row)).values[scenario.graph.output],
    }));
  }
  const kinds = phaseKinds();
  const chainRule = !kinds.some((k) => k.endsBeforeChainRule?.(scenario));
  for (const kind of kinds) {
    if (!chainRule && kind.chainRule) continue;
    // One by one: a spread of 100,000 steps as arguments overflows the stack.
    for (const step of kind.steps(lesson, options)) lesson.steps.push(step);
  }
  return lesson;
}
