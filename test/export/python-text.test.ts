import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { commentLines, commentText, pythonString } from '../../src/export/python-text.js';

const python = spawnSync('python3', ['--version']).status === 0 ? 'python3' : null;
if (!python) console.log('Python text tests SKIPPED: there is no python3 here to read the literals back.');

/** What Python reads back from each literal, as the code points of the str (JSON would turn a lone surrogate to U+FFFD). */
function readBack(literals: string[]): number[][] {
  const source = `import sys\nfor s in [${literals.join(', ')}]:\n    print(' '.join(str(ord(c)) for c in s))\n`;
  const ran = spawnSync(python!, ['-c', source], { encoding: 'utf8' });
  expect(ran.stderr).toBe('');
  return ran.stdout
    .split('\n')
    .slice(0, literals.length)
    .map((line) => (line === '' ? [] : line.split(' ').map(Number)));
}

const codePoints = (text: string) => [...text].map((ch) => ch.codePointAt(0)!);

const AWKWARD = [
  'plain',
  'a "quoted" \'word\' and a trailing backslash\\',
  '"""; open("PWNED", "w"); """',
  'line\nbreak\rlone CR\r\nCRLF \u2028 \u2029 \u0085 \u000b \u000c',
  '\\n is two characters, \\x41 too',
  'bidi \u202e\u2066\u2069\u200e\u200f\u061c zero-width \u200b\u200c\u200d\u2060\ufeff',
  'a lone \ud800 half, a pair 😀, ∂z/∂a',
  '\u001b]52;c;Y3VybA==\u0007',
  '',
];

describe('pythonString', () => {
  it('is pure printable ASCII, whatever the text', () => {
    for (const text of AWKWARD) expect(pythonString(text)).toMatch(/^"[\x20-\x7e]*"$/);
  });

  it.skipIf(!python)('reads back in Python as exactly the text, code point for code point', () => {
    expect(readBack(AWKWARD.map(pythonString))).toEqual(AWKWARD.map(codePoints));
  });
});

describe('commentText', () => {
  it('keeps a comment on one line: every line break Python or an editor knows shows instead', () => {
    const shown = commentText('a\nb\rc\r\nd\u2028e\u2029f\u0085g\u000bh\u000ci');
    expect(shown).toBe('a^Jb^Mc^M^Jd\\u2028e\\u2029f\\u0085g^Kh^Li');
  });

  it('breaks a coding declaration or a modeline, so no line it lands on can set the encoding', () => {
    expect(commentText('Lesson  coding: unicode_escape')).toBe('Lesson  coding : unicode_escape');
    expect(commentText('-*- coding=latin-1 -*-')).toBe('-*- coding =latin-1 -*-');
    expect(commentText('vim: set fileencoding=unicode_escape :')).toBe('vim : set fileencoding =unicode_escape :');
    for (const text of ['coding: x', 'coding=x', 'vim: x', ' vi: x', 'ex: x', 'Vim: x', 'vim600: x', 'vim>703: x', 'fileencoding=x'])
      expect(commentText(text)).not.toMatch(/coding[:=]|(^|\s)(vim?|Vim|ex|vim?[<=>]?\d+):/);
  });

  it('shows bidi and zero-width characters', () => {
    expect(commentText('a\u202eb\u200bc')).toBe('a\\u202eb\\u200bc');
  });

  it('commentLines wraps a paragraph into comment lines, each of them inert', () => {
    const lines = commentLines(`x \\nopen("PWNED","w").write("1")\\n# coding: unicode_escape ${'word '.repeat(30)}`);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line).toMatch(/^#/);
      expect(line.length).toBeLessThanOrEqual(78);
      expect(line).not.toMatch(/coding[:=]/);
    }
  });
});
