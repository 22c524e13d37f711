/**
 * What the screen shows, as plain data: one pure function of the session and
 * the window. The views only render a frame, and the reducer reads the same
 * frame to know how far text scrolls and where the drawing's window sits.
 *
 * A lesson frame's `arrangement` puts the drawing above the text, or beside
 * it from BESIDE_COLUMNS (plan.ts); a drawing cut to the window keeps its
 * `origin`, which a pan moves; the text is plain lines, the Train phase's
 * chart among them.
 */
import { lessonKey, type MenuEntry } from '../lesson/index.js';
import {
  formatNumber,
  frameGraph,
  nodesByName,
  type FrameOptions,
  type FramedDrawing,
  type GraphState,
  type Highlight,
} from '../layout/index.js';
import { hasGradient, titleOf } from '../layout/box.js';
import type { GraphNode } from '../engine/index.js';
import { answerText, kindAt, nextLessonAt, phaseNames, stepText, type Lesson, type Phase } from '../lesson/index.js';
import { visible, visibleLine } from '../io/visible.js';
import {
  bindingOf,
  footerText,
  HELP_KEYS,
  helpRows,
  keyOf,
  LESSON_KEYS,
  MENU_KEYS,
  PAIRS,
  PROMPT_KEYS,
  QUIZ_KEYS,
  questionHelp,
  showKey,
  TYPED_KEYS,
  typingHelp,
  WORKING_KEYS,
  type Binding,
  type HelpRow,
} from '../keys/index.js';
import { layoutFor } from './lessons.js';
import { legendLines, MIN_COLUMNS, MIN_ROWS, planLesson, type DrawingRoom } from './plan.js';
import { lessonOf, menuLessons, phaseOf, situationOf, waitingOf, type PromptKind, type Session } from './state.js';
import { wrapLines } from './text.js';
import { withoutPlots } from '../lesson/plot.js';
import { lessonKeysOf } from './lesson-keys.js';
import { lessonOrderOutcome, orderTaskStep } from './order.js';
import { practiceFrame } from './practice-frame.js';
import { editedNote, editHelp, exploreLine } from './explore.js';
import { skillsOfQuestion } from '../practice/index.js';
import { inspectFooter, inspected } from './inspect.js';

export interface ScreenSize {
  columns: number;
  rows: number;
}

export interface MenuItem {
  label: string;
}

export type Frame =
  | { kind: 'too-small'; text: string }
  | { kind: 'working'; text: string[] }
  | { kind: 'help'; lines: string[]; page: number; pages: number }
  | { kind: 'prompt'; title: string; ask: string; expression?: string; text: string; error: string[]; footer: string }
  | {
      kind: 'menu';
      title: string;
      /** The entries in view, from `top`: `limit` of them, or fewer at the list's end. */
      items: MenuItem[];
      /** The highlighted entry and the first in view, both counted from the first entry of the whole list. */
      index: number;
      top: number;
      limit: number;
      notice: string[];
      detail?: string;
      hint: string;
      footer: string;
    }
  | LessonFrame;

export interface LessonFrame {
  kind: 'lesson';
  /** The drawing above the text, or (from BESIDE_COLUMNS) beside it, sharing its rows. */
  arrangement: 'stacked' | 'beside';
  width: number;
  title: string;
  counter: string;
  phase: Phase;
  /** The phases this lesson has, in order, for the phase bar (Train only where the lesson trains). */
  phases: Phase[];
  /** Cut to the window where it does not fit; `origin` and `style` say where the cut lies. */
  drawing?: FramedDrawing;
  /** Where the window has no room for the drawing: the current node's box on one row (`╔▸× c  v -2  g ·╗ ◂ a b`). */
  strip?: string;
  /** What the drawing's marks mean, a line or a few under it; empty without room. */
  legend: string[];
  /** The step's text as it fits, how far it is scrolled and can be, and the columns it is wrapped to. */
  text: { lines: string[]; scroll: number; scrollLimit: number; width: number };
  /** The waiting question's choices, and the highlighted one. */
  choices: string[];
  cursor: number;
  footer: string;
  /** The line explore types an input's name and value on, or says what an edit changed: in the footer's row. */
  editing?: string;
  /** The same step as sentences, for a screen reader. */
  spoken: string[];
}

const ASK: Record<PromptKind, [string, string]> = {
  file: ['Open a scenario file', 'Path to a .yaml or .json file:'],
  expr: ['Type your own graph', 'An expression, e.g. z = (a + b) * b'],
  values: ['Type your own graph', 'Values for its inputs, e.g. a=3 b=-5'],
};

const PROMPT_ENTRIES = ['Open a scenario file…', 'Type your own graph…'];

const built = new WeakMap<Session, Frame>();

export function buildFrame(state: Session, window: ScreenSize = state.window): Frame {
  if (window === state.window) {
    const cached = built.get(state);
    if (cached) return cached;
  }
  const frame = compose(state, window);
  if (window === state.window) built.set(state, frame);
  return frame;
}

/** `to` differs from `from` only in what the frame of `from` settled (scroll, origin): it shows the same. */
export function carryFrame(from: Session, to: Session): void {
  const frame = built.get(from);
  if (frame) built.set(to, frame);
}

function compose(state: Session, { columns, rows }: ScreenSize): Frame {
  if (columns < MIN_COLUMNS || rows < MIN_ROWS)
    return {
      kind: 'too-small',
      text: `Make the window at least ${MIN_COLUMNS}×${MIN_ROWS} (it is ${columns}×${rows}). ${quitKey(state)} quits.`,
    };
  if (state.working) return { kind: 'working', text: wrapLines([state.working, `${quitKey(state)} quits.`], columns) };
  if (state.help) return helpFrame(state, columns, rows);
  if (state.screen === 'prompt' && state.prompt) {
    const [title, ask] = ASK[state.prompt.kind];
    const { prompt } = state;
    return {
      kind: 'prompt',
      title,
      ask,
      expression: prompt.kind === 'values' ? visibleLine(prompt.expression ?? '') : undefined,
      text: visibleLine(prompt.text),
      error: prompt.error ? wrapLines([visibleLine(prompt.error)], columns) : [],
      footer: footerText(PROMPT_KEYS, columns),
    };
  }
  if (state.screen === 'lesson' && state.open) return lessonFrame(state, columns, rows);
  if (state.screen === 'practice' && state.practice) return practiceFrame(state, state.practice, columns, rows);
  return menuFrame(state, columns, rows);
}

/** The key that quits where the learner is: q, but Ctrl+C while a path or a graph is typed, where q types itself. */
function quitKey(state: Session): string {
  const table: Binding<string>[] = state.working
    ? WORKING_KEYS
    : state.screen === 'prompt'
      ? PROMPT_KEYS
      : state.screen === 'lesson'
        ? LESSON_KEYS
        : MENU_KEYS;
  return keyOf(table, 'quit');
}

function helpFrame(state: Session, columns: number, rows: number): Frame {
  const waiting = state.screen === 'lesson' ? waitingOf(state) : undefined;
  // After e, while an input's name or its new value is typed: only the edit's keys do anything.
  const edit = state.screen === 'lesson' ? state.open?.explore?.typing : undefined;
  const where = state.screen !== 'lesson' ? 'menu' : edit ? 'edit' : waiting ? 'question' : state.predict ? 'quiz' : 'lesson';
  // A phase kind's keys only in a lesson with its phase (z where it trains): elsewhere they do nothing, and the table fits 60×16 without them.
  const lesson = state.screen === 'lesson' ? lessonOf(state) : undefined;
  const lessonKeys = lessonKeysOf(lesson, lesson !== undefined && nextLessonAt(lesson, state.open!.step) !== undefined);
  // While a question waits: the keys that answer it, those that type a number, and the lesson's that still work (src/keys).
  const rule = waiting?.question.rule !== undefined;
  const question = () => questionHelp(lessonKeys, { typed: waiting!.question.kind !== 'nudge-direction', skip: !waiting!.again });
  // While an answer is typed every other key waits (q too: a rule may hold it), so the help lists the typing keys and itself.
  const typing = () => [...typingHelp(rule), ...helpRows(LESSON_KEYS.filter((b) => b.action === 'help'))];
  const table =
    where === 'menu'
      ? helpRows(MENU_KEYS)
      : edit
        ? editHelp(edit)
        : where === 'question'
          ? state.typed
            ? typing()
            : question()
          : where === 'quiz'
            ? [...helpRows(QUIZ_KEYS), ...helpRows(lessonKeys)]
            : helpRows(lessonKeys);
  const width = Math.max(...table.map(([keys]) => keys.length));
  // One line a key and nothing else, so the whole table fits a 60×16 window.
  const place =
    where === 'question' && state.typed
      ? 'while an answer is typed'
      : {
          menu: 'in the menu',
          edit: edit?.input === undefined ? 'while an input is picked by name' : 'while an input’s new value is typed',
          question: 'while a question waits',
          quiz: 'in predict mode',
          lesson: 'in a lesson',
        }[where];
  const title = `Keys ${place} — any key closes this`;
  // In a lesson, what the drawing's marks mean, under the keys. Where both would not fit, the help's own row goes and
  // opposite keys share a row (with the shorter words), so a 60×16 window holds the whole lesson table and the legend.
  const legend = where === 'menu' ? [] : legendLines(columns);
  // What a key does wraps under itself in a narrow window, so no row is cut: each row is the lines it takes.
  const rowsOf = (t: HelpRow[]) =>
    t.map(([keys, does]) => wrapLines([does], columns - width - 2).map((part, i) => `${(i === 0 ? keys : '').padEnd(width)}  ${part}`));
  const fit = (lines: string[]) => ({ kind: 'help' as const, lines: lines.map((line) => line.slice(0, columns)), page: 0, pages: 1 });
  const room = rows - 1;
  const whole = [title, ...rowsOf(table).flat(), ...legend];
  if (whole.length <= room) return fit(whole);
  const short = [title, ...rowsOf(shorter(table)).flat(), ...legend];
  if (legend.length > 0 && short.length <= room) return fit(short);
  // Still too long: every row, a page at a time (a row never split), under a title and over the line that turns the page.
  const pages = paged([...rowsOf(table), ...legend.map((line) => [line])], Math.max(1, room - 2));
  const page = Math.min(state.helpPage ?? 0, pages.length - 1);
  const more = bindingOf(HELP_KEYS, 'more');
  const turn = page < pages.length - 1 ? `${keyOf(HELP_KEYS, 'more')} ${more.footer}, any other key closes` : 'any key closes';
  return { ...fit([`Keys ${place} (${page + 1}/${pages.length})`, ...pages[page], turn]), page, pages: pages.length };
}

/** Rows of lines onto pages of `size` lines, a row whole on one page (one taller than a page is cut). */
function paged(rows: string[][], size: number): string[][] {
  const pages: string[][] = [[]];
  for (const row of rows) {
    if (pages.at(-1)!.length > 0 && pages.at(-1)!.length + row.length > size) pages.push([]);
    pages.at(-1)!.push(...row.slice(0, size));
  }
  return pages;
}

/** The help table in fewer rows: without the help's own row, each pair of opposite keys (PAIRS) on one. */
function shorter(table: HelpRow[]): HelpRow[] {
  const out: HelpRow[] = [];
  for (const row of table) {
    const [keys, , action] = row;
    if (action === 'help') continue;
    const pair = PAIRS.find((p) => p.second === action);
    const before = out.at(-1);
    if (pair && before?.[2] === pair.first) out[out.length - 1] = [`${before[0]} ${keys}`, pair.does, action];
    else out.push(row);
  }
  return out;
}

/** The highlighted lesson's params and data, where it has data at all: with every input a param there is nothing to tell apart. */
function rolesOf(entry: MenuEntry | undefined): string | undefined {
  if (!entry || !entry.data?.length) return undefined;
  return visibleLine(`params (training moves them): ${(entry.params ?? []).join(', ')} · data (never moved): ${entry.data.join(', ')}`);
}

/** While a lesson's number is typed in the menu: what Enter does, and which digits go on to a longer number (fits 40 columns). */
function numberHint(number: number, lessons: number): string {
  const last = Math.min(9, lessons - number * 10);
  const enter = keyOf(MENU_KEYS, 'open');
  // The number binding's keys are the digits 0-9 in order: the key of digit d is its d-th.
  const digit = (d: number) => showKey(bindingOf(MENU_KEYS, 'number').keys[d]);
  if (last === 0) return `${enter} opens lesson ${number}; ${digit(0)} opens ${number * 10}.`;
  return `${enter} opens lesson ${number}; ${digit(0)}-${digit(last)} open ${number * 10}-${number * 10 + last}.`;
}

function menuFrame(state: Session, columns: number, rows: number): Frame {
  const line = (text: string) => text.slice(0, columns - 3);
  const mark = (key: string) => (state.finished.includes(key) ? '✓' : ' ');
  const course = state.course ?? [];
  const lessons = menuLessons(state);
  // The next lesson of the course: the first one not finished, wherever the learner has got to.
  const next = course.findIndex((entry) => !state.finished.includes(lessonKey(entry.lesson)));
  const label = (i: number): string => {
    if (i < course.length) {
      const entry = course[i];
      return line(
        `${i === next ? '▸' : mark(lessonKey(entry.lesson))} ${String(i + 1).padStart(2)}. ${visibleLine(entry.title).padEnd(28)} ${visibleLine(entry.expression)}`,
      );
    }
    if (i >= lessons.length) return line(`     ${PROMPT_ENTRIES[i - lessons.length]}`);
    // The learner's own lessons, under their own heading, so the course keeps its numbers.
    const entry = lessons[i];
    const heading = i === course.length ? 'yours: ' : '       ';
    // A typed graph's title is what was typed, its expression again: written once, with the values that tell it apart.
    const what =
      entry.lesson.kind === 'typed'
        ? `${visibleLine(entry.expression)}   ${visibleLine(entry.lesson.values.join(' '))}`
        : `${visibleLine(entry.title).padEnd(21)} ${visibleLine(entry.expression)}`;
    return line(`${mark(lessonKey(entry.lesson))}   ${heading}${what}`);
  };
  const count = lessons.length + PROMPT_ENTRIES.length;
  const said = [state.notice, state.aboutProgress?.showing ? state.aboutProgress.sentence : undefined].filter((n) => n !== undefined);
  const notice = wrapLines(said.map(visibleLine), columns);
  // Title, blank, list, the detail row (blank for most), hint, footer — and one row Ink keeps free.
  const limit = Math.max(3, Math.min(count, rows - 6 - notice.length));
  const index = Math.min(state.menuIndex, count - 1);
  // The view moves only as far as keeps the highlight in it, and never past the list's end (the reducer keeps it: settle).
  const top = Math.max(0, Math.min(count - limit, index, Math.max(state.menuTop, index - limit + 1)));
  return {
    kind: 'menu',
    title: 'grad-tutor — the chain rule, one edge at a time',
    items: Array.from({ length: Math.min(limit, count - top) }, (_, i) => ({ label: label(top + i) })),
    index,
    top,
    limit,
    notice,
    // The row under the list: the highlighted lesson's params and data, or (blank otherwise) the self-test when it is time.
    detail: (rolesOf(lessons[index]) ?? state.offer)?.slice(0, columns),
    hint: (state.lessonNumber !== undefined
      ? numberHint(Number(state.lessonNumber), course.length)
      : next === -1
        ? 'Pick a graph; ✓ marks the ones you finished: all of them.'
        : 'Pick a graph; ✓ marks the ones you finished, ▸ the next.'
    ).slice(0, columns),
    footer: footerText(MENU_KEYS),
  };
}

/**
 * The lesson's keys for the footer: a phase kind's own only on its steps (z in the Train phase), the ordering task's
 * only on its step, the pan keys only while the drawing is cut.
 */
function lessonKeysAt(lesson: Lesson, step: number, cut: boolean, nextLesson: boolean) {
  const phase = phaseOf(lesson.steps[step].phase);
  const task = orderTaskStep(lesson) === step;
  return lessonKeysOf(lesson, nextLesson).filter(
    (b) => [undefined, phase].includes(b.phase) && (!b.task || task) && (b.action !== 'pan' || cut),
  );
}

/** A node's box on one row, its value and gradient inside: `╔▸× c  v -2  g ·╗` for the step's own, `┏━a  v 3  g ·┓` for one it uses. */
function oneRow(node: GraphNode, shown: GraphState, kind: 'current' | 'uses'): string {
  const number = (x: number | undefined) => (x === undefined ? '·' : formatNumber(x));
  const [open, close] = kind === 'current' ? ['╔▸', '╗'] : ['┏━', '┓'];
  const grad = hasGradient(node) ? `  g ${number(shown.grads[node.name])}` : '';
  return visibleLine(`${open}${titleOf(node)}  v ${number(shown.values[node.name])}${grad}${close}`);
}

/**
 * The current node as a one-row box, with the operands it reads from; the node a hint names as a box of its own
 * (in place of its name where it is an operand), so the value the hint points at is on the screen. What does not
 * fit goes first: the note, then the other operands' names.
 */
function stripOf(node: GraphNode, hinted: GraphNode | undefined, shown: GraphState, columns: number): string {
  const box = oneRow(node, shown, 'current');
  const hintBox = hinted ? oneRow(hinted, shown, 'uses') : undefined;
  const operands = [...new Set(node.inputs)];
  const among = hinted !== undefined && operands.includes(hinted.name);
  /** With every operand's name, or with the hint's box alone of them. */
  const line = (all: boolean) => {
    const listed = operands.map((name) => (name === hinted?.name ? hintBox! : visibleLine(name))).filter((x) => all || x === hintBox);
    return `${box}${listed.length > 0 ? ` ◂ ${listed.join(' ')}` : ''}${hintBox && !among ? `  ${hintBox}` : ''}`;
  };
  for (const option of [`${line(true)}   (a taller window shows the graph)`, line(true), line(false)])
    if ([...option].length <= columns) return option;
  return [...line(false)].slice(0, columns).join('');
}

/** Whether the drawing's picture (between its marker rows) holds the node's whole box. */
function wholeIn(drawing: FramedDrawing, name: string): boolean {
  const box = drawing.boxes[name];
  if (!box) return false;
  const top = drawing.pictureRow ?? 0;
  const { beyond } = drawing;
  const sideways = beyond?.left !== undefined || beyond?.right !== undefined;
  const bottom = beyond?.below !== undefined || (sideways && top === 0) ? 1 : 0;
  return box.row >= top && box.col >= 0 && box.row + box.height <= drawing.height - bottom && box.col + box.width <= drawing.width;
}

/** A box is this many rows in either style (a node with many operands grows taller). */
const BOX_ROWS = 4;

const offers = new WeakMap<Lesson, string[]>();

/** Past this many steps the offer is left out: finding each step's skills means making each step's question. */
const OFFER_STEPS = 2000;

/**
 * On a lesson's closing step: practice, with fresh numbers, of the skills its questions exercised; first, the
 * ordering task's backward-order where the learner's order went wrong (it asks no question of its own).
 */
function practiceOffer(lesson: Lesson, state: Session): string[] {
  let asked = offers.get(lesson);
  if (!asked) {
    asked = lesson.steps.length > OFFER_STEPS ? [] : [...new Set(lesson.steps.flatMap((_, i) => skillsOfQuestion(lesson, i)))];
    offers.set(lesson, asked);
  }
  const skills = [...new Set([...(lessonOrderOutcome(state, lesson) === 'wrong' ? ['backward-order'] : []), ...asked])];
  return skills.length === 0
    ? []
    : [`Practice these with fresh numbers: grad-tutor practice ${skills[0]} (also: ${skills.slice(1).join(', ') || 'none'}).`];
}

function lessonFrame(state: Session, columns: number, rows: number): LessonFrame {
  const open = state.open!;
  const lesson = lessonOf(state)!;
  const current = lesson.steps[open.step];
  // How the step's phase kind is shown: a drawing or not, and values in place of the pass's (the nudge's new ones).
  const screen = kindAt(lesson.steps, open.step).screen ?? {};
  const drawn = screen.drawing !== 'none';
  const text = inspected(state, lesson, stepText(lesson, situationOf(state)), rows);
  // Text from the file (a description, notes, names) enters the frame here, once.
  const closing = kindAt(lesson.steps, open.step).closes ? [...practiceOffer(lesson, state), ...editedNote(open)] : [];
  const lines = [...text.lines, ...closing].map((l) => visible(l));
  const choices = text.question?.choices.map((choice, i) => `${i + 1}. ${answerText(choice.value)}`) ?? [];
  const graph = lesson.scenario.graph;
  // What the drawing lights up: the step's, or a re-asked step's, with the hint's node (tutoring.ts).
  const highlight: Highlight = text.highlight;
  const layouts = { full: () => layoutFor(graph, false), compact: () => layoutFor(graph, true) };
  const previous = state.origin && state.style ? { origin: state.origin, style: state.style } : undefined;
  const options: FrameOptions = {
    previous,
    // After a pan the window stays where the learner put it (a pan of nothing more).
    pan: state.panned && previous ? { row: 0, col: 0 } : undefined,
    nudged: screen.moved?.(lesson),
    // The node a hint names comes into view right after the step's own.
    first: text.hintNode ? [text.hintNode] : undefined,
  };
  const focus = highlight.current ?? highlight.nodes[0];
  const hinted = text.hintNode === undefined ? undefined : nodesByName(layouts.full()).get(text.hintNode);
  const room: DrawingRoom = {
    draw: (width, height) => {
      const drawing = frameGraph(layouts, text.shown, highlight, width, height, options);
      if (!hinted || wholeIn(drawing, hinted.name) || height - 1 < room.minimum) return drawing;
      // The hint's box does not fit in the window beside the step's own: the window a row shorter, the hint's node whole on that row.
      const shorter = frameGraph(layouts, text.shown, highlight, width, height - 1, options);
      const row = [...`${oneRow(hinted, text.shown, 'uses')}  the hint's node`].slice(0, shorter.width).join('').padEnd(shorter.width);
      return { ...shorter, height: shorter.height + 1, lines: [...shorter.lines, [{ text: row, style: { bold: true } }]] };
    },
    width: layouts.full().width,
    minimum: (focus === undefined ? BOX_ROWS : (layouts.full().boxes[focus]?.height ?? BOX_ROWS)) + 2,
    // The overview is the graph's introduction: it shows the graph, even where its text must scroll for it.
    needed: highlight.current !== undefined || screen.drawing === 'always',
  };
  // While a question waits, ↑ and ↓ pick an answer, so they cannot scroll.
  // A phase shown as its text (the Train phase's chart and table) has no drawing: the values before would contradict it.
  const plan = planLesson(lines, choices.length, drawn ? room : undefined, columns, rows, {
    from: state.scroll,
    keys: !text.question,
  });
  // No room for the drawing: the current node on one row, so its numbers stay in sight.
  const strip =
    !plan.drawing && drawn && highlight.current !== undefined && plan.panel.length + choices.length < rows - 4
      ? stripOf(nodesByName(layouts.full()).get(highlight.current)!, hinted, text.shown, columns)
      : undefined;
  // An edited lesson says so until E puts the file's values back.
  const counter = `${state.predict ? 'predict · ' : ''}${open.explore?.file ? 'edited · ' : ''}step ${open.step + 1}/${lesson.steps.length}`;
  const title = visibleLine(lesson.scenario.title).slice(0, Math.max(0, columns - counter.length - 2));
  const cut = plan.drawing?.beyond !== undefined && Object.keys(plan.drawing.beyond).length > 0;
  const footer = state.typed
    ? footerText(TYPED_KEYS, columns)
    : text.question
      ? footerText(
          [
            // Up or down is no number to type.
            ...QUIZ_KEYS.filter((b) => b.action !== 'type' || text.question!.kind !== 'nudge-direction'),
            ...LESSON_KEYS.filter((b) => b.action === 'previous' || b.action === 'quit'),
          ],
          columns,
        )
      : footerText(lessonKeysAt(lesson, open.step, cut, nextLessonAt(lesson, open.step) !== undefined), columns);
  const unsaved = state.aboutProgress?.showing ? visibleLine(state.aboutProgress.sentence) : undefined;
  const editing = exploreLine(state, columns);
  const spoken = [
    ...(unsaved ? [unsaved] : []),
    ...(editing ? [editing] : []),
    `${visibleLine(lesson.scenario.title)}, step ${open.step + 1} of ${lesson.steps.length}.`,
    // A plot's rows of glyphs say nothing aloud: its sentence says it.
    ...withoutPlots(lines).map((l) => l.replace(/^▸ /, '')),
    ...(text.question
      ? [`Choices: ${text.question.choices.map((c, i) => `${i + 1}: ${answerText(c.value)}`).join(', ')}. Press the number of your answer.`]
      : []),
    `Keys: ${footerText(lessonKeysOf(lesson))}.`,
  ];
  return {
    kind: 'lesson',
    arrangement: plan.arrangement,
    width: columns,
    title,
    counter,
    phase: phaseOf(current.phase),
    phases: phaseNames(lesson.steps),
    drawing: plan.drawing,
    strip,
    legend: plan.legend,
    text: { lines: plan.panel, scroll: plan.scroll, scrollLimit: plan.scrollLimit, width: plan.textWidth },
    choices,
    cursor: state.cursor,
    // A failed save in the footer's row, so the frame keeps its height.
    footer: unsaved ? [...unsaved].slice(0, columns).join('') : (inspectFooter(state, columns) ?? footer),
    editing,
    spoken,
  };
}
