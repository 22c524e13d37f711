import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/catalog.js';
import { backprop } from '../../src/engine/index.js';
import { bandsWithin, drawWithin, TooNarrow } from '../../src/layout/bands.js';
import { layoutGraph } from '../../src/layout/index.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { runCli } from '../helpers/run-cli.js';
import { allProblems } from './invariants.js';
import { graphFrom, recipes } from './random.js';
import { before } from './seeds.js';

const widest = (text: string) => Math.max(...text.split('\n').map((line) => stringWidth(line)));
const small = bundledScenarios().filter((e) => loadScenarioFile(e.file).graph.nodes.length <= 40);

describe('graph --width', () => {
  it('draws every bundled lesson of 40 nodes or fewer within 80 columns, piped (80 by default) and with --width 80', async () => {
    // tanh-from-exp, neuron-learns and forgot-zero-grad drew 126, 110 and 110 wide before.
    expect(small.map((e) => e.id)).toEqual(expect.arrayContaining(['tanh-from-exp', 'neuron-learns', 'forgot-zero-grad']));
    for (const { id } of small) {
      for (const args of [
        ['graph', id, '--width', '80'],
        ['graph', id],
      ]) {
        const { code, stdout } = await runCli(args);
        expect(code, id).toBe(0);
        expect(widest(stdout), `${args.join(' ')}`).toBeLessThanOrEqual(80);
      }
    }
  });

  it('wraps the line between two bands at a narrow width, never cutting its sentence short (at 40: "… again from" and no more)', async () => {
    const { code, stdout } = await runCli([
      'graph',
      '--expr',
      'z = a ^ b / c',
      '--set',
      'a=2',
      '--set',
      'b=3',
      '--set',
      'c=4',
      '--width',
      '40',
    ]);
    expect(code).toBe(0);
    expect(widest(stdout)).toBeLessThanOrEqual(40);
    const at = stdout.split('\n').findIndex((line) => line.startsWith('┄┄ continued'));
    expect(stdout.split('\n').slice(at, at + 2)).toEqual(['┄┄ continued: a^b, c come in again from', 'above ┄┄']);
  });

  it('keeps every drawing’s rules in each band, and draws each node once as itself, after the operands it carries in', () => {
    for (const { id, file } of small) {
      const { graph } = loadScenarioFile(file);
      const bands = bandsWithin(graph, 80);
      const own: string[] = [];
      for (const band of bands) {
        expect(band.layout.width, id).toBeLessThanOrEqual(80);
        expect(allProblems(band.layout, before(band.layout.graph)), id).toEqual([]);
        for (const name of band.carried) expect(own, `${id}: ${name} is carried before it is drawn`).toContain(name);
        own.push(...band.layout.graph.nodes.map((n) => n.name).filter((n) => !band.carried.includes(n)));
      }
      expect(own.sort(), id).toEqual(graph.nodes.map((n) => n.name).sort());
    }
  });

  it('stacks tanh-from-exp in two bands at 80: 2*n, the last node of the first, comes in again on the second', () => {
    const { graph } = loadScenarioFile(bundledScenarios().find((e) => e.id === 'tanh-from-exp')!.file);
    const bands = bandsWithin(graph, 80);
    expect(bands.map((b) => b.carried)).toEqual([[], ['2*n']]);
    const { values, grads } = backprop(graph);
    const text = drawWithin(graph, { values, grads }, 80);
    expect(text).toContain('┄┄ continued: 2*n comes in again from above ┄┄');
    // The carried box shows the same numbers as the original: v 1.763, g 0.25 (2n = 2 · 0.881374; ∂o/∂(2n) = (1 − o²)/2).
    const n = 2 * -3 + 0 * 1 + 6.8813735870195432;
    const o = Math.tanh(n);
    expect(Number((2 * n).toPrecision(4))).toBe(1.763);
    expect((1 - o * o) / 2).toBeCloseTo(0.25, 12);
    expect(text.match(/v {2}1\.763 /g)).toHaveLength(2);
    expect(text.match(/g {2}0\.25 /g)).toHaveLength(2);
  });

  it('holds for random graphs at random widths: within the width, or refused with the least width that draws it', () => {
    fc.assert(
      fc.property(recipes(16), fc.integer({ min: 10, max: 120 }), (recipe, width) => {
        const graph = graphFrom(recipe);
        const state = before(graph);
        try {
          expect(widest(drawWithin(graph, state, width))).toBeLessThanOrEqual(width);
          for (const band of bandsWithin(graph, width)) expect(allProblems(band.layout, before(band.layout.graph))).toEqual([]);
        } catch (error) {
          if (!(error instanceof TooNarrow)) throw error;
          expect(error.needed).toBeGreaterThan(width);
          expect(widest(drawWithin(graph, state, error.needed))).toBeLessThanOrEqual(error.needed);
        }
      }),
      { numRuns: 150, seed: 20261207 },
    );
  });

  it('a width too small: one sentence with the least width, exit 2', async () => {
    const { file } = bundledScenarios().find((e) => e.id === 'neuron')!;
    const { code, stdout, stderr } = await runCli(['graph', 'neuron', '--width', '20']);
    const needed = (() => {
      try {
        drawWithin(loadScenarioFile(file).graph, before(loadScenarioFile(file).graph), 20);
      } catch (error) {
        return (error as TooNarrow).needed;
      }
    })();
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe(
      `${file}: its drawing needs at least ${needed} columns (a column of boxes, with the lines into it), more than --width 20 — give --width ${needed} or more.\n`,
    );
    expect((await runCli(['graph', 'neuron', '--width', String(needed)])).code).toBe(0);
    expect((await runCli(['graph', 'neuron', '--width', 'wide'])).stderr).toBe(
      '--width takes a whole number from 1 to 100,000, not "wide" — e.g. --width 80.\n',
    );
  });

  it('in a terminal, draws within its width; the whole drawing where it fits', async () => {
    const { main } = await import('../../src/cli.js');
    const { Writable, Readable } = await import('node:stream');
    const run = async (columns: number) => {
      let out = '';
      const stdout = Object.assign(
        new Writable({
          write(chunk, _e, done) {
            out += String(chunk);
            done();
          },
        }),
        { isTTY: true, columns },
      );
      const stderr = new Writable({ write: (_c, _e, done) => done() });
      await main(['graph', 'neuron-learns', '--no-color'], { stdout, stderr, stdin: Readable.from([]), env: {} });
      return out;
    };
    const whole = layoutGraph(loadScenarioFile(bundledScenarios().find((e) => e.id === 'neuron-learns')!.file).graph);
    expect(widest(await run(whole.width))).toBe(whole.width);
    expect(await run(whole.width)).not.toContain('continued');
    expect(widest(await run(60))).toBeLessThanOrEqual(60);
  });
});
