import { beforeAll, describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/catalog.js';
import { quizHandout } from '../../src/export/markdown.js';
import { toMarkdown, toPyTorch, toPython } from '../../src/export/index.js';
import { buildLesson, num, whichLoss } from '../../src/lesson/index.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { parsePrinted, type Printed } from './reference.js';
import { pythonWith, runScripts } from './run-python.js';

const withExamples = bundledScenarios()
  .map((entry) => loadScenarioFile(entry.file))
  .filter((s) => s.examples);
const torchPython = pythonWith('torch');

/** The summary's table as node → [value, grad, summed grad]. */
function summaryTable(id: string): Map<string, string[]> {
  const lesson = buildLesson(withExamples.find((s) => s.id === id)!);
  const rows = lesson.steps.at(-1)!.lines.filter((line) => /^\S+\s+\S+\s+\S+/.test(line) && !line.startsWith('node '));
  return new Map(rows.map((line) => [line.split(/\s+/)[0], line.split(/\s+/).slice(1)]));
}

describe.each([
  ['python3', 'plain Python', toPython],
  [torchPython, 'PyTorch', toPyTorch],
] as const)('%s: the %s export with examples says the same as the summary', (python, _name, toScript) => {
  let printed: Printed[];
  beforeAll(() => {
    if (!python) return;
    printed = runScripts(
      python,
      withExamples.map((s) => toScript(s, 'test')),
    ).map((ran) => {
      expect(ran.error).toBeUndefined();
      return parsePrinted(ran.stdout);
    });
  }, 180_000);

  it.skipIf(!python).each(withExamples.map((s, i) => [s.id, i] as const))('%s', (id, i) => {
    const scenario = withExamples[i];
    const words = whichLoss(scenario)!;
    const summary = buildLesson(scenario).steps.at(-1)!;
    expect(printed[i].gradsOf).toBe(`the ${words.summed} (values: example 1's)`);
    expect(summary.lines.join('\n')).toContain(`gradient of the ${words.summed}`);
    const table = summaryTable(id);
    const params = new Set(scenario.params);
    let checked = 0;
    for (const node of printed[i].nodes) {
      const [value, grad, summed] = table.get(node.name)!;
      expect(num(node.value), `${node.name} value`).toBe(value);
      if (node.grad === null) continue;
      // A param's GRAD is the summary's summed grad; any other node is example 1's, whose gradient the sum's equals.
      expect(num(node.grad), `${node.name} grad`).toBe(params.has(node.name) ? summed : grad);
      checked++;
    }
    expect(checked).toBeGreaterThan(scenario.params.length);
  });
});

describe('the Markdown handout with examples', () => {
  it.each(withExamples.map((s) => s.id))('%s: its drawing says whose gradients it shows', (id) => {
    const scenario = withExamples.find((s) => s.id === id)!;
    const handout = toMarkdown(scenario);
    expect(handout).toContain(
      `Each box shows a node's value (v) and its gradient (g) of ${whichLoss(scenario)!.first} after the backward pass.`,
    );
  });

  it.each(withExamples.map((s) => s.id))('%s: each question of the quiz handout says which loss', (id) => {
    const { student } = quizHandout(withExamples.find((s) => s.id === id)!);
    const questions = student.split('\n').filter((line) => line.startsWith('**Question '));
    expect(questions.length).toBeGreaterThan(0);
    for (const line of questions) expect(line).toMatch(/\(example 1's loss\)$/);
  });
});
