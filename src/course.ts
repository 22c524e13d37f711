import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundledScenarios, type CatalogEntry } from './catalog.js';
import { tooLargeToLayOut } from './layout/index.js';

export { entryOf, lessonKey, sameLesson, type LessonRef, type MenuEntry } from './lesson/index.js';
import { entryOf, type LessonRef, type MenuEntry } from './lesson/index.js';
import { loadScenarioFile, scenarioFromTyped, ScenarioError, tooLargeToTeach, type Scenario } from './scenario/index.js';

/** What opening a lesson gave: the scenario under its settled identity, or the sentence that says what is wrong. */
export type Opened = { lesson: LessonRef; scenario: Scenario } | { error: string };

/**
 * Read a lesson: the one place the tutor touches scenario files. A file is
 * named by its real path from here on; a typed graph is parsed as typed.
 */
export function openLesson(ref: LessonRef, catalog: CatalogEntry[] = bundledScenarios()): Opened {
  const opened = readLesson(ref, catalog);
  if (!('scenario' in opened)) return opened;
  const { scenario } = opened;
  const unDrawable = tooLargeToLayOut(scenario.graph);
  const refused = tooLargeToTeach(scenario) ?? (unDrawable && tooLargeForTheTutor(scenario.file, unDrawable));
  return refused ? { error: refused } : opened;
}

/** The tutor's one sentence for a graph it cannot draw (`clause` from tooLargeToLayOut). The file name is raw. */
export function tooLargeForTheTutor(file: string, clause: string): string {
  return `${file}: ${clause} — the tutor cannot draw it; split it into smaller scenarios, or see it with "grad-tutor show" or "grad-tutor graph --format dot".`;
}

function readLesson(ref: LessonRef, catalog: CatalogEntry[]): Opened {
  try {
    if (ref.kind === 'bundled') {
      const entry = catalog.find((e) => e.id === ref.id);
      if (!entry) return { error: `there is no bundled lesson "${ref.id}" any more.` };
      return { lesson: ref, scenario: inCourse(loadScenarioFile(entry.file), entry.file, catalog) };
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

/**
 * A bundled scenario with its place in the course: its number and the lesson
 * after it, which its summary names and Enter there opens. Any other file is
 * returned as it is.
 */
export function inCourse(scenario: Scenario, file: string, catalog: CatalogEntry[] = bundledScenarios()): Scenario {
  const index = catalog.findIndex((entry) => entry.file === file);
  if (index === -1) return scenario;
  const after = catalog[index + 1];
  const next = after ? { next: { id: after.id, title: loadScenarioFile(after.file).title, number: index + 2 } } : {};
  return { ...scenario, course: { number: index + 1, ...next } };
}
