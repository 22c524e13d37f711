import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundledScenarios, type CatalogEntry } from './catalog.js';
import { expressionOf } from './lesson/index.js';
import { loadScenarioFile, scenarioFromTyped, ScenarioError, type Scenario } from './scenario/index.js';

/**
 * Which lesson a learner has open, as a thing of its own: a bundled lesson
 * by its id, a file by its absolute resolved path (so a relative path typed
 * in one folder still names it from another), a typed graph by what was
 * typed. Progress is keyed by it.
 */
export type LessonRef =
  | { kind: 'bundled'; id: string }
  | { kind: 'file'; path: string }
  | { kind: 'typed'; expression: string; values: string[] };

/**
 * The key progress files and the menu use. A bundled lesson's key is its bare
 * id, as progress files have always had it; the others say what they are, so
 * a learner's own add.yaml never counts as the bundled "add".
 */
export function lessonKey(ref: LessonRef): string {
  if (ref.kind === 'bundled') return ref.id;
  if (ref.kind === 'file') return `file:${ref.path}`;
  return `typed:${ref.expression} with ${ref.values.join(' ')}`;
}

export function sameLesson(a: LessonRef, b: LessonRef): boolean {
  return lessonKey(a) === lessonKey(b);
}

/** One line of the menu. */
export interface MenuEntry {
  lesson: LessonRef;
  title: string;
  /** The output written in terms of the inputs: `z = (a + b) · d`. */
  expression: string;
}

export function entryOf(lesson: LessonRef, s: Scenario): MenuEntry {
  return { lesson, title: s.title, expression: `${s.graph.output} = ${expressionOf(s.graph, s.graph.output)}` };
}

/** What opening a lesson gave: the scenario under its settled identity, or the sentence that says what is wrong. */
export type Opened = { lesson: LessonRef; scenario: Scenario } | { error: string };

/**
 * Read a lesson: the one place the tutor touches scenario files. A file is
 * named by its real path from here on; a typed graph is parsed as typed.
 */
export function openLesson(ref: LessonRef, catalog: CatalogEntry[] = bundledScenarios()): Opened {
  try {
    if (ref.kind === 'bundled') {
      const entry = catalog.find((e) => e.id === ref.id);
      if (!entry) return { error: `there is no bundled lesson "${ref.id}" any more.` };
      return { lesson: ref, scenario: loadScenarioFile(entry.file) };
    }
    if (ref.kind === 'file') {
      const path = realPath(ref.path);
      return { lesson: { kind: 'file', path }, scenario: loadScenarioFile(path) };
    }
    return { lesson: ref, scenario: scenarioFromTyped(ref.expression, ref.values, 'prompt') };
  } catch (error) {
    if (error instanceof ScenarioError) return { error: error.message };
    throw error;
  }
}

/** Absolute, with symlinks resolved where the file exists; a missing file keeps its absolute path so the error can name it. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** The course's menu entries, in the catalog's fixed order. */
export function courseEntries(catalog: CatalogEntry[] = bundledScenarios()): MenuEntry[] {
  return catalog.map((entry) => {
    const lesson: LessonRef = { kind: 'bundled', id: entry.id };
    return entryOf(lesson, loadScenarioFile(entry.file));
  });
}
