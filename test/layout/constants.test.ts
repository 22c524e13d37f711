/**
 * A constant is written as its number: the second 1 of `(e - 1) / (e + 1)` is
 * named `1′` inside the graph (names are unique), but a learner reads `1′` as
 * a derivative. And it has no gradient, so its box has no `g` row to wait for.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/catalog.js';
import { buildLesson } from '../../src/lesson/index.js';
import { drawGraph, drawingToText, layoutGraph } from '../../src/layout/index.js';
import { boxTexts, heightOf } from '../../src/layout/box.js';
import { loadScenarioFile, scenarioFromTyped } from '../../src/scenario/index.js';
import type { GraphNode } from '../../src/engine/index.js';

const tanh = loadScenarioFile(bundledScenarios().find((e) => e.id === 'tanh-from-exp')!.file);

describe('a constant in the lesson text', () => {
  it('is its number, never a primed name, in every bundled lesson and a typed graph with 1 three times', () => {
    const typed = scenarioFromTyped('z = (x + 1) * (x - 1) + 1', ['x=3']);
    const scenarios = [...bundledScenarios().map((e) => loadScenarioFile(e.file)), typed];
    // The typed graph's second and third 1 are primed inside the graph: the check below is not idle.
    expect(typed.graph.nodes.filter((n) => n.op === 'const').map((n) => n.name)).toEqual(['1', '1′', '1″']);
    for (const scenario of scenarios) {
      const primed = buildLesson(scenario)
        .steps.flatMap((s) => [s.text, ...s.lines])
        .filter((line) => /(?<![\w.])\d+(?:\.\d+)?[′″‴]/.test(line));
      expect([scenario.title, primed]).toEqual([scenario.title, []]);
    }
  });

  it('reads as the expression was typed: e + 1, and 1 in the summary', () => {
    const lesson = buildLesson(tanh);
    expect(lesson.steps.find((s) => s.title === 'Forward: e+1')!.text).toBe('e + 1 = 5.82843 + 1 = 6.82843');
    const summary = lesson.steps.at(-1)!.lines.filter((line) => /^1 /.test(line));
    expect(summary).toHaveLength(2);
  });
});

describe('a constant on the drawing', () => {
  const constant: GraphNode = { name: '1′', op: 'const', inputs: [], value: 1, generated: true };
  const input: GraphNode = { name: 'x', op: 'input', inputs: [], value: 3, generated: false };

  it('has a value row and no gradient row, in both box styles; an input keeps both', () => {
    for (const compact of [false, true]) {
      const labels = (node: GraphNode) => boxTexts(node, compact, 1, undefined, false).map((t) => t.text.trim());
      expect(labels(constant)).toEqual(['1', 'v', '1']);
      expect(labels(input)).toEqual(['x', 'v', '1', 'g', '·']);
    }
    // One row inside the border: the value's.
    expect(heightOf(0, false, false)).toBe(3);
    expect(heightOf(0, false)).toBe(4);
  });

  it('tanh from exp: three constant boxes of three rows, and a g row in every other box', () => {
    const text = drawingToText(drawGraph(layoutGraph(tanh.graph), { values: {}, grads: {} }));
    const lines = text.split('\n');
    const tops = lines.flatMap((line, row) =>
      [...line.matchAll(/╭─([^─╮│▶]+)[─╮]/g)].map((m) => ({ row, col: m.index, name: m[1].trim() })),
    );
    const below = (top: { row: number; col: number }, k: number) => [...(lines[top.row + k] ?? '')].slice(top.col, top.col + 4).join('');
    const constants = tops.filter((t) => /^\d+$/.test(t.name));
    expect(constants.map((t) => t.name).sort()).toEqual(['1', '1', '2']);
    for (const top of constants) {
      expect(below(top, 1)).toMatch(/^│ v /);
      expect(below(top, 2)).toMatch(/^╰/);
    }
    for (const top of tops.filter((t) => !/^\d+$/.test(t.name))) expect(below(top, 2)).toMatch(/^│ g /);
  });
});
