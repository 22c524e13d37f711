import { bundledScenarios } from '../catalog.js';
import { buildLesson } from '../lesson/index.js';
import { loadScenarioFile } from '../scenario/index.js';

/** The course as a progress file is checked against it: which keys are its lessons, and how many steps each has. */
export interface CourseSteps {
  has(key: string): boolean;
  steps(id: string): number;
}

let course: CourseSteps | undefined;

/**
 * The bundled lessons. A lesson's number of steps is known only by building
 * it (a few ms in a fresh process, about 30 for the MLP, which trains), so it
 * is worked out only for the lessons a file names, once per process: a save
 * does not pay for it again.
 */
export function courseSteps(): CourseSteps {
  if (course) return course;
  const files = new Map(bundledScenarios().map((e) => [e.id, e.file]));
  const counts = new Map<string, number>();
  course = {
    has: (key) => files.has(key),
    steps(id) {
      let count = counts.get(id);
      if (count === undefined) counts.set(id, (count = buildLesson(loadScenarioFile(files.get(id)!)).steps.length));
      return count;
    },
  };
  return course;
}
