/**
 * A line chart of the loss in plain text lines, for the Train phase: ten
 * lines, at most 80 columns, the same axes at every update so the line grows
 * while the frame stays still. Our own, not a library: a dozen lines of
 * arithmetic, and the lesson layer stays free of dependencies.
 */

import { num } from './format.js';

export interface Series {
  values: number[];
  /** The character for this series' points. */
  mark: string;
}

export interface ChartOptions {
  /** Plot rows, without the axis and its labels. */
  rows?: number;
  /** Plot columns, without the value labels on the left. */
  columns?: number;
  /** Draw only points 0 … upTo of every series (the loss so far); the axes still span the whole run. */
  upTo?: number;
}

const LABEL = 12;

/**
 * Each series' point k at column k·(columns−1)/(n−1). A value that is NaN or
 * ±∞ cannot be placed: it shows as `!` on the top row, so a blow-up is seen
 * where it happens rather than dropped.
 */
export function lossChart(series: Series[], options: ChartOptions = {}): string[] {
  const rows = options.rows ?? 8;
  const length = Math.max(...series.map((s) => s.values.length));
  const columns = Math.min(options.columns ?? 62, Math.max(length, 2) * 3);
  const upTo = Math.min(options.upTo ?? length - 1, length - 1);
  const finite = series.flatMap((s) => s.values.filter(Number.isFinite));
  const low = finite.length > 0 ? Math.min(...finite) : 0;
  const high = finite.length > 0 ? Math.max(...finite) : 1;
  const span = high - low || Math.abs(high) || 1;
  const grid = Array.from({ length: rows }, () => Array<string>(columns).fill(' '));
  const columnOf = (k: number) => (length <= 1 ? 0 : Math.round((k * (columns - 1)) / (length - 1)));
  const rowOf = (y: number) => rows - 1 - Math.round(((y - low) / span) * (rows - 1));
  for (const { values, mark } of series) {
    for (let k = 0; k <= upTo && k < values.length; k++) {
      const y = values[k];
      if (Number.isFinite(y)) grid[rowOf(y)][columnOf(k)] = mark;
      else grid[0][columnOf(k)] = '!';
    }
  }
  // Three digits are enough to read an axis, and keep the label narrower than its column.
  const short = (x: number) => num(Number(x.toPrecision(3)));
  const label = (row: number) => {
    if (row === 0) return short(high);
    if (row === rows - 1) return short(low);
    return '';
  };
  const lines = grid.map((cells, row) =>
    `${label(row).padStart(LABEL - 2)} ${row === 0 || row === rows - 1 ? '┤' : '│'}${cells.join('')}`.trimEnd(),
  );
  lines.push(`${' '.repeat(LABEL - 1)}└${'─'.repeat(columns)}`);
  const last = String(length - 1);
  lines.push(
    `${' '.repeat(LABEL)}0${'update'.padStart(Math.floor(columns / 2) + 3)}${last.padStart(columns - Math.floor(columns / 2) - 3 - 1)}`,
  );
  return lines;
}
