/** Plain-text helpers for the panel: the tutor counts its own lines so the frame never outgrows the window. */

/** Word-wrap one line to `width` columns; a word longer than the width is cut. Keeps leading indentation. */
export function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const indent = /^\s*/.exec(line)![0];
  const words = line.trim().split(/\s+/);
  const out: string[] = [];
  let current = indent;
  for (const word of words) {
    const candidate = current.trim() === '' ? indent + word : `${current} ${word}`;
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

export function wrapLines(lines: string[], width: number): string[] {
  return lines.flatMap((line) => wrapLine(line, Math.max(1, width)));
}

/** Cut to `height` lines, saying how many were left out rather than dropping them silently. */
export function clip(lines: string[], height: number): string[] {
  if (lines.length <= height) return lines;
  if (height <= 0) return [];
  return [...lines.slice(0, height - 1), `… ${lines.length - height + 1} more lines (a taller window shows them)`];
}
