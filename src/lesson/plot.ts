/**
 * A function's curve in plain text lines, with straight lines through it
 * (a secant, a tangent) and marked points: the lecture's pictures of the
 * slope. Each column is one x; each line is drawn where it passes through a
 * row, so a steep line stays connected. Our own, as the loss chart is.
 */
import { num } from './format.js';

export interface Curve {
  f: (x: number) => number;
  /** The character for its cells. Later curves are drawn over earlier ones. */
  mark: string;
  /** Drawn only from `from` to `to` (a short piece of tangent at a point); by default across the plot. */
  from?: number;
  to?: number;
}

export interface PlotOptions {
  from: number;
  to: number;
  rows?: number;
  /** Plot columns, without the value labels on the left. */
  columns?: number;
  /** Points drawn over every curve, each with its own mark. */
  points?: { x: number; y: number; mark: string }[];
  /** The y range; by default the first curve's over [from, to]. */
  low?: number;
  high?: number;
  /** Words on a row under the x axis, each centred on the column of its x: the slope under its point. */
  notes?: { x: number; text: string }[];
}

const LABEL = 12;

export function plot(curves: Curve[], options: PlotOptions): string[] {
  const rows = options.rows ?? 10;
  const columns = options.columns ?? 60;
  const { from, to } = options;
  const xAt = (col: number) => from + ((to - from) * col) / (columns - 1);
  const colOf = (x: number) => Math.round(((x - from) / (to - from)) * (columns - 1));
  const first = Array.from({ length: columns }, (_, col) => curves[0].f(xAt(col))).filter(Number.isFinite);
  const low = options.low ?? Math.min(...first);
  const high = options.high ?? Math.max(...first);
  const span = high - low || 1;
  const rowOf = (y: number) => Math.round(((high - y) / span) * (rows - 1));
  const grid = Array.from({ length: rows }, () => Array<string>(columns).fill(' '));
  const put = (row: number, col: number, mark: string) => {
    if (row >= 0 && row < rows && col >= 0 && col < columns) grid[row][col] = mark;
  };
  for (const { f, mark, from: start = from, to: end = to } of curves) {
    for (let col = Math.max(0, colOf(start)); col <= Math.min(columns - 1, colOf(end)); col++) {
      const y = f(xAt(col));
      if (!Number.isFinite(y)) continue;
      // From this column's row to halfway to the next column's: a steep curve is a line, not dots far apart.
      const here = rowOf(y);
      const next = col + 1 < columns && xAt(col + 1) <= end ? f(xAt(col + 1)) : y;
      const there = Number.isFinite(next) ? rowOf((y + next) / 2) : here;
      const [top, bottom] = here < there ? [here, there] : [there, here];
      for (let row = Math.max(top, -1); row <= Math.min(bottom, rows); row++) put(row, col, mark);
    }
  }
  for (const { x, y, mark } of options.points ?? []) put(rowOf(y), colOf(x), mark);
  const short = (x: number) => num(Number(x.toPrecision(3)));
  const lines = grid.map((cells, row) => {
    const label = row === 0 ? short(high) : row === rows - 1 ? short(low) : '';
    return `${label.padStart(LABEL - 2)} ${row === 0 || row === rows - 1 ? '┤' : '│'}${cells.join('')}`.trimEnd();
  });
  lines.push(`${' '.repeat(LABEL - 1)}└${'─'.repeat(columns)}`);
  const left = short(from);
  const right = short(to);
  lines.push(`${' '.repeat(LABEL)}${left}${right.padStart(columns - left.length)}`);
  if (options.notes?.length) lines.push(notesRow(options.notes, colOf, columns));
  return lines;
}

/**
 * How wide the text must be for the plots and charts among these lines not to wrap: their rows have the axis
 * (┤ │ └) in the column after the labels. 0 where there is none.
 */
export function plotWidth(lines: string[]): number {
  let widest = 0;
  for (const line of lines) if (isPlotRow(line)) widest = Math.max(widest, [...line].length);
  return widest;
}

/** A row of a plot or chart: the axis (┤ │ └) in the column after the labels. */
function isPlotRow(line: string): boolean {
  return '┤│└'.includes([...line][LABEL - 1] ?? ' ');
}

/**
 * The lines without their plots and charts, for a screen reader: the rows of glyphs and the labels under the x
 * axis say nothing read aloud. Each picture has a sentence of its own among the lines that stay.
 */
export function withoutPlots(lines: string[], instead?: string): string[] {
  const kept: string[] = [];
  let underAxis = false;
  let inPicture = false;
  for (const line of lines) {
    if (isPlotRow(line)) {
      // `instead`, once, where each picture was.
      if (!inPicture && instead !== undefined) kept.push(instead);
      inPicture = true;
      underAxis = line.includes('└');
    }
    // The x axis's labels (and a row of notes) under it are indented past the labels' column.
    else if (underAxis && line.startsWith(' '.repeat(LABEL))) continue;
    else {
      underAxis = false;
      inPicture = false;
      kept.push(line);
    }
  }
  return kept;
}

/** Each note centred under its column, moved right where it would run into the one before. */
function notesRow(notes: { x: number; text: string }[], colOf: (x: number) => number, columns: number): string {
  let row = '';
  for (const { x, text } of [...notes].sort((a, b) => a.x - b.x)) {
    const start = Math.min(Math.max(colOf(x) - Math.floor(text.length / 2), row.length === 0 ? 0 : row.length + 1), columns - text.length);
    row = row.padEnd(start) + text;
  }
  return `${' '.repeat(LABEL)}${row}`.trimEnd();
}

/** The straight line through (x0, y0) with this slope. */
export const line =
  (x0: number, y0: number, slope: number) =>
  (x: number): number =>
    y0 + slope * (x - x0);
