import { bundledScenarios } from './catalog.js';
import { buildLesson, expressionOf, type Lesson } from './lesson/index.js';
import { loadScenarioFile, type Scenario } from './scenario/index.js';

export interface MenuEntry {
  id: string;
  file: string;
  title: string;
  /** The output written in terms of the inputs: `z = (a + b) · d`. */
  expression: string;
}

/**
 * The lessons the tutor can open: the bundled ones plus any file the learner
 * names. Each is loaded and computed once, on first use.
 */
export class Course {
  private readonly scenarios = new Map<string, Scenario>();
  private readonly lessons = new Map<string, Lesson>();
  readonly entries: MenuEntry[];

  constructor(extra: Scenario[] = []) {
    for (const scenario of extra) this.scenarios.set(scenario.id, scenario);
    const bundled = bundledScenarios().map((entry) => {
      const scenario = this.scenarios.get(entry.id) ?? loadScenarioFile(entry.file);
      this.scenarios.set(entry.id, scenario);
      return scenario;
    });
    this.entries = [...extra.filter((s) => !bundled.some((b) => b.id === s.id)), ...bundled].map((s) => ({
      id: s.id,
      file: s.file,
      title: s.title,
      expression: `${s.graph.output} = ${expressionOf(s.graph, s.graph.output)}`,
    }));
  }

  get ids(): string[] {
    return this.entries.map((e) => e.id);
  }

  /** Add a scenario opened from a file; returns its id. */
  add(scenario: Scenario): string {
    this.scenarios.set(scenario.id, scenario);
    this.lessons.delete(scenario.id);
    return scenario.id;
  }

  has(id: string): boolean {
    return this.scenarios.has(id);
  }

  lesson(id: string): Lesson {
    let lesson = this.lessons.get(id);
    if (!lesson) {
      const scenario = this.scenarios.get(id);
      if (!scenario) throw new Error(`no lesson "${id}"`);
      lesson = buildLesson(scenario);
      this.lessons.set(id, lesson);
    }
    return lesson;
  }
}
