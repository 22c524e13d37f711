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
