/** Plain-text helpers for the panel: the tutor counts its own lines so the frame never outgrows the window. */

/**
 * Word-wrap one line to `width` columns; a word longer than the width is cut. Keeps leading indentation, and the
 * spaces between words on a line as they were: `local:    ∂z/∂a` keeps its label aligned with `upstream: …` above it.
 */
function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const indent = /^\s*/.exec(line)![0];
  // Each word with the spaces before it; at a break those spaces go.
  const words = [...line.slice(indent.length).matchAll(/(\s*)(\S+)/g)].map(([, gap, word]) => ({ gap, word }));
  const out: string[] = [];
  let current = indent;
  for (const { gap, word } of words) {
    const candidate = current.trim() === '' ? indent + word : `${current}${gap}${word}`;
    if (candidate.length <= width) {
      current = candidate;
      continue;
    }
    if (current.trim() !== '') out.push(current);
    current = (indent + '  ' + word).slice(0, width);
  }
  if (current.trim() !== '') out.push(current);
  return out;
}

/** The names that start with `prefix`, in their order, the one it spells whole first: what a name typed so far picks. */
export function startingWith(names: readonly string[], prefix: string): string[] {
  const found = names.filter((name) => name.startsWith(prefix));
  const exact = found.indexOf(prefix);
  return exact > 0 ? [prefix, ...found.slice(0, exact), ...found.slice(exact + 1)] : found;
}

export function wrapLines(lines: string[], width: number): string[] {
  return lines.flatMap((line) => wrapLine(line, Math.max(1, width)));
}

/**
 * How far clip can scroll `count` lines in `height`: to where the last line
 * shows. Under three rows there is no room for both markers and a line.
 */
export function clipLimit(count: number, height: number): number {
  return height < 3 ? 0 : Math.max(0, count - height);
}

/**
 * Cut to `height` lines, saying how many were left out above and below rather
 * than dropping them silently; `more` says how to see the rest. `scrolled`
 * counts the lines scrolled down: each shows one more line at the bottom. The
 * lines above can only have been scrolled past, so ↑ shows them.
 */
export function clip(text: string[], height: number, scrolled = 0, more = 'a taller window shows them'): string[] {
  if (text.length <= height) return text;
  if (height <= 0) return [];
  const by = Math.max(0, Math.min(scrolled, clipLimit(text.length, height)));
  // Scrolled, the first row says what is above; so the first line shown is the one after.
  const start = by === 0 ? 0 : by + 1;
  // A marker stands for two lines or more: one line alone is shown instead.
  const above = start > 0 ? [`… ${start} more lines above (↑ shows them)`] : [];
  const end = start + height - above.length - 1;
  if (end >= text.length - 1) return [...above, ...text.slice(start)];
  return [...above, ...text.slice(start, end), `… ${text.length - end} more lines (${more})`];
}
