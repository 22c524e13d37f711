import { describe, expect, it } from 'vitest';
import { visible, visibleLine } from '../../src/io/visible.js';

describe('visible', () => {
  it('shows an OSC 52 clipboard sequence instead of sending it', () => {
    const osc = '\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07';
    expect(visible(`title${osc}`)).toBe('title␛]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==^G');
    expect(visible(osc)).not.toMatch(/[\x00-\x1f]/);
  });
  it('makes C1 controls and DEL visible, keeps ordinary Unicode', () => {
    expect(visible('a\x9bb\x7fc')).toBe('a\\u009bb^?c');
    expect(visible('∂z/∂a = 2 · b — ✓')).toBe('∂z/∂a = 2 · b — ✓');
  });
  it('keeps newlines and tabs for layout; visibleLine shows them too', () => {
    expect(visible('a\nb\tc')).toBe('a\nb\tc');
    expect(visibleLine('a\nb\tc\r')).toBe('a^Jb^Ic^M');
  });
});

describe('visible: what hides or reorders text', () => {
  it('shows bidi controls as \\u escapes, so a line reads on screen in the order it is stored', () => {
    // "Trojan Source": U+202E turns the rest of the line around on screen.
    expect(visible('admin\u202e } \u2066x\u2069')).toBe('admin\\u202e } \\u2066x\\u2069');
    for (const ch of ['\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u200e', '\u200f', '\u061c'])
      expect(visible(ch)).toBe(`\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  });
  it('shows zero-width characters, so two names that look alike do not', () => {
    expect(visible('a\u200bb\u200cc\u200dd\u2060e\ufeff')).toBe('a\\u200bb\\u200cc\\u200dd\\u2060e\\ufeff');
  });
  it('shows a lone surrogate half, which would print as U+FFFD, and keeps a pair', () => {
    expect(visible('a\ud800b\udc00')).toBe('a\\ud800b\\udc00');
    expect(visible('😀')).toBe('😀');
  });
});
