import { describe, expect, it } from 'vitest';
import { expressionOf } from '../../src/lesson/format.js';
import { parseScenario } from '../../src/scenario/index.js';

/** n levels, each using the one before twice: written out in full, 2^n copies of x. */
function doubling(n: number): string {
  const nodes = Array.from({ length: n }, (_, i) => `  y${i + 1}: ${i === 0 ? 'x' : `y${i}`} * ${i === 0 ? 'x' : `y${i}`}`);
  return `title: doubling\ninputs:\n  x: 2\nnodes:\n${nodes.join('\n')}\n`;
}

describe('expressionOf on a graph that reuses its nodes', () => {
  it('writes a named node used twice as its name, defined after', () => {
    const { graph } = parseScenario(doubling(2), 'd.yaml');
    expect(expressionOf(graph, 'y2')).toBe('y1 · y1, y1 = x · x');
  });

  it('writes the rest with the fewest parentheses, constants as their numbers', () => {
    const { graph } = parseScenario('title: t\ninputs:\n  a: 1\n  b: 2\nnodes:\n  c: a * b\n  z: (c + 1) * (c - 1) + a ^ -2\n', 't.yaml');
    // c is used twice; the two constants 1 (told apart as 1 and 1′ in the drawing) read as 1.
    expect(expressionOf(graph, 'z')).toBe('(c + 1) · (c - 1) + a ^ (-2), c = a · b');
  });

  it('writes a node whose text would pass a menu line as its name, at once even with 2^60 paths', () => {
    const { graph } = parseScenario(doubling(60), 'd.yaml');
    const start = performance.now();
    const text = expressionOf(graph, 'y60');
    expect(performance.now() - start).toBeLessThan(1000);
    expect(text.length).toBeLessThanOrEqual(200);
    // Each node used twice is its name, defined after it while the menu line has room.
    expect(text).toBe('y59 · y59, y59 = y58 · y58, y58 = y57 · y57, y57 = y56 · y56');
  });
});
