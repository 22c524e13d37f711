/**
 * Text from a scenario file inside an exported Python script. It is untrusted:
 * a title reading `coding: unicode_escape` on line 1 or 2 made Python decode
 * the whole script that way, so a literal `\n` in the description became a
 * line break and the rest of the comment ran as code. Every piece of file text
 * reaches a script through one of the two functions here: `commentText` for a
 * comment (and `commentLines` for a paragraph of them), `pythonString` for a
 * string literal. Docstrings hold no file text.
 */

import { visibleLine } from '../io/visible.js';

/**
 * What Python (PEP 263: `coding:`, `coding=`, Vim's `fileencoding=`) and the
 * editors (Vim's modelines: `vim:`, `Vim:`, `vi:`, `ex:`, `vim600:`) read as
 * settings in a comment. Python reads them only on lines 1-2, which hold no
 * file text, but a comment that cannot declare anything stays inert wherever
 * its line ends up.
 */
const DECLARATION = /(coding)([:=])|(?<![\w])(vim?|Vim|ex|vim?[<=>]?\d+)(:)/g;

/**
 * Untrusted text for a one-line comment: line breaks (a lone \r too) and
 * control characters, bidi and zero-width characters shown as what they are,
 * so nothing ends the comment or reorders what a reader sees; `coding:` and
 * modelines broken by a space. Quotes and backslashes mean nothing in a
 * comment once the encoding is fixed (line 2), so they stay as written.
 */
export function commentText(text: string): string {
  return visibleLine(text).replace(DECLARATION, (_all, word: string, sign: string, editor: string, colon: string) =>
    word !== undefined ? `${word} ${sign}` : `${editor} ${colon}`,
  );
}

/** `# text` lines for a paragraph of untrusted text, wrapped near `width`. */
export function commentLines(text: string, width = 78): string[] {
  const words = commentText(text.replace(/\s+/g, ' ').trim())
    .split(' ')
    .filter((w) => w !== '');
  const lines: string[] = [];
  let line = '#';
  for (const word of words) {
    if (line.length + 1 + word.length > width && line !== '#') {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  if (line !== '#') lines.push(line);
  return lines;
}

/**
 * A Python string literal for untrusted text, in pure ASCII: printable ASCII
 * as it is (a quote and a backslash escaped), everything else as a \x, \u or
 * \U escape of its code point. Nothing in it can end the string, start a line,
 * depend on the file's encoding or reorder the line on screen. A lone
 * surrogate becomes \udXXX, which Python reads back as the same str.
 */
export function pythonString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}
