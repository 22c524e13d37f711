import { layoutGraph, type Layout } from '../layout/index.js';
import { buildLesson, type Lesson, type LessonOptions } from '../lesson/index.js';
import type { Graph } from '../engine/index.js';
import type { Scenario } from '../scenario/index.js';

/**
 * Pure computations the session and the frame repeat on every key, each done
 * once: a lesson per scenario and knob setting, a layout per graph and box
 * style. Caches keyed by the objects themselves, so they go when the
 * scenario does and never change what a function returns.
 */
const lessons = new WeakMap<Scenario, Map<string, Lesson>>();
const layouts = new WeakMap<Graph, { full?: Layout; compact?: Layout }>();

export function lessonFor(scenario: Scenario, options: LessonOptions = {}): Lesson {
  let byOptions = lessons.get(scenario);
  if (!byOptions) lessons.set(scenario, (byOptions = new Map()));
  const key = `${options.rate ?? ''}\u0000${options.h ?? ''}\u0000${options.zeroGrad ?? ''}`;
  let lesson = byOptions.get(key);
  if (!lesson) byOptions.set(key, (lesson = buildLesson(scenario, options)));
  return lesson;
}

/** Whether both box styles of this graph are laid out already. */
export function hasLayouts(graph: Graph): boolean {
  const both = layouts.get(graph);
  return both?.full !== undefined && both.compact !== undefined;
}

/** Keep layouts made elsewhere (in a worker, see background.ts), as layoutFor would have made them. */
export function keepLayouts(graph: Graph, made: { full?: Layout; compact?: Layout }): void {
  layouts.set(graph, { ...layouts.get(graph), ...made });
}

/** A graph with the same nodes as another, only other values (an input edited): the same layouts, as no box's size depends on a value. */
export function shareLayouts(from: Graph, to: Graph): void {
  // One record for both graphs: a style laid out later for either is laid out once.
  let both = layouts.get(from);
  if (!both) layouts.set(from, (both = {}));
  layouts.set(to, both);
}

export function layoutFor(graph: Graph, compact: boolean): Layout {
  let both = layouts.get(graph);
  if (!both) layouts.set(graph, (both = {}));
  return compact ? (both.compact ??= layoutGraph(graph, { compact: true })) : (both.full ??= layoutGraph(graph));
}
