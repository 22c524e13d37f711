import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/catalog.js';
import { backprop, nodeMap, type Graph } from '../../src/engine/index.js';
import { describeRoles, drawGraph, layoutGraph, toDot, toMermaid, type Layout } from '../../src/layout/index.js';
import { buildLesson } from '../../src/lesson/index.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { cellsOf } from './invariants.js';
import { graphFrom, recipes } from './random.js';
import { before } from './seeds.js';

const scenario = (id: string) => loadScenarioFile(bundledScenarios().find((e) => e.id === id)!.file);
const ROLE: Record<string, [string, string]> = { '^': ['base', 'exp'], '/': ['num', 'den'] };

/** Each edge into a ^ or a /, with what the drawing writes just before its arrow (as many cells as its role has). */
function rolesRead(layout: Layout, graph: Graph): { edge: string; wanted: string; read: string; before: string }[] {
  const cells = cellsOf(drawGraph(layout, before(graph)));
  const byName = nodeMap(graph);
  return layout.edges.flatMap((edge) => {
    // A random graph may give a / three operands: the third has no role.
    const wanted = ROLE[byName.get(edge.to)!.op]?.[edge.slot];
    if (wanted === undefined) return [];
    const end = edge.points[edge.points.length - 1];
    const row = cells[end.row];
    const read = row.slice(end.col - wanted.length, end.col).join('');
    return [{ edge: `${edge.from}→${edge.to}#${edge.slot}`, wanted, read, before: row[end.col - wanted.length - 1] }];
  });
}

describe('the operand roles of ^ and /', () => {
  it('are written on each edge just before its arrow, after a piece of line: x^2’s base x and exponent 2', () => {
    const { graph } = scenario('slope');
    const layout = layoutGraph(graph);
    const read = rolesRead(layout, graph);
    expect(read.map((r) => [r.edge, r.read])).toEqual([
      ['x→x^2#0', 'base'],
      ['2→x^2#1', 'exp'],
    ]);
    for (const r of read) expect(r.before, r.edge).toMatch(/[─╭╮╰╯├┤┬┴┼]/);
    // Lesson 1 still fits 80 columns whole, the roles written.
    expect(layout.width).toBeLessThanOrEqual(80);
  });

  it('name the numerator and the denominator of tanh written out, o = (e - 1) / (e + 1)', () => {
    const { graph } = scenario('tanh-from-exp');
    expect(rolesRead(layoutGraph(graph), graph).map((r) => [r.edge, r.read])).toEqual([
      ['e-1→o#0', 'num'],
      ['e+1→o#1', 'den'],
    ]);
  });

  it('are written on every edge into a ^ or a / of random graphs, in both box styles, over a piece of line', () => {
    fc.assert(
      fc.property(recipes(14), fc.boolean(), (recipe, compact) => {
        const graph = graphFrom(recipe);
        for (const r of rolesRead(layoutGraph(graph, { compact }), graph)) {
          expect(r.read, r.edge).toBe(r.wanted);
          expect(r.before, r.edge).toMatch(/[─╭╮╰╯├┤┬┴┼]/);
        }
      }),
      { numRuns: 200, seed: 25 },
    );
  });

  it('are said in words at the forward step, for a screen reader and the text', () => {
    const slope = buildLesson(scenario('slope'));
    expect(slope.steps.find((s) => s.title === 'Forward: x^2')!.lines).toContain(
      'On the drawing, base marks the edge of the base x, exp that of the exponent 2.',
    );
    const tanh = scenario('tanh-from-exp');
    expect(describeRoles(nodeMap(tanh.graph).get('o')!)).toBe(
      'On the drawing, num marks the edge of the numerator e-1, den that of the denominator e+1.',
    );
    // A sum's operands need no words.
    expect(describeRoles(nodeMap(tanh.graph).get('n')!)).toBeUndefined();
  });

  it('label the edges of the DOT and Mermaid exports', () => {
    const { graph } = scenario('slope');
    const { values, grads } = backprop(graph);
    const id = (name: string) => `n${graph.nodes.findIndex((n) => n.name === name)}`;
    const dot = toDot(graph, values, grads);
    expect(dot).toContain(`  ${id('x')} -> ${id('x^2')} [label="base"];`);
    expect(dot).toContain(`  ${id('2')} -> ${id('x^2')} [label="exp"];`);
    // Other edges stay bare.
    expect(dot).toContain(`  ${id('x')} -> ${id('4*x')};`);
    const mermaid = toMermaid(graph, values, grads);
    expect(mermaid).toContain(`  ${id('x')} -->|base| ${id('x^2')}`);
    expect(mermaid).toContain(`  ${id('2')} -->|exp| ${id('x^2')}`);
  });
});
