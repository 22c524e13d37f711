// The numeric check's own forward passes against the engine's forward(), and
// its sample on graphs with many inputs.
import { describe, expect, it } from 'vitest';
import { backprop, forward, numericCheck, sampleInputs, checkSampleSize, CHECK_SAMPLE } from '../../src/engine/index.js';
import { bundledScenarios } from '../../src/catalog.js';
import { loadScenarioFile, scenarioFromTyped } from '../../src/scenario/index.js';
import { buildLesson } from '../../src/lesson/index.js';
import { runCli } from '../helpers/run-cli.js';
import { openLesson } from '../../src/course.js';

/** The check as it was: a whole forward() per estimate, by name. */
function plainCheck(graph: Parameters<typeof backprop>[0], h: number) {
  const { values } = backprop(graph);
  return graph.inputs.map((input) => {
    const up = forward(graph, { [input]: values[input] + h })[graph.output];
    const down = forward(graph, { [input]: values[input] - h })[graph.output];
    return { input, forward: (up - values[graph.output]) / h, central: (up - down) / (2 * h) };
  });
}

describe('numericCheck', () => {
  it('gives the estimates forward() gives, on every bundled scenario', () => {
    for (const { file } of bundledScenarios()) {
      const { graph } = loadScenarioFile(file);
      const ours = numericCheck(backprop(graph)).map((e) => ({
        input: e.input,
        forward: e.forwardDifference,
        central: e.centralDifference,
      }));
      expect(ours, file).toEqual(plainCheck(graph, 0.001));
    }
  });

  it('z = a * b at a = 3, b = -5: the estimates by hand', () => {
    const { graph } = scenarioFromTyped('z = a * b', ['a=3', 'b=-5']);
    const [a, b] = numericCheck(backprop(graph));
    // (3.001·(-5) − 3·(-5)) / 0.001 = -5, and (3·(-4.999) − 3·(-5)) / 0.001 = 3.
    expect(a.forwardDifference).toBeCloseTo(-5, 9);
    expect(b.forwardDifference).toBeCloseTo(3, 9);
  });

  it('checks every input up to CHECK_SAMPLE, and an even sample above it that the step states', () => {
    const few = Array.from({ length: CHECK_SAMPLE }, (_, i) => `a${i}`);
    expect(sampleInputs(few)).toEqual(few);
    const many = Array.from({ length: 1001 }, (_, i) => `a${i}`);
    const sample = sampleInputs(many);
    expect(sample).toHaveLength(CHECK_SAMPLE);
    expect(new Set(sample).size).toBe(CHECK_SAMPLE);
    expect([sample[0], sample.at(-1)]).toEqual(['a0', 'a1000']);
    expect(checkSampleSize(1000)).toBe(CHECK_SAMPLE);
    expect(checkSampleSize(100_000)).toBe(20);

    const terms = many.slice(0, 300);
    const scenario = scenarioFromTyped(
      `z = ${terms.join(' + ')}`,
      terms.map((t) => `${t}=1`),
    );
    const lesson = buildLesson(scenario);
    expect(lesson.check).toHaveLength(CHECK_SAMPLE);
    for (const e of lesson.check) expect(e.forwardDifference).toBeCloseTo(1, 6);
    const step = lesson.steps.find((s) => s.phase === 'check');
    expect(step?.lines[0]).toBe(`A sample: ${CHECK_SAMPLE} of the 300 inputs, spread evenly from first to last.`);
  });
});

describe('a graph too large to teach with', () => {
  // Parsing 100,001 nodes is the slow part (seconds on a shared machine).
  it('is refused up front with the limit, exit 2', { timeout: 120_000 }, async () => {
    const terms = Array.from({ length: 50_001 }, (_, i) => `a${i}`);
    const args = ['show', '--expr', `z = ${terms.join(' + ')}`, ...terms.flatMap((t) => ['--set', `${t}=1`])];
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/the graph has 100,001 nodes, more than the 100,000 the tutor can teach with/);
    // The tutor's way in (its prompt, a resumed lesson) refuses it with the same limit, naming the graph as the learner typed it there.
    const opened = openLesson({ kind: 'typed', expression: `z = ${terms.join(' + ')}`, values: terms.map((t) => `${t}=1`) });
    expect(opened).toEqual({ error: 'your graph has 100,001 nodes, more than the 100,000 the tutor can teach with — type a smaller one.' });
  });
});
