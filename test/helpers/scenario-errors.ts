import { expect } from 'vitest';
import { ScenarioError, parseScenario } from '../../src/scenario/index.js';

/** Loads `text` as `f.yaml` and returns the error, checking the sentence's shape on the way: `file:line:col: problem — fix.` */
export function errorOf(text: string): ScenarioError {
  try {
    parseScenario(text, 'f.yaml');
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    expect(error.message).toBe(`f.yaml:${error.line}:${error.col}: ${error.problem} — ${error.fix}.`);
    expect(error.problem).not.toMatch(/\.$/);
    expect(error.fix).not.toMatch(/[.]$/);
    expect(error.fix.length).toBeGreaterThan(5);
    expect(error.message).not.toContain('\n');
    return error;
  }
  throw new Error('expected a ScenarioError');
}

/** Asserts the error's exact position, and that its problem matches. */
export function expectError(text: string, line: number, col: number, problem: RegExp): ScenarioError {
  const error = errorOf(text);
  expect({ line: error.line, col: error.col, problem: error.problem }).toEqual({ line, col, problem: expect.stringMatching(problem) });
  return error;
}
