import { describe, expect, it } from 'vitest';
import { routeChannel } from '../../src/layout/channel.js';
import { formatNumber } from '../../src/layout/format.js';
import { Dir, glyphOf, Weight, withArm } from '../../src/layout/glyphs.js';
import {
  coordinates,
  countCrossings,
  describeOrdering,
  describePlacement,
  edgeCells,
  hopsOf,
  layers,
  layoutSize,
  order,
} from '../../src/layout/index.js';
import { graphOf, SEEDS } from './seeds.js';

const layered = (name: string) => describeOrdering(order(layers(SEEDS[name].graph)));

describe('layers', () => {
  it('puts a leaf next to the node that uses it: the neuron`s bias one layer before n', () => {
    expect(layered('neuron')).toBe(['0: x1 w1 x2 w2', '1: x1*w1 x2*w2', '2: x1w1x2w2 b', '3: n', '4: o'].join('\n'));
  });

  it('gives an edge that skips a layer a dummy there (b → z in (a + b) + b)', () => {
    expect(layered('reuse-add')).toBe(['0: a b', '1: c ·', '2: z'].join('\n'));
    const layering = layers(SEEDS['reuse-add'].graph);
    const direct = layering.edges.find((e) => e.from === 'b' && e.to === 'z')!;
    expect(hopsOf(direct)).toHaveLength(2);
  });
});

describe('order', () => {
  it('follows the operands: b above a for b + a', () => {
    const graph = graphOf({ a: 3, b: -5 }, [['z', '+', ['b', 'a']]]);
    expect(describeOrdering(order(layers(graph)))).toBe('0: b a\n1: z');
  });

  it('counts crossings by port: a + b drawn with b on top crosses once', () => {
    const layering = layers(SEEDS.add.graph);
    expect(countCrossings(layering, [[0, 1], [2]])).toBe(0);
    expect(countCrossings(layering, [[1, 0], [2]])).toBe(1);
  });

  it('finds an order without crossings for every seed graph', () => {
    for (const seed of Object.values(SEEDS)) expect(order(layers(seed.graph)).crossings).toBe(0);
  });
});

describe('coordinates', () => {
  it('lines a unary node up with its operand, so tanh(n) is one straight edge', () => {
    const placement = coordinates(order(layers(SEEDS.neuron.graph)), false);
    const [n, o] = ['n', 'o'].map((name) => SEEDS.neuron.graph.nodes.findIndex((node) => node.name === name));
    expect(placement.top[o]).toBe(placement.top[n]);
  });

  it('keeps a blank row between the boxes of a layer', () => {
    expect(describePlacement(coordinates(order(layers(SEEDS['add-then-mul'].graph)), false))).toBe(
      ['0: a@0 b@5', '1: c@2 d@7', '2: z@4'].join('\n'),
    );
  });
});

describe('channel routing', () => {
  it('bends each hop once, on its own track, and a straight hop needs none', () => {
    const routed = routeChannel([
      { hop: 0, from: 0, sourceRow: 1, targetRow: 1 },
      { hop: 1, from: 1, sourceRow: 6, targetRow: 2 },
    ]);
    expect(routed.tracks).toBe(1);
    expect(routed.routes.get(0)).toEqual({ kind: 'straight' });
    expect(routed.routes.get(1)).toEqual({ kind: 'bend', track: 0 });
  });

  it('shares one trunk between hops from one source', () => {
    const routed = routeChannel([
      { hop: 0, from: 0, sourceRow: 5, targetRow: 1 },
      { hop: 1, from: 0, sourceRow: 5, targetRow: 9 },
    ]);
    expect(routed.tracks).toBe(1);
  });

  it('keeps a hop that starts on a row where another ends left of it', () => {
    // Hop 0 runs in on row 4 and hop 1 runs out on row 4: hop 0's track must come first.
    const routed = routeChannel([
      { hop: 0, from: 0, sourceRow: 4, targetRow: 12 },
      { hop: 1, from: 1, sourceRow: 1, targetRow: 4 },
    ]);
    expect(routed.routes.get(0)).toEqual({ kind: 'bend', track: 0 });
    expect(routed.routes.get(1)).toEqual({ kind: 'bend', track: 1 });
  });

  it('breaks two hops that swap rows with a dogleg along a free row', () => {
    // 2 → 8 and 8 → 2: each must lie left of the other, so one jogs.
    const routed = routeChannel([
      { hop: 0, from: 0, sourceRow: 2, targetRow: 8 },
      { hop: 1, from: 1, sourceRow: 8, targetRow: 2 },
    ]);
    const kinds = [...routed.routes.values()].map((r) => r.kind).sort();
    expect(kinds).toEqual(['bend', 'dogleg']);
    const dogleg = [...routed.routes.values()].find((r) => r.kind === 'dogleg')!;
    expect(dogleg.kind === 'dogleg' && dogleg.row > 2 && dogleg.row < 8).toBe(true);
    expect(routed.tracks).toBe(3);
  });
});

describe('glyphs', () => {
  const arms = (n: number, e: number, s: number, w: number) =>
    [Dir.N, Dir.E, Dir.S, Dir.W].reduce<number>((a, dir, i) => withArm(a, dir, [n, e, s, w][i] as Weight), 0);

  it('rounds light corners and squares heavy ones', () => {
    expect(glyphOf(arms(0, 1, 1, 0))).toBe('╭');
    expect(glyphOf(arms(0, 2, 2, 0))).toBe('┏');
  });

  it('draws a port on a box border and a trunk that splits', () => {
    expect(glyphOf(arms(1, 1, 1, 0))).toBe('├');
    expect(glyphOf(arms(1, 2, 1, 0))).toBe('┝');
    expect(glyphOf(arms(1, 0, 2, 2))).toBe('┪');
    expect(glyphOf(arms(0, 1, 1, 1))).toBe('┬');
  });

  it('falls back where Unicode has no glyph: a double border with a heavy port', () => {
    expect(glyphOf(arms(3, 2, 3, 0))).toBe('╟');
  });
});

describe('numbers', () => {
  it.each([
    [-2, '-2'],
    [0.7071067811865476, '0.7071'],
    [-26.5, '-26.5'],
    [6.8813735870195432, '6.881'],
    [0.4999999999999999, '0.5'],
    [12345.6, '12346'],
    [1234567, '1.23e6'],
    [0.001, '0.001'],
    [0.0012345, '0.0012'],
    [0.00012345, '1.2e-4'],
    [-1e-17, '-1e-17'],
    [-0, '0'],
    [NaN, 'NaN'],
    [Infinity, '∞'],
    [-Infinity, '-∞'],
  ])('%d reads %s', (x, text) => {
    expect(formatNumber(x)).toBe(text);
    expect(text.length).toBeLessThanOrEqual(7);
  });
});

describe('edge cells', () => {
  it('walks every cell between corners', () => {
    expect(
      edgeCells([
        { row: 0, col: 0 },
        { row: 0, col: 2 },
        { row: 2, col: 2 },
      ]),
    ).toEqual([
      { row: 0, col: 0 },
      { row: 0, col: 1 },
      { row: 0, col: 2 },
      { row: 1, col: 2 },
      { row: 2, col: 2 },
    ]);
  });
});
