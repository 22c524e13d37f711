/** Driving the session reducer as the tutor does: a menu of the bundled course, a lesson opened, keys pressed. */
import { bundledScenarios } from '../../src/catalog.js';
import { courseEntries } from '../../src/course.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import type { KeyName } from '../../src/keys/index.js';
import { initialSession, reduce, type Action, type Effect, type Session } from '../../src/session/session.js';

export const catalog = bundledScenarios();
export const course = courseEntries(catalog);
export const scenario = (id: string) => loadScenarioFile(catalog.find((e) => e.id === id)!.file);
export const menu = (): Session => initialSession({ window: { columns: 100, rows: 30 }, course });

/** Reduce actions in order, keeping every effect asked for. */
export function run(state: Session, ...actions: Action[]): { state: Session; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const action of actions) {
    const result = reduce(state, action);
    state = result.state;
    effects.push(...result.effects);
  }
  return { state, effects };
}

export const keys = (...names: KeyName[]): Action[] => names.map((key) => ({ type: 'key', key }));

/** A bundled lesson opened from the menu at `step`, in predict mode or not. */
export const opened = (id: string, step = 0, predict = false): Session =>
  run({ ...menu(), predict }, { type: 'opened', lesson: { kind: 'bundled', id }, scenario: scenario(id), step, from: 'menu' }).state;

export const step = (s: Session) => s.open?.step;
