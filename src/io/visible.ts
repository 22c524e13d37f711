/**
 * Text from a scenario file, the command line or the progress file is
 * untrusted: an escape sequence in a title could set the clipboard (OSC 52),
 * retitle the window or clear the screen. Every such string passes through
 * `visible` before it reaches a terminal, so control characters show as
 * what they are instead of acting or hiding. `--json` keeps the exact text (JSON
 * escapes it on its own).
 */

/**
 * C0 controls (but tab and newline, which the caller lays out), DEL, C1 controls, the line/paragraph
 * separators; the bidi controls, which reorder what the reader sees around them ("Trojan Source"), and
 * the zero-width characters, which hide text or make two names look alike; and a lone surrogate half,
 * which no encoding can write (it would print as U+FFFD).
 */
const CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** ESC as the terminal's own ␛, the other C0 controls as their caret form (^A), the rest as \u escapes. */
function shown(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x1b) return '␛';
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every control character made visible; tabs and newlines stay (`visibleLine` turns those too). */
export function visible(text: string): string {
  return text.replace(CONTROL, shown);
}

/** For one line of output (a title, a path in a message): newlines and tabs made visible too. */
export function visibleLine(text: string): string {
  return visible(text).replace(/\n/g, '^J').replace(/\t/g, '^I');
}
