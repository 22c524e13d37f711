import { describe, expect, it, vi } from 'vitest';
import { bundledScenarios } from '../../src/catalog.js';
import { buildLesson, lessonJsonPieces, lessonToJson } from '../../src/lesson/index.js';
import { loadScenarioFile, parseScenario } from '../../src/scenario/index.js';

// Count the numeric check's runs: it should run when its step is read, not when the lesson is built.
const checks = vi.hoisted(() => ({ runs: 0 }));
vi.mock('../../src/engine/numeric.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/engine/numeric.js')>();
  return { ...real, numericCheck: (...args: Parameters<typeof real.numericCheck>) => (checks.runs++, real.numericCheck(...args)) };
});

function sum(inputs: number): string {
  const names = Array.from({ length: inputs }, (_, i) => `a${i}`);
  return `title: "A long sum \\u001b]0;x"\ninputs:\n${names.map((n, i) => `  ${n}: ${(i % 7) - 3}\n`).join('')}nodes:\n  z: ${names.join(' + ')}\n`;
}

describe('show --json written piece by piece', () => {
  const lessons = [
    ...bundledScenarios().map((e) => buildLesson(loadScenarioFile(e.file))),
    // 2,999 nodes: the nodes and the steps span several of the writer's batches of a thousand.
    buildLesson(parseScenario(sum(1500), 'sum.yaml')),
    buildLesson(parseScenario('title: "Odd text: \\" \\\\ \\n ∂ \\u2028"\ninputs:\n  x: 0\nnodes:\n  z: x ^ 0.5\n', 'odd.yaml')),
  ];

  it.each(lessons.map((l) => [l.scenario.id, l] as const))('%s: byte for byte what JSON.stringify(doc, null, 2) gives', (_, lesson) => {
    const whole = JSON.stringify(lessonToJson(lesson), null, 2);
    expect([...lessonJsonPieces(lesson)].join('')).toBe(whole);
    // Small pieces too: where the writer cuts changes nothing.
    expect([...lessonJsonPieces(lesson, 100)].join('')).toBe(whole);
    expect(JSON.parse(whole)).toEqual(JSON.parse(JSON.stringify(lessonToJson(lesson))));
  });

  it('cuts a large document into pieces near the size asked for', () => {
    const pieces = [...lessonJsonPieces(lessons.at(-2)!, 1 << 14)];
    expect(pieces.length).toBeGreaterThan(10);
    // Every piece but the last has reached the size; none is far past it (a batch of a thousand nodes at most).
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeGreaterThanOrEqual(1 << 14);
  });
});

describe('the numeric check, worked out when it is shown', () => {
  it('does not run while the lesson is built, runs once when its step is read, and is still in --json', () => {
    const before = checks.runs;
    const lesson = buildLesson(parseScenario(sum(50), 'sum.yaml'));
    expect(checks.runs).toBe(before);
    const step = lesson.steps.find((s) => s.phase === 'check')!;
    expect(step.lines.some((l) => l.startsWith('input'))).toBe(true);
    expect(checks.runs).toBe(before + 1);
    step.lines;
    const doc = lessonToJson(lesson) as { check: { inputs: { input: string; exact: number; central: number }[] } };
    expect(checks.runs).toBe(before + 1);
    // A sum's gradient is 1 for every input; the central difference of a linear function is exact up to rounding.
    expect(doc.check.inputs).toHaveLength(50);
    for (const e of doc.check.inputs) {
      expect(e.exact).toBe(1);
      expect(Math.abs(e.central - 1)).toBeLessThan(1e-6);
    }
  });
});
