/**
 * A line chart of the loss in plain text lines, for the Train phase: ten
 * lines, at most 80 columns, the same axes at every update so the line grows
 * while the frame stays still; on a log scale where the loss falls through
 * decades. Our own, not a library: a dozen lines of
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
  /**
   * 'log' plots log10 of the values, 'linear' the values; 'auto' (the default) takes log where every value is
   * above 0 and they span more than two decades. A loss that falls from 0.5 to 1e-11 is a flat line on a
   * linear scale after its fourth update; on a log scale it keeps falling, as it does.
   */
  scale?: 'auto' | 'linear' | 'log';
}

/** Two decades: up to this a linear scale shows the fall well enough, and reads more simply; past it, log. */
const LOG_SPAN = 1e2;

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
  const smallest = finite.length > 0 ? Math.min(...finite) : 0;
  const largest = finite.length > 0 ? Math.max(...finite) : 1;
  const log = options.scale === 'log' || ((options.scale ?? 'auto') === 'auto' && smallest > 0 && largest / smallest > LOG_SPAN);
  // On a log scale a value of 0 or below has no place: like NaN, it shows as `!` on the top row.
  const placed = (y: number) => (log ? (y > 0 && Number.isFinite(y) ? Math.log10(y) : NaN) : y);
  const low = log ? Math.log10(smallest) : smallest;
  const high = log ? Math.log10(largest) : largest;
  const span = high - low || Math.abs(high) || 1;
  const grid = Array.from({ length: rows }, () => Array<string>(columns).fill(' '));
  const columnOf = (k: number) => (length <= 1 ? 0 : Math.round((k * (columns - 1)) / (length - 1)));
  const rowOf = (y: number) => rows - 1 - Math.round(((y - low) / span) * (rows - 1));
  for (const { values, mark } of series) {
    for (let k = 0; k <= upTo && k < values.length; k++) {
      const y = placed(values[k]);
      if (Number.isFinite(y)) grid[rowOf(y)][columnOf(k)] = mark;
      else grid[0][columnOf(k)] = '!';
    }
  }
  // Three digits are enough to read an axis, and keep the label narrower than its column.
  const short = (x: number) => num(Number(x.toPrecision(3)));
  // On a log scale the middle row is labelled too: its value, the geometric middle, shows the rows are decades apart.
  const middle = Math.floor((rows - 1) / 2);
  const valueAt = (row: number) => {
    const y = high - (row / (rows - 1)) * (high - low);
    return log ? 10 ** y : y;
  };
  const label = (row: number) => {
    if (row === 0) return short(log ? largest : high);
    if (row === rows - 1) return short(log ? smallest : low);
    if (log && row === middle) return short(valueAt(row));
    return '';
  };
  const lines = grid.map((cells, row) =>
    `${label(row).padStart(LABEL - 2)} ${row === 0 || row === rows - 1 ? '┤' : '│'}${cells.join('')}`.trimEnd(),
  );
  lines.push(`${' '.repeat(LABEL - 1)}└${'─'.repeat(columns)}`);
  const last = String(length - 1);
  const axis = log ? 'update (loss on a log scale)' : 'update';
  const half = Math.floor(columns / 2) + Math.ceil(axis.length / 2);
  lines.push(`${' '.repeat(LABEL)}0${axis.padStart(half)}${last.padStart(Math.max(last.length + 1, columns - half - 1))}`);
  return lines;
}

/** A point on a number line: its x and its mark. Later marks are drawn over earlier ones in the same cell. */
export interface Mark {
  x: number;
  mark: string;
}

/**
 * One row of a strip chart: a number line from `low` to `high` in `width` columns (`├`, `┼` at 0, `┤`) with each
 * mark in the column nearest its x. With `numberLineAxis` over it, a table's rows read as positions on one scale.
 */
export function numberLine(marks: Mark[], low: number, high: number, width: number): string {
  const cells = Array.from({ length: width }, (_, col): string => (col === 0 ? '├' : col === width - 1 ? '┤' : '─'));
  const zero = columnOn(0, low, high, width);
  if (low < 0 && high > 0 && zero > 0 && zero < width - 1) cells[zero] = '┼';
  for (const { x, mark } of marks) if (Number.isFinite(x)) cells[Math.min(width - 1, Math.max(0, columnOn(x, low, high, width)))] = mark;
  return cells.join('');
}

/** The labels over a number line: its ends, and 0 where it lies inside, each over its column. */
export function numberLineAxis(low: number, high: number, width: number): string {
  const short = (x: number) => num(Number(x.toPrecision(3)));
  const [left, right] = [short(low), short(high)];
  let axis = left.padEnd(width - right.length) + right;
  const zero = columnOn(0, low, high, width);
  if (low < 0 && high > 0 && zero > left.length && zero < width - right.length - 1) axis = `${axis.slice(0, zero)}0${axis.slice(zero + 1)}`;
  return axis;
}

function columnOn(x: number, low: number, high: number, width: number): number {
  return Math.round(((x - low) / (high - low || 1)) * (width - 1));
}
