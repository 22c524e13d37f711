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
  private readonly lessons = new Map<string, Lesson>();
  private readonly questions = new Map<string, Question | undefined>();
  readonly entries: MenuEntry[];

  /** `extra` scenarios (a file named on the command line, a typed graph) come first in the menu. */
  constructor(extra: Scenario[] = []) {
    for (const scenario of extra) this.scenarios.set(scenario.id, scenario);
    const bundled = bundledScenarios().map((entry) => this.scenarios.get(entry.id) ?? loadScenarioFile(entry.file));
    for (const scenario of bundled) this.scenarios.set(scenario.id, scenario);
    const seen = new Set<string>();
    this.entries = [...extra, ...bundled].filter((s) => !seen.has(s.id) && seen.add(s.id)).map(entryOf);
  }

  get ids(): string[] {
    return this.entries.map((e) => e.id);
  }

  has(id: string): boolean {
    return this.scenarios.has(id);
  }

  scenario(id: string): Scenario {
    const scenario = this.scenarios.get(id);
    if (!scenario) throw new Error(`no lesson "${id}"`);
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
      if (!this.entries.some((e) => e.id === scenario.id)) this.entries.unshift(entryOf(scenario));
      return { id: scenario.id };
    } catch (error) {
      if (error instanceof ScenarioError) return { error: error.message };
      throw error;
    }
  }
}
