import type { Drawing } from '../layout/index.js';
import type { Drawings } from './lessons.js';
import { clip, clipLimit, wrapLines } from './text.js';

/** Below this the tutor asks for a larger window instead of drawing a broken one. */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;

/** Header, phase bar and footer. */
const CHROME = 3;

export interface LessonPlan {
  /** The step's text, wrapped to the window and clipped to what fits. */
  panel: string[];
  /** How far the text below its title is scrolled, and how far it can be (0: it all fits). */
  scroll: number;
  scrollLimit: number;
  /** Which drawing to show, already cut to fit; none when the window is too short for one. */
  drawing?: Drawing;
}

/** The drawing in both box styles, and how to cut a window of it around the current node. */
type CuttableDrawings = Drawings & { cut(drawing: Drawing, width: number, height: number): Drawing };

/** Where the text does not fit, how the learner sees the rest. */
export interface Scrolling {
  /** Lines of the text (below its title) scrolled past. */
  from: number;
  /** Whether ↑ and ↓ scroll now (they answer a waiting question instead). */
  keys: boolean;
}

/**
 * Share the window between the drawing and the step's text. The text is the
 * lesson, so it comes first; the drawing takes the rest, full size if it fits,
 * else the compact style, else a window that follows the current node. Text
 * that does not fit even alone keeps its title and scrolls under it. Ink
 * clears the whole screen when a frame is as tall as the terminal, so the
 * frame stays at least one row shorter.
 */
export function planLesson(
  lines: string[],
  reserved: number,
  drawings: CuttableDrawings | undefined,
  columns: number,
  rows: number,
  scrolling: Scrolling = { from: 0, keys: false },
): LessonPlan {
  // `reserved`: rows the view needs under the text, such as a question's choices.
  const budget = rows - 1 - CHROME - reserved;
  const text = wrapLines(lines, columns);
  const alone = (): LessonPlan => {
    if (text.length <= budget) return { panel: text, scroll: 0, scrollLimit: 0 };
    const [title, ...body] = text;
    const height = Math.max(0, budget - 1);
    // While a question waits, ↑ ↓ answer it: the text cannot scroll.
    const scrollLimit = scrolling.keys ? clipLimit(body.length, height) : 0;
    const scroll = Math.min(scrolling.from, scrollLimit);
    return { panel: [title, ...clip(body, height, scroll, scrolling.keys ? '↓ shows them' : undefined)], scroll, scrollLimit };
  };
  if (!drawings) return alone();
  // One blank row between the drawing and the text.
  const room = budget - text.length - 1;
  const minimum = 3;
  if (room < minimum) return alone();
  const { full, compact, cut } = drawings;
  const fits = (d: Drawing) => d.width <= columns && d.height <= room;
  const plan = { panel: text, scroll: 0, scrollLimit: 0 };
  if (fits(full())) return { ...plan, drawing: full() };
  if (fits(compact())) return { ...plan, drawing: compact() };
  const base = compact().width <= columns ? compact() : full();
  return { ...plan, drawing: cut(base, columns, room) };
}
