/**
 * The Order phase where the graph is too large for a key per node: no task (digits stay free), a right order
 * shown instead; and past 40 nodes build_topo's moves are left out, its list and the list reversed kept.
 */
import { describe, expect, it } from 'vitest';
import { buildLesson, stepText } from '../../src/lesson/index.js';
import { parseScenario } from '../../src/scenario/index.js';
import { initialSession, reduce } from '../../src/session/session.js';

/** a, then b = a + a, c = b + b, and a chain of `more` nodes each adding a. */
function chain(more: number): string {
  const names = Array.from({ length: more }, (_, k) => `n${k}`);
  const nodes = names.map((name, k) => `  ${name}: ${k === 0 ? 'c' : names[k - 1]} + a`);
  return ['title: A long chain', 'inputs:', '  a: 1', 'nodes:', '  b: a + a', '  c: b + b', ...nodes, 'wrong_order: b', ''].join('\n');
}

const open = (source: string) => {
  const scenario = parseScenario(source, 'chain.yaml');
  const lesson = buildLesson(scenario);
  const step = lesson.steps.findIndex((s) => s.title === 'Your order');
  const state = reduce(initialSession({ window: { columns: 80, rows: 24 } }), {
    type: 'opened',
    lesson: { kind: 'file', path: 'chain.yaml' },
    scenario,
    step,
    from: 'menu',
  }).state;
  return { lesson, step, state };
};

describe('the Order phase on a larger graph', () => {
  it('with nine operations it is a task; with ten, a right order and no keys', () => {
    const nine = open(chain(7));
    expect(reduce(nine.state, { type: 'key', key: '1' }).state.order?.picks).toHaveLength(1);
    const ten = open(chain(8));
    expect(reduce(ten.state, { type: 'key', key: '1' }).state).toBe(ten.state);
    const said = stepText(ten.lesson, { step: ten.step, predict: false, picks: {}, hints: 0, overwrite: false }).lines.join(' ');
    // The engine runs the chain from its end: n7 down to n0, then c, then b.
    expect(said).toContain('This graph has 10 nodes with a _backward, more than there are keys to pick them by.');
    expect(said).toContain('A right order: n7, n6, n5, n4, n3, n2, n1, n0, c, b.');
  });

  it('past 40 nodes, build_topo is its list and the list reversed, without a step per move', () => {
    const titles = (more: number) =>
      open(chain(more))
        .lesson.steps.filter((s) => s.title.startsWith('build_topo'))
        .map((s) => s.title);
    // 37 + a, b, c = 40 nodes: a visit and an append for each, and a met again from each of the 37 (b's _prev holds it
    // once), between the code and the reversal. 38 + 3 = 41 nodes: past the limit.
    expect(titles(37)).toHaveLength(2 + 2 * 40 + 37);
    expect(titles(38)).toEqual(['build_topo: how micrograd orders it', 'build_topo: reversed']);
    const reversed = open(chain(38)).lesson.steps.find((s) => s.title === 'build_topo: reversed')!;
    expect(reversed.lines[1]).toMatch(/^reversed\(topo\): \[n37, n36, .*, n0, c, b, a\]$/);
  });
});
