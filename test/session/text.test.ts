import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, clipLimit, wrapLines } from '../../src/session/text.js';

const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`);
const TALLER = 'a taller window shows them';

describe('clip', () => {
  it('leaves text that fits alone, whatever the scroll', () => {
    expect(clip(numbered(3), 3, 5)).toEqual(numbered(3));
  });

  it('says how many lines are cut below, and above once scrolled', () => {
    expect(clip(numbered(5), 3)).toEqual(['line 0', 'line 1', `… 3 more lines (${TALLER})`]);
    expect(clip(numbered(6), 4, 1, '↓ shows them')).toEqual([
      '… 2 more lines above (↑ shows them)',
      'line 2',
      'line 3',
      '… 2 more lines (↓ shows them)',
    ]);
    expect(clip(numbered(6), 4, 2)).toEqual(['… 3 more lines above (↑ shows them)', 'line 3', 'line 4', 'line 5']);
    expect(clip(numbered(30), 3, 2)).toEqual(['… 3 more lines above (↑ shows them)', 'line 3', `… 26 more lines (${TALLER})`]);
    // The first step down shows the two lines that the marker stood for.
    expect(clip(numbered(12), 11, 1)).toEqual(['… 2 more lines above (↑ shows them)', ...numbered(12).slice(2)]);
  });

  it('never hides a single line behind a marker: it shows it instead', () => {
    expect(clip(numbered(8), 5, 3)).toEqual(['… 4 more lines above (↑ shows them)', 'line 4', 'line 5', 'line 6', 'line 7']);
    for (let count = 3; count < 20; count++) {
      for (let by = 0; by <= clipLimit(count, 6); by++) {
        for (const line of clip(numbered(count), 6, by)) expect(line).not.toMatch(/… 1 more line/);
      }
    }
  });

  it('does not scroll under three rows, where both markers and a line do not fit', () => {
    expect(clipLimit(10, 2)).toBe(0);
    expect(clip(numbered(3), 2, 1)).toEqual(['line 0', `… 2 more lines (${TALLER})`]);
    expect(clip(numbered(2), 0)).toEqual([]);
  });

  it('fits the height, accounts for every line, and each step down shows more, until the last line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 20 }), (count, height) => {
        const text = numbered(count);
        const limit = clipLimit(count, height);
        const seen = new Set<string>();
        let previousLast = -1;
        for (let by = 0; by <= limit; by++) {
          const cut = clip(text, height, by);
          expect(cut.length).toBeLessThanOrEqual(height);
          const shown = cut.filter((l) => l.startsWith('line ')).map((l) => Number(l.slice(5)));
          // Consecutive lines, with the markers counting the rest.
          shown.forEach((n, i) => i > 0 && expect(n).toBe(shown[i - 1] + 1));
          const above = Number(/… (\d+) more lines above/.exec(cut[0])?.[1] ?? 0);
          const below = Number(/… (\d+) more lines \(/.exec(cut[cut.length - 1])?.[1] ?? 0);
          expect(above + shown.length + below).toBe(count);
          if (shown.length > 0) expect(shown[0]).toBe(above);
          const last = shown.length > 0 ? shown[shown.length - 1] : -1;
          if (by > 0) expect(last).toBeGreaterThan(previousLast);
          previousLast = last;
          shown.forEach((n) => seen.add(text[n]));
        }
        if (height >= 3 || count <= height) {
          expect(previousLast).toBe(count - 1);
          expect(seen.size).toBe(count);
        }
        // Scrolling past the limit changes nothing.
        expect(clip(text, height, limit + 3)).toEqual(clip(text, height, limit));
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});

describe('wrapLines', () => {
  it('keeps the spaces that align a label where a line wraps (side by side at 140×40 they were squeezed to one)', () => {
    const lines = ['upstream: ∂loss/∂n = 0.707107', 'local:    ∂n/∂m = 1 (n = m + b), a line long enough to wrap'];
    const wrapped = wrapLines(lines, 40);
    expect(wrapped[0]).toBe('upstream: ∂loss/∂n = 0.707107');
    expect(wrapped[1]).toBe('local:    ∂n/∂m = 1 (n = m + b), a line');
    expect(wrapped[2]).toBe('  long enough to wrap');
    // The value after each label starts in the same column.
    expect(wrapped[1].indexOf('∂')).toBe(wrapped[0].indexOf('∂'));
  });

  it('drops the spaces at a break, and keeps the indent of a wrapped line', () => {
    expect(wrapLines(['  a    bb  cc'], 8)).toEqual(['  a', '    bb', '    cc']);
    expect(wrapLines(['  a    bb  cc'], 10)).toEqual(['  a    bb', '    cc']);
  });
});
