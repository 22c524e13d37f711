import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/catalog.js';
import { forward, withValues } from '../../src/engine/index.js';
import { buildLesson, eachQuestion, lessonToText, num, whichLoss, type Lesson } from '../../src/lesson/index.js';
import { loadScenarioFile, type Scenario } from '../../src/scenario/index.js';

const withExamples = bundledScenarios()
  .map((entry) => loadScenarioFile(entry.file))
  .filter((s) => s.examples);

/** The output's slope by one param, by central differences of forward passes alone (no backward pass). */
function slope(scenario: Scenario, row: Record<string, number>, param: string): number {
  const graph = withValues(scenario.graph, row);
  const at = graph.nodes.find((n) => n.name === param)!.value!;
  const h = 1e-6;
  const out = (x: number) => forward(graph, { [param]: x })[scenario.graph.output];
  return (out(at + h) - out(at - h)) / (2 * h);
}

const isToken = (line: string, token: string) => line.split(/[\s(),;]+/).includes(token);
const namesParam = (line: string, p: string) => new RegExp(`(?<![\\w])${p}(?![\\w])`).test(line);

/** Which kinds of a param's gradient a step prints ('first': the first example's; 'summed': over the examples). */
function kindsPrinted(lesson: Lesson, lines: string[]): Set<'first' | 'summed'> {
  const kinds = new Set<'first' | 'summed'>();
  const summedAt = lesson.training?.history.map((point) => point.grads) ?? [];
  for (const p of lesson.data.params) {
    const first = num(lesson.trace.grads[p]);
    const summed = new Set([num(lesson.nudge.moves.find((m) => m.input === p)!.grad), ...summedAt.map((g) => num(g[p]))]);
    for (const line of lines.filter((l) => namesParam(l, p))) {
      if (isToken(line, first)) kinds.add('first');
      if ([...summed].some((value) => isToken(line, value))) kinds.add('summed');
    }
  }
  return kinds;
}

describe('with examples, every gradient printed says which loss it is of', () => {
  it('the bundle has a lesson with examples (the MLP)', () => {
    expect(withExamples.map((s) => s.id)).toContain('mlp');
  });

  it.each(withExamples.map((s) => s.id))('%s: each step of the lesson (what the tutor shows)', (id) => {
    const scenario = withExamples.find((s) => s.id === id)!;
    const words = whichLoss(scenario)!;
    const lesson = buildLesson(scenario);
    const seen = { first: 0, summed: 0 };
    for (const step of lesson.steps) {
      const said = [step.text, ...step.lines];
      for (const kind of kindsPrinted(lesson, said)) {
        seen[kind]++;
        expect(said.join('\n'), `${step.title} prints the ${kind} gradient`).toContain(words[kind]);
      }
    }
    // Both kinds are printed, so the test above is not empty: the backward pass's and the nudge's.
    expect(seen.first).toBeGreaterThan(0);
    expect(seen.summed).toBeGreaterThan(0);
  });

  it.each(withExamples.map((s) => s.id))('%s: each step of the transcript (show)', (id) => {
    const scenario = withExamples.find((s) => s.id === id)!;
    const words = whichLoss(scenario)!;
    const lesson = buildLesson(scenario);
    const blocks = lessonToText(lesson)
      .split(/\n(?=\[\d+\/\d+\] )/)
      .slice(1);
    expect(blocks).toHaveLength(lesson.steps.length);
    let kinds = 0;
    for (const block of blocks) {
      for (const kind of kindsPrinted(lesson, block.split('\n'))) {
        kinds++;
        expect(block, `${block.split('\n')[0]} prints the ${kind} gradient`).toContain(words[kind]);
      }
    }
    expect(kinds).toBeGreaterThan(0);
  });
});

describe('with examples, a question whose answer is a gradient says which loss', () => {
  it.each(withExamples.map((s) => s.id))('%s', (id) => {
    const scenario = withExamples.find((s) => s.id === id)!;
    const lesson = buildLesson(scenario);
    const kinds = new Set<string>();
    lesson.steps.forEach((_, i) => {
      const question = eachQuestion(lesson, i);
      if (!question || !['upstream', 'edge-result', 'running-sum'].includes(question.kind)) return;
      kinds.add(question.kind);
      expect(question.prompt).toMatch(/\(example 1's loss\)$/);
    });
    expect([...kinds].sort()).toEqual(['edge-result', 'running-sum', 'upstream']);
  });
});

describe("the MLP's two gradients of w1_2_1, checked by forward passes alone", () => {
  const mlp = withExamples.find((s) => s.id === 'mlp')!;
  const lesson = buildLesson(mlp);
  const rows = mlp.examples!;

  it("example 1's loss: -1.5099, as the backward step and the summary say", () => {
    const first = slope(mlp, rows[0], 'w1_2_1');
    expect(first).toBeCloseTo(-1.5099, 4);
    const edge = lesson.steps.find((s) => s.title === 'Backward: x1*w1_2_1 → w1_2_1')!;
    expect(edge.text).toContain(`= ${num(first)} (example 1's loss)`);
    const summary = lesson.steps.at(-1)!;
    expect(summary.text).toMatch(/^Summary, for example 1's loss: /);
    // The sentence names a dozen inputs at most; the table under it has every node, w1_2_1 with example 1's gradient.
    expect(summary.text).toContain('… 37 more');
    expect(summary.lines.find((l) => l.startsWith('w1_2_1 '))!.split(/\s+/)[2]).toBe(num(first));
  });

  it('the loss summed over the 4 examples: 1.25717, as the nudge, the training and the summary say', () => {
    const summed = rows.reduce((sum, row) => sum + slope(mlp, row, 'w1_2_1'), 0);
    expect(summed).toBeCloseTo(1.25717, 4);
    const nudge = lesson.steps.find((s) => s.phase === 'nudge')!;
    expect(nudge.text).toContain('its gradient of the loss summed over the 4 examples');
    // The drawing beside it still shows -1.5099 for w1_2_1: the step says whose.
    expect(nudge.lines).toContain(
      "The boxes still show example 1: its values, and the gradients of example 1's loss; the grad column is the sum's.",
    );
    expect(nudge.lines.find((l) => l.startsWith('w1_2_1 '))!.split(/\s+/)[2]).toBe(num(summed));
    const update = lesson.steps.find((s) => s.title === 'Train: update 1 of 30')!;
    expect(update.lines.find((l) => l.startsWith('w1_2_1 '))!.split(/\s+/)[1]).toBe(num(summed));
    const row = lesson.steps.at(-1)!.lines.find((l) => l.startsWith('w1_2_1 '))!;
    expect(row.split(/\s+/)).toEqual(['w1_2_1', '-0.1385', num(-1.5099), num(summed)]);
  });
});

describe('without examples (or with one row) nothing changes', () => {
  it('the neuron names no example', () => {
    const neuron = loadScenarioFile('scenarios/15-neuron-learns.yaml');
    expect(whichLoss(neuron)).toBeUndefined();
    expect(lessonToText(buildLesson(neuron))).not.toMatch(/example/);
  });
});
