/**
 * From offsets in the file to `file:line:col`, and from a character of a scalar's
 * value (an expression) back to the character in the file that produced it.
 */

import { isScalar, LineCounter, Scalar, visit, type Document, type Node, type YAMLError } from 'yaml';
import { ScenarioError } from './types.js';

/** The text of one scenario file and everything needed to point into it. */
export class Source {
  readonly lineCounter = new LineCounter();

  constructor(
    readonly text: string,
    readonly file: string,
  ) {}

  /** An error at a 0-based offset in the file. */
  errorAt(offset: number, problem: string, fix: string): ScenarioError {
    // The LineCounter is filled while parsing; before that (or for an empty file) everything is 1:1.
    const { line, col } = this.lineCounter.lineStarts.length > 0 ? this.lineCounter.linePos(offset) : { line: 1, col: 1 };
    return new ScenarioError(this.file, line, col, problem, fix);
  }

  /** An error at the first character of a YAML node, or at 1:1 when there is none. */
  errorAtNode(node: Node | null | undefined, problem: string, fix: string): ScenarioError {
    return this.errorAt(node?.range?.[0] ?? 0, problem, fix);
  }

  /** The key or value as written in the file (for a number like `1e-3`, its digits, not `0.001`). */
  sourceOf(node: Node): string {
    const range = node.range;
    return range ? this.text.slice(range[0], range[1]) : '';
  }

  /**
   * A scalar's text as the author meant it, and a map from each of its characters to
   * the file. A string scalar gives its value (quotes and folding removed); any other
   * scalar, e.g. `z: -3` which YAML reads as a number, gives its source.
   */
  scalarText(node: Scalar): { text: string; toFile: (index: number) => number } {
    const [start, end] = node.range ?? [0, 0];
    if (typeof node.value !== 'string') {
      return { text: this.text.slice(start, end), toFile: (index) => start + index };
    }
    const value = node.value;
    let from = start;
    if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) from += 1;
    if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
      // Skip the `|` / `>` header line: its indicators are not part of the value.
      const newline = this.text.indexOf('\n', start);
      if (newline >= 0 && newline < end) from = newline + 1;
    }
    return { text: value, toFile: (index) => alignedOffset(this.text, from, end, value, index) };
  }

  /** Our sentence for an error the YAML parser reported in `doc`. */
  yamlError(error: YAMLError, doc: Document): ScenarioError {
    const open = unclosed(doc, error);
    if (open) {
      // YAML notices where the text ends; the author needs the quote or bracket that started it.
      return this.errorAt(open.offset, `this ${open.char} is never closed`, `add the closing ${open.closer}`);
    }
    const { problem, fix } = describeYamlError(error);
    return this.errorAt(error.pos[0], problem, fix);
  }
}

/** For "missing closing quote / must end with a }": the quoted scalar or flow collection that runs up to the error. */
function unclosed(doc: Document, error: YAMLError): { offset: number; char: string; closer: string } | null {
  const quote = /closing (["'])quote/.exec(error.message)?.[1];
  const bracket = /end with a ([}\]])/.exec(error.message)?.[1];
  if (!quote && !bracket) return null;
  let found: { offset: number; char: string; closer: string } | null = null;
  const check = (node: Node, opener: string, closer: string): void => {
    const range = node.range;
    // Nested collections that run to the same end: the outermost is the one left open.
    if (range && range[1] === error.pos[0] && (!found || range[0] < found.offset)) {
      found = { offset: range[0], char: `\`${opener}\``, closer: `\`${closer}\`` };
    }
  };
  visit(doc, {
    Scalar(_key, node) {
      const type = node.type === Scalar.QUOTE_DOUBLE ? '"' : node.type === Scalar.QUOTE_SINGLE ? "'" : null;
      if (quote && type === quote) check(node, quote, quote);
    },
    Map(_key, node) {
      if (bracket === '}' && node.flow) check(node, '{', '}');
    },
    Seq(_key, node) {
      if (bracket === ']' && node.flow) check(node, '[', ']');
    },
  });
  return found;
}

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

/**
 * Where `value[index]` came from in `text[from, end)`. A scalar's value is, but for
 * escapes, a subsequence of its source in which folded line breaks and indentation
 * became single spaces; so we walk both greedily, letting a space in the value match
 * any whitespace in the source. Past the end of the value we point just after its
 * last character. If an escape throws the walk off, we fall back to the start.
 */
function alignedOffset(text: string, from: number, end: number, value: string, index: number): number {
  let f = from;
  for (let i = 0; i < value.length && i <= index; i++) {
    const ch = value[i];
    const space = isSpace(ch);
    while (f < end && (space ? !isSpace(text[f]) : text[f] !== ch)) f++;
    if (f >= end) return from;
    if (i === index) return f;
    f++;
  }
  return f;
}

function describeYamlError(error: YAMLError): { problem: string; fix: string } {
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return { problem: 'the file holds more than one YAML document', fix: 'keep one scenario per file and remove the extra `---` line' };
    case 'TAB_AS_INDENT':
      return { problem: 'a tab indents this line', fix: 'indent with spaces only' };
    case 'BAD_INDENT':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        problem: `YAML cannot read this line (${plain(error.message)})`,
        fix: 'indent each key under its section by the same number of spaces, and quote an expression that contains `: `',
      };
    case 'MISSING_CHAR':
      return { problem: `YAML syntax error: ${plain(error.message)}`, fix: 'add the missing character' };
    case 'BAD_SCALAR_START':
    case 'BAD_ALIAS':
      return {
        problem: `YAML syntax error: ${plain(error.message)}`,
        fix: 'put the whole value in quotes if the character is meant literally, e.g. `z: "a * b"`',
      };
    default:
      return {
        problem: `YAML syntax error: ${plain(error.message)}`,
        fix: 'check the YAML near here, and quote an expression that contains `: ` or `#` or starts with `*`, `&`, `!`, `[` or `{`',
      };
  }
}

/** The YAML library's message as a clause: first letter lower-case, no final full stop. */
function plain(message: string): string {
  const firstLine = message.split('\n')[0].replace(/[.:\s]+$/, '');
  return firstLine.charAt(0).toLowerCase() + firstLine.slice(1);
}

/** A key written with nothing after it (`steps:`) reads as null. */
export const isEmpty = (node: Node | null): boolean => node === null || (isScalar(node) && node.value === null);
