/**
 * The numeric check's sentence under its table says what + and - will do to
 * the errors. It must be true for the lesson: checked here by running the
 * check again at a hundredth of h and comparing the largest errors.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/catalog.js';
import { buildLesson, stepText, type Lesson } from '../../src/lesson/index.js';
import { loadScenarioFile, scenarioFromTyped, type Scenario } from '../../src/scenario/index.js';

/** The check step's sentence about h, as the tutor shows it. */
function sentence(lesson: Lesson): string | undefined {
  const step = lesson.steps.findIndex((s) => s.phase === 'check');
  if (step === -1) return undefined;
  const lines = stepText(lesson, { step, predict: false, picks: {}, hints: 0, overwrite: false }).lines;
  return lines.find((line) => line.startsWith('+ / - change h'));
}

/** The largest forward and central errors of the check at `h`. */
function errors(scenario: Scenario, h: number): { forward: number; central: number } {
  const check = buildLesson(scenario, { h }).check.filter((e) => Number.isFinite(e.exact));
  return {
    forward: Math.max(0, ...check.map((e) => Math.abs(e.forwardDifference - e.exact))),
    central: Math.max(0, ...check.map((e) => Math.abs(e.centralDifference - e.exact))),
  };
}

const SHRINK = '+ / - change h: watch both errors shrink, then grow as rounding takes over.';

const scenarios: [string, Scenario][] = [
  ...bundledScenarios().map((e): [string, Scenario] => [e.id, loadScenarioFile(e.file)]),
  ['typed x · x', scenarioFromTyped('z = x * x', ['x=3'])],
  ['typed a + b', scenarioFromTyped('z = a + b', ['a=0.1', 'b=0.2'])],
];

describe('the numeric check’s sentence about h', () => {
  for (const [name, scenario] of scenarios)
    for (const h of [0.001, 1e-8])
      it(`${name}, at h = ${h}: true of the errors at a tenth of h`, () => {
        const said = sentence(buildLesson(scenario, { h }));
        // The slope lesson has no numeric check.
        if (said === undefined) return expect(name).toBe('slope');
        const here = errors(scenario, h);
        const smaller = errors(scenario, h / 10);
        const shrinks = { forward: smaller.forward < here.forward, central: smaller.central < here.central };
        const grows = { forward: smaller.forward >= here.forward, central: smaller.central >= here.central };
        if (said === SHRINK) expect(shrinks).toEqual({ forward: true, central: true });
        else if (said.includes('both errors are rounding alone')) expect(grows).toEqual({ forward: true, central: true });
        else {
          const [, shrinking, rounded] = /the (\w+) error shrinks with h until rounding takes over; the (\w+) one is rounding alone/.exec(
            said,
          )!;
          expect([shrinks[shrinking as 'forward'], grows[rounded as 'central']]).toEqual([true, true]);
        }
      });
});

describe('the numeric check’s sentence, by lesson', () => {
  const at = (name: string) => sentence(buildLesson(scenarios.find(([n]) => n === name)![1]));
  it('a sum, and products of different inputs, are straight in each input: rounding alone, where both were said to shrink', () => {
    for (const name of ['add', 'mul-mul', 'lecture-graph'])
      expect(at(name)).toBe('+ / - change h: both errors are rounding alone here, so they grow as h shrinks.');
  });
  it('x · x is a parabola: its forward error shrinks, its central one is exact but for rounding', () => {
    expect(at('typed x · x')).toBe(
      '+ / - change h: the forward error shrinks with h until rounding takes over; the central one is rounding alone, and grows as h shrinks.',
    );
  });
  it('tanh curves every way: both shrink', () => expect(at('neuron')).toBe(SHRINK));
});
