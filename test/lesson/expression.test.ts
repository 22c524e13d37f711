import { describe, expect, it } from 'vitest';
import { expressionOf } from '../../src/lesson/format.js';
import { parseScenario } from '../../src/scenario/index.js';

/** n levels, each using the one before twice: written out in full, 2^n copies of x. */
function doubling(n: number): string {
  const nodes = Array.from({ length: n }, (_, i) => `  y${i + 1}: ${i === 0 ? 'x' : `y${i}`} * ${i === 0 ? 'x' : `y${i}`}`);
  return `title: doubling\ninputs:\n  x: 2\nnodes:\n${nodes.join('\n')}\n`;
}

describe('expressionOf on a graph that reuses its nodes', () => {
  it('writes a small one out in full', () => {
    const { graph } = parseScenario(doubling(2), 'd.yaml');
    expect(expressionOf(graph, 'y2')).toBe('y1 · y1'.replace(/y1/g, '(x · x)'));
  });

  it('writes a node whose text would pass a menu line as its name, at once even with 2^60 paths', () => {
    const { graph } = parseScenario(doubling(60), 'd.yaml');
    const start = performance.now();
    const text = expressionOf(graph, 'y60');
    expect(performance.now() - start).toBeLessThan(1000);
    expect(text.length).toBeLessThanOrEqual(200);
    // Each node's text past 200 characters becomes its name, so the text grows again from the names.
    expect(text).toBe('y59 · y59');
  });
});
