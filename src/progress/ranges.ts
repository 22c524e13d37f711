/**
 * The steps seen of a lesson as ranges of step indices ("0-4,7"), worked on
 * as ranges: the cost of a merge is the number of ranges, never the number
 * of the highest step a file names.
 */

/** First and last step, both seen. */
export type Range = [number, number];

const RANGE = /^(\d{1,15})(?:-(\d{1,15}))?$/;

/**
 * The ranges a text names, in order; undefined unless it is what the tutor
 * writes: ascending, each range forwards, none overlapping the one before.
 */
export function parseRanges(text: string): Range[] | undefined {
  if (text === '') return [];
  const ranges: Range[] = [];
  for (const piece of text.split(',')) {
    const match = RANGE.exec(piece);
    if (!match) return undefined;
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    if (to < from || (ranges.length > 0 && from <= ranges[ranges.length - 1][1])) return undefined;
    ranges.push([from, to]);
  }
  return ranges;
}

export function formatRanges(ranges: Range[]): string {
  return ranges.map(([from, to]) => (from === to ? String(from) : `${from}-${to}`)).join(',');
}

/** The steps in either list, as ranges in order, neighbours joined ("0-2" and "3" make "0-3"). */
export function unionOfRanges(a: Range[], b: Range[]): Range[] {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const union: Range[] = [];
  for (const [from, to] of all) {
    const last = union[union.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else union.push([from, to]);
  }
  return union;
}

/** The ranges cut to steps below `length`, and to the first `count` ranges. */
export function clipRanges(ranges: Range[], length: number, count: number): Range[] {
  const clipped: Range[] = [];
  for (const [from, to] of ranges) {
    if (from >= length || clipped.length === count) break;
    clipped.push([from, Math.min(to, length - 1)]);
  }
  return clipped;
}

/** Steps seen as ranges of step indices: [true, true, true, false, true] → "0-2,4". */
export function encodeSeen(seen: boolean[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < seen.length; i++) {
    if (!seen[i]) continue;
    let j = i;
    while (j + 1 < seen.length && seen[j + 1]) j++;
    ranges.push(i === j ? String(i) : `${i}-${j}`);
    i = j;
  }
  return ranges.join(',');
}

/** The steps of a lesson of `length` steps that `ranges` marks seen; steps past the end (a lesson edited since) are dropped. */
export function decodeSeen(ranges: string | undefined, length: number): boolean[] {
  const seen = Array.from({ length }, () => false);
  for (const [from, to] of parseRanges(ranges ?? '') ?? []) for (let i = from; i <= Math.min(length - 1, to); i++) seen[i] = true;
  return seen;
}
