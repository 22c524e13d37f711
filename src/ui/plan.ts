import type { Drawing } from '../layout/index.js';
import { clip, wrapLines } from './text.js';

/** Below this the tutor asks for a larger window instead of drawing a broken one. */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;

/** Header, phase bar and footer. */
const CHROME = 3;

export interface LessonPlan {
  /** The step's text, wrapped to the window and clipped to what fits. */
  panel: string[];
  /** Which drawing to show, already cut to fit; none when the window is too short for one. */
  drawing?: Drawing;
}

/** The drawing in both box styles, each made only when asked for. */
export interface Drawings {
  full(): Drawing;
  compact(): Drawing;
  /** Cut a window of the drawing around the current node. */
  cut(drawing: Drawing, width: number, height: number): Drawing;
}

/**
 * Share the window between the drawing and the step's text. The text is the
 * lesson, so it comes first; the drawing takes the rest, full size if it fits,
 * else the compact style, else a window that follows the current node. Ink
 * clears the whole screen when a frame is as tall as the terminal, so the
 * frame stays at least one row shorter.
 */
export function planLesson(lines: string[], reserved: number, drawings: Drawings | undefined, columns: number, rows: number): LessonPlan {
  // `reserved`: rows the view needs under the text, such as a question's choices.
  const budget = rows - 1 - CHROME - reserved;
  const text = wrapLines(lines, columns);
  if (!drawings) return { panel: clip(text, budget) };
  // One blank row between the drawing and the text.
  const room = budget - text.length - 1;
  const minimum = 3;
  if (room < minimum) return { panel: clip(text, budget) };
  const { full, compact, cut } = drawings;
  const fits = (d: Drawing) => d.width <= columns && d.height <= room;
  if (fits(full())) return { panel: text, drawing: full() };
  if (fits(compact())) return { panel: text, drawing: compact() };
  const base = compact().width <= columns ? compact() : full();
  return { panel: text, drawing: cut(base, columns, room) };
}
