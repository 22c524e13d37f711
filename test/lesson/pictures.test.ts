// One golden file per picture the lecture draws, as the learner reads it (plain text, so with NO_COLOR too):
// lesson 1's secants and its slopes along the curve, tanh at n with its slope, the loss on a log scale, and
// lesson 17's predictions against the targets. Run with UPDATE_GOLDEN=1 after a deliberate change, then read the diff.
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/catalog.js';
import { buildLesson } from '../../src/lesson/index.js';
import type { Step } from '../../src/lesson/steps.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { expectGolden } from '../layout/golden.js';

const lesson = (id: string) => buildLesson(loadScenarioFile(bundledScenarios().find((e) => e.id === id)!.file));
const stepOf = (id: string, title: string): Step => lesson(id).steps.find((s) => s.title === title)!;

/** The lines from the first that starts with `from` to the first after it that starts with `to`, both in. */
function between(lines: string[], from: string, to: string): string[] {
  const start = lines.findIndex((l) => l.startsWith(from));
  const end = lines.findIndex((l, i) => i > start && l.startsWith(to));
  expect(
    [start, end].every((i) => i >= 0),
    `${from} … ${to}`,
  ).toBe(true);
  return lines.slice(start, end + 1);
}

/** A plot or chart: from its top row (the label and ┤) to its key (a line starting with the first curve's mark). */
const plotIn = (lines: string[], key: string) =>
  between(
    lines,
    lines.find((l) => / ┤/.test(l))!,
    key,
  );

/** A loss chart: from its top row to the line under its axis that names it. */
function chartIn(lines: string[]): string[] {
  const start = lines.findIndex((l) => / ┤/.test(l));
  const end = lines.findIndex((l, i) => i > start && /^ +0 .*update/.test(l));
  expect([start, end].every((i) => i >= 0)).toBe(true);
  return lines.slice(start, end + 1);
}

describe('the pictures, each as its golden file', () => {
  it('lesson 1: the secant through x and x + h at each h, shrinking onto the tangent; then the slopes at −3, 2/3 and 3', () => {
    const slope = lesson('slope');
    const secants = slope.steps
      .filter((s) => s.title.startsWith('Slope: h = '))
      .flatMap((s) => [`${s.title}`, ...plotIn(s.lines, '• f(x)'), '']);
    const along = [
      'Slope: along the curve',
      ...between(slope.steps.find((s) => s.title === 'Slope: along the curve')!.lines, '        69 ┤', 'The slope of f:'),
    ];
    expectGolden('pictures/slope.txt', [...secants, ...along].join('\n'));
  });

  it('the neuron: tanh against n with its tangent at n, slope 1 − o² = 0.5', () => {
    expectGolden('pictures/tanh.txt', plotIn(stepOf('neuron', 'Backward: o → n').lines, '• tanh(n)').join('\n'));
  });

  it('lesson 15: the loss over training on a log scale, 0.5 → 9.15e-12', () => {
    const chart = chartIn(stepOf('neuron-learns', 'Train: summary').lines);
    expect(chart.at(-1)).toContain('loss on a log scale');
    expectGolden('pictures/loss-log.txt', chart.join('\n'));
  });

  it('lesson 17: the four predictions against the targets 1, −1, −1, 1, before and after training', () => {
    const lines = stepOf('mlp', 'Train: summary').lines;
    const predictions = between(lines, "Each example's ypred", '4 ');
    expect(predictions.slice(2).map((l) => l.split(/\s+/)[1])).toEqual(['1', '-1', '-1', '1']);
    expectGolden('pictures/predictions.txt', [...chartIn(lines), ...predictions].join('\n'));
  });
});
