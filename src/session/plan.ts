import { LEGEND, type FramedDrawing } from '../layout/index.js';
import { plotWidth, withoutPlots } from '../lesson/plot.js';
import { clip, clipLimit, wrapLines } from './text.js';

/** Below this the tutor asks for a larger window instead of drawing a broken one. */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;

/** From this width the drawing sits beside the text and gets the whole height. */
export const BESIDE_COLUMNS = 120;

/** Header, phase bar and footer. */
const CHROME = 3;
/** Columns between the drawing and the text beside it. */
export const GAP = 2;
/** The text beside a drawing keeps at least this many columns (and the drawing the rest). */
const TEXT_BESIDE = 48;
/** Beside the text, a drawing keeps at least this many columns (two boxes and the line between), or it goes above. */
const DRAWING_BESIDE = 30;
/** Text squeezed to make room for the drawing keeps at least its title and this many lines. */
const TEXT_SQUEEZED = 8;

export interface LessonPlan {
  arrangement: 'stacked' | 'beside';
  /** The step's text, wrapped to its column and clipped to what fits. */
  panel: string[];
  /** How far the text below its title is scrolled, and how far it can be (0: it all fits). */
  scroll: number;
  scrollLimit: number;
  /** Columns the text is wrapped to. */
  textWidth: number;
  /** The drawing, already cut to its room; none when the window has no room for one. */
  drawing?: FramedDrawing;
  /** What the drawing's marks mean, under it, where a row (or a few) is left over. */
  legend: string[];
}

/** The step's drawing, as the frame can make it for any room. */
export interface DrawingRoom {
  /** The drawing in `width` × `height` cells: whole where it fits, else a window around the step, with markers. */
  draw(width: number, height: number): FramedDrawing;
  /** Its natural width: beside the text it takes no more. */
  width: number;
  /** Fewer rows than this show a broken drawing: the current node's box and a marker row above and below. */
  minimum: number;
  /** The step has a node the drawing must show: its text may scroll to give the drawing its minimum. */
  needed: boolean;
}

/** Where the text does not fit, how the learner sees the rest. */
export interface Scrolling {
  /** Lines of the text (below its title) scrolled past. */
  from: number;
  /** Whether ↑ and ↓ scroll now (they answer a waiting question instead). */
  keys: boolean;
}

/**
 * Share the window between the drawing and the step's text. From
 * BESIDE_COLUMNS the drawing takes a column of the whole height and the text
 * the rest. Below, the text comes first and the drawing takes the rows left,
 * when they are at least its minimum; a step whose node must be seen squeezes
 * its text (which then scrolls) to give the drawing that minimum, as long as
 * the text keeps a few lines. Otherwise the text alone: never a broken
 * drawing. Text that does not fit keeps its title and scrolls under it. Ink
 * clears the whole screen when a frame is as tall as the terminal, so the
 * frame stays at least one row shorter.
 */
export function planLesson(
  lines: string[],
  reserved: number,
  drawing: DrawingRoom | undefined,
  columns: number,
  rows: number,
  scrolling: Scrolling = { from: 0, keys: false },
): LessonPlan {
  // `reserved`: rows the view needs under the text, such as a question's choices.
  const body = rows - 1 - CHROME;
  const budget = body - reserved;
  const scrolled = (text: string[], height: number, width: number): LessonPlan => {
    const plan = { arrangement: 'stacked' as const, textWidth: width, legend: [] };
    if (text.length <= height) return { ...plan, panel: text, scroll: 0, scrollLimit: 0 };
    const [title, ...rest] = text;
    const room = Math.max(0, height - 1);
    // While a question waits, ↑ ↓ answer it: the text cannot scroll.
    const scrollLimit = scrolling.keys ? clipLimit(rest.length, room) : 0;
    const scroll = Math.min(scrolling.from, scrollLimit);
    return { ...plan, panel: [title, ...clip(rest, room, scroll, scrolling.keys ? '↓ shows them' : undefined)], scroll, scrollLimit };
  };

  // A plot or chart in the text is as wide as it is: wrapped, its rows break apart (tanh's at 140×40 did).
  const beside = columns - GAP - Math.max(TEXT_BESIDE, plotWidth(lines));
  if (drawing && columns >= BESIDE_COLUMNS && body >= drawing.minimum && beside >= DRAWING_BESIDE) {
    const picture = drawing.draw(Math.min(drawing.width, beside), body);
    const textWidth = columns - picture.width - GAP;
    const plan = scrolled(wrapLines(lines, textWidth), budget, textWidth);
    const legend = legendLines(picture.width);
    const fits = picture.height + 1 + legend.length <= body;
    return { ...plan, arrangement: 'beside', drawing: picture, legend: fits ? legend : [] };
  }

  const text = wrapLines(fitted(lines, columns), columns);
  if (!drawing) return scrolled(text, budget, columns);
  // One blank row between the drawing and the text.
  const room = budget - text.length - 1;
  if (room >= drawing.minimum) {
    const picture = drawing.draw(columns, room);
    const legend = legendLines(columns);
    return { ...scrolled(text, budget, columns), drawing: picture, legend: picture.height + legend.length <= room ? legend : [] };
  }
  if (drawing.needed && scrolling.keys && budget - 1 - drawing.minimum >= 1 + TEXT_SQUEEZED) {
    const picture = drawing.draw(columns, drawing.minimum);
    return { ...scrolled(text, budget - 1 - picture.height, columns), drawing: picture };
  }
  return scrolled(text, budget, columns);
}

/** The lines, each plot left out where the window is narrower than it: wrapped, its rows would break into pieces. */
function fitted(lines: string[], columns: number): string[] {
  const width = plotWidth(lines);
  return width > columns ? withoutPlots(lines, `(a window ${width} columns wide shows the picture)`) : lines;
}

/** The legend's entries, as many to a line as `width` holds (closer together where that saves a line). */
export function legendLines(width: number): string[] {
  const entries = LEGEND.split(/ {3,}/);
  const pack = (gap: string) => {
    const lines: string[] = [];
    for (const entry of entries) {
      const last = lines.length - 1;
      if (last >= 0 && [...lines[last]].length + gap.length + [...entry].length <= width) lines[last] += gap + entry;
      else lines.push([...entry].slice(0, width).join(''));
    }
    return lines;
  };
  const wide = pack('   ');
  const close = pack('  ');
  return close.length < wide.length ? close : wide;
}
