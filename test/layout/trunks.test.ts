import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reusedInputsScenario } from '../../bench/graphs.js';
import { layers, layoutGraph, layoutSize, pathOf, type GraphState } from '../../src/layout/index.js';
import { parseScenario } from '../../src/scenario/index.js';
import type { Graph } from '../../src/engine/graph.js';
import { allProblems, highlightStaysOnEdge } from './invariants.js';
import { graphFrom, recipes } from './random.js';
import { graphOf } from './seeds.js';

/** a + b + a + b + … of `terms` terms, as the chain of sums s1 = a + b, s2 = s1 + a, … the loader makes of it. */
function alternating(terms: number): Graph {
  const rows: [string, '+', string[]][] = [['s1', '+', ['a', 'b']]];
  for (let t = 2; t < terms; t++) rows.push([`s${t}`, '+', [`s${t - 1}`, t % 2 === 0 ? 'a' : 'b']]);
  return graphOf({ a: 1, b: 2 }, rows);
}

const stateOf = (graph: Graph): GraphState => ({
  values: Object.fromEntries(graph.nodes.map((n, i) => [n.name, i / 4])),
  grads: Object.fromEntries(graph.nodes.map((n) => [n.name, 1])),
});

const dummiesOf = (graph: Graph) => layers(graph).nodes.length - graph.nodes.length;

describe('an input used again and again', () => {
  it('runs along one trunk: one dummy per layer it crosses, not one per use and layer', () => {
    // s_t sits in layer t. a and b sit in layer 0; a's last use is s198 (layer 198), b's s199: their trunks
    // cross layers 1..197 and 1..198. One line per use would cross 1 + 3 + … + 197 (a) and 2 + 4 + … + 198 (b).
    const graph = alternating(200);
    expect(dummiesOf(graph)).toBe(197 + 198);
    expect(layoutSize(graph).dummies).toBe(197 + 198);
  });

  it('draws without overlap, each edge one path from its source to its arrow, lit alone', () => {
    for (const shape of ['products', 'inputs'] as const) {
      const { graph } = parseScenario(reusedInputsScenario(16, 5, shape), 'reused.yaml');
      const layout = layoutGraph(graph);
      expect(allProblems(layout, stateOf(graph))).toEqual([]);
      for (const edge of layout.edges.filter((e) => e.from === 'x1')) {
        expect(highlightStaysOnEdge(layout, stateOf(graph), [edge.from, edge.to])).toEqual([]);
      }
    }
  });

  it('keeps each corner of a trunk once: an edge holds only the corners of its own tap', () => {
    const graph = alternating(60);
    const layout = layoutGraph(graph);
    const last = layout.edges.find((e) => e.from === 'b' && e.to === 's59')!;
    // Its whole path runs from b's port through 57 layers of dummies, yet it stores no more than one hop's
    // corners (leaving the trunk, along the stub, two on its track, the arrow): the rest is the shared trunk.
    expect(last.trunk).toBeDefined();
    expect(last.points.length).toBeLessThanOrEqual(7);
    expect(pathOf(last)[0]).toEqual({ row: layout.boxes.b.row + 1, col: layout.boxes.b.col + layout.boxes.b.width - 1 });
    expect(layout.trunks).toHaveLength(2);
  });
});

describe('layoutSize, worked out before the layout', () => {
  it('counts the dummies exactly and never more room than the layout takes', () => {
    fc.assert(
      fc.property(recipes(18), fc.boolean(), (recipe, compact) => {
        const graph = graphFrom(recipe);
        const size = layoutSize(graph, compact);
        const layout = layoutGraph(graph, { compact });
        expect(size.dummies).toBe(dummiesOf(graph));
        expect(size.width).toBeLessThanOrEqual(layout.width);
        expect(size.height).toBeLessThanOrEqual(layout.height);
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  it('is the sum of the layers` widths and stubs, and the tallest layer`s boxes and dummies', () => {
    // a + b + a + b: s1 = a + b, s2 = s1 + a, s3 = s2 + b in layers 1, 2, 3; a and b in layer 0. a's trunk
    // crosses layer 1 (to s2), b's layers 1 and 2 (to s3): 3 dummies. Every box is a full one, at least 12 wide
    // (narrow, as a drawing just over 80 columns has them), and each of the 3 channels adds a stub and an arrow
    // column. Layer 0 is the tallest: a and b, 4 rows each with a blank between (layer 1: s1, 4 rows, and two
    // dummies, each under a blank, is 8).
    expect(layoutSize(alternating(4))).toEqual({ dummies: 3, width: 4 * 12 + 3 * 2, height: 4 + 1 + 4 });
  });
});
