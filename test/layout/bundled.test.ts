import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/catalog.js';
import { drawGraph, drawingToText, layoutGraph } from '../../src/layout/index.js';
import { loadScenarioFile, scenarioId } from '../../src/scenario/index.js';
import { expectGolden } from './golden.js';
import { allProblems } from './invariants.js';
import { before } from './seeds.js';
import { COURSE } from '../course-order.js';

const DIR = join(import.meta.dirname, '..', '..', 'scenarios');
const GOLDEN = join(import.meta.dirname, 'golden', 'bundled');
const files = readdirSync(DIR)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort();

const CUT = ['tanh-from-exp', 'neuron-learns', 'forgot-zero-grad', 'mlp'];

describe('bundled scenarios', () => {
  it('are the course’s lessons, in order, as the tutor lists them, each with one golden drawing', () => {
    // The files on disk against the course written out by hand: a lesson lost or added shows here, not as fewer tests below.
    expect(files.map(scenarioId)).toEqual(COURSE);
    expect(bundledScenarios().map((e) => e.file)).toEqual(files.map((f) => join(DIR, f)));
    expect(readdirSync(GOLDEN).sort()).toEqual(COURSE.map((id) => `${id}.txt`).sort());
    for (const id of CUT) expect(COURSE).toContain(id);
  });

  it.each(files)('%s fits 80×24 with every name visible, and draws as its golden file', (file) => {
    const { graph } = loadScenarioFile(join(DIR, file));
    const layout = layoutGraph(graph);
    // The notebook's graphs and the lecture's small ones fit whole; tanh written out and the
    // training lessons (a loss node, the MLP) are cut around each step instead.
    if (!CUT.includes(scenarioId(file))) {
      expect(layout.width).toBeLessThanOrEqual(80);
      expect(layout.height).toBeLessThanOrEqual(24);
    }
    expect(allProblems(layout, before(graph))).toEqual([]);
    expectGolden(`bundled/${scenarioId(file)}.txt`, drawingToText(drawGraph(layout, before(graph))));
  });
});
