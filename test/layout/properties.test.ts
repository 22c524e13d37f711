import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, layoutGraph, type GraphState } from '../../src/layout/index.js';
import { allProblems, highlightStaysOnEdge } from './invariants.js';
import { graphFrom, recipes } from './random.js';

const stateOf = (names: string[]): GraphState => ({
  values: Object.fromEntries(names.map((n, i) => [n, i * 1.5 - 3])),
  grads: Object.fromEntries(names.map((n, i) => [n, i % 3 === 0 ? undefined : -i / 7])),
});

describe('any DAG', () => {
  it.each([
    ['full boxes', false, 2000],
    ['compact boxes', true, 600],
  ])('draws without overlap, with connected, separate edges (%s)', (_, compact, numRuns) => {
    fc.assert(
      fc.property(recipes(18), (recipe) => {
        const graph = graphFrom(recipe);
        const layout = layoutGraph(graph, { compact });
        expect(allProblems(layout, stateOf(graph.nodes.map((n) => n.name)))).toEqual([]);
      }),
      { numRuns, seed: 20240603 },
    );
  });

  it('lights an edge without touching any cell the edge does not own', () => {
    fc.assert(
      fc.property(recipes(14), fc.nat(), (recipe, pick) => {
        const graph = graphFrom(recipe);
        const layout = layoutGraph(graph);
        fc.pre(layout.edges.length > 0);
        const edge = layout.edges[pick % layout.edges.length];
        const state = stateOf(graph.nodes.map((n) => n.name));
        expect(highlightStaysOnEdge(layout, state, [edge.from, edge.to])).toEqual([]);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it('lays out the same graph the same way every time', () => {
    fc.assert(
      fc.property(recipes(18), (recipe) => {
        const graph = graphFrom(recipe);
        expect(layoutGraph(graph)).toEqual(layoutGraph(structuredClone(graph)));
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe('any number', () => {
  it('fits the number field of a box', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        expect(formatNumber(x).length).toBeLessThanOrEqual(7);
      }),
      { numRuns: 5000, seed: 3 },
    );
  });
});
