import { existsSync } from 'node:fs';
import { bundledScenarios } from './catalog.js';
import { buildLesson, expressionOf, questionFor, type Lesson, type Question } from './lesson/index.js';
import { loadScenarioFile, scenarioFromTyped, ScenarioError, type Scenario } from './scenario/index.js';
import type { Knobs, Lessons } from './ui/state.js';

export interface MenuEntry {
  id: string;
  file: string;
  title: string;
  /** The output written in terms of the inputs: `z = (a + b) · d`. */
  expression: string;
}

function entryOf(s: Scenario): MenuEntry {
  return { id: s.id, file: s.file, title: s.title, expression: `${s.graph.output} = ${expressionOf(s.graph, s.graph.output)}` };
}

/**
 * The lessons the tutor can open: the bundled ones plus any file or typed
 * graph the learner brings. Each is loaded and computed once, on first use,
 * and again only when a knob changes.
 */
export class Course implements Lessons {
  private readonly scenarios = new Map<string, Scenario>();
  private readonly files = new Map<string, string>();
  private readonly lessons = new Map<string, Lesson>();
  private readonly questions = new Map<string, Question | undefined>();
  /** Lesson ids in menu order: the learner's own first, then the bundled ones. */
  readonly ids: string[];
  private menu?: MenuEntry[];

  /**
   * `extra` scenarios (a file named on the command line, a typed graph) come
   * first in the menu. Bundled files are read only when the menu or their
   * lesson needs them: opening one lesson should not parse nine files.
   */
  constructor(extra: Scenario[] = []) {
    for (const scenario of extra) this.scenarios.set(scenario.id, scenario);
    for (const entry of bundledScenarios()) if (!this.files.has(entry.id)) this.files.set(entry.id, entry.file);
    this.ids = [...new Set([...extra.map((s) => s.id), ...this.files.keys()])];
  }

  /** The menu: title and expression of every lesson. */
  get entries(): MenuEntry[] {
    return (this.menu ??= this.ids.map((id) => entryOf(this.scenario(id))));
  }

  has(id: string): boolean {
    return this.scenarios.has(id) || this.files.has(id);
  }

  scenario(id: string): Scenario {
    let scenario = this.scenarios.get(id);
    if (!scenario) {
      const file = this.files.get(id);
      if (!file) throw new Error(`no lesson "${id}"`);
      scenario = loadScenarioFile(file);
      this.scenarios.set(id, scenario);
    }
    return scenario;
  }

  lesson(id: string, knobs: Knobs = {}): Lesson {
    const key = `${id}\u0000${knobs.rate ?? ''}\u0000${knobs.h ?? ''}`;
    let lesson = this.lessons.get(key);
    if (!lesson) {
      lesson = buildLesson(this.scenario(id), knobs);
      this.lessons.set(key, lesson);
    }
    return lesson;
  }

  question(id: string, step: number): Question | undefined {
    const key = `${id}\u0000${step}`;
    if (!this.questions.has(key)) {
      const lesson = this.lesson(id);
      const contribution = lesson.steps[step]?.contribution;
      this.questions.set(key, contribution ? questionFor(contribution, lesson.scenario.graph.output, step) : undefined);
    }
    return this.questions.get(key);
  }

  open(kind: 'file' | 'expr', text: string, values = ''): { id: string } | { error: string } {
    try {
      if (kind === 'file' && !existsSync(text)) return { error: `${text || 'that'}: no such file — check the path (Esc goes back).` };
      const scenario = kind === 'file' ? loadScenarioFile(text) : scenarioFromTyped(text, values.split(/[\s,]+/).filter(Boolean), 'prompt');
      // A typed graph or a file replaces an earlier one of the same id.
      this.scenarios.set(scenario.id, scenario);
      for (const key of [...this.lessons.keys(), ...this.questions.keys()]) {
        if (key.startsWith(`${scenario.id}\u0000`)) {
          this.lessons.delete(key);
          this.questions.delete(key);
        }
      }
      if (!this.ids.includes(scenario.id)) this.ids.unshift(scenario.id);
      this.menu = undefined;
      return { id: scenario.id };
    } catch (error) {
      if (error instanceof ScenarioError) return { error: error.message };
      throw error;
    }
  }
}
