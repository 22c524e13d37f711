/**
 * Exploring a step, beyond what the lesson shows: `f` lights one input's whole
 * path to the output (every path, the product along each, their sum), `/`
 * jumps to a node by name (find.ts), `c` shows the line of code each step runs.
 * The session calls `inspectKey` first for a lesson's keys, and the frame
 * passes the step's text through `inspected`; the rest lives here.
 */
import { lessonKey, shownAt, whichLoss, type Lesson, type StepText } from '../lesson/index.js';
import { codeLineAt } from '../lesson/code-line.js';
import { pathsOf, type Path, type PathsOf } from '../lesson/paths.js';
import type { Trace } from '../engine/index.js';
import { num, operandNum, partial } from '../lesson/format.js';
import { formatNumber } from '../layout/index.js';
import { actionFor, keyOf, LESSON_KEYS, type KeyName } from '../keys/index.js';
import { visibleLine } from '../io/visible.js';
import { findKey, findLine } from './find.js';
import { lessonOf, waitingOf, type Session } from './state.js';

export interface Inspect {
  /** `c`: the code line shows on every step that runs one, until pressed again. */
  code?: boolean;
  /** `f`: on this step (`at`, see hereOf), the node at `index` of `followOrder` has its whole path lit. */
  follow?: { at: string; index: number };
  /** `/`: the start of a name being typed. */
  find?: { text: string };
  /** The node `/` jumped to, lit on this step. */
  found?: { at: string; name: string };
}

/** Which lesson's step is on screen: `f` and a node found light it only there, not on the next step nor lesson. */
export function hereOf(state: Session): string {
  return `${state.open!.step} ${lessonKey(state.open!.lesson)}`;
}

/** Whose paths `f` shows, in turn: the node the step's backward edge runs into (else the first input), then each input after it. */
export function followOrder(lesson: Lesson, step: number): string[] {
  const { inputs } = lesson.trace.graph;
  const first = lesson.steps[step].contribution?.operand ?? inputs[0];
  // A graph of constants alone (z = 2 * 3, typed) has no input and no backward edge: nothing to follow.
  if (first === undefined) return [];
  const at = inputs.indexOf(first);
  return at === -1 ? [first, ...inputs] : [...inputs.slice(at), ...inputs.slice(0, at)];
}

/** A lesson key that explores, or undefined for the session to handle it as it would. */
export function inspectKey(state: Session, key: KeyName): Session | undefined {
  // An answer being typed takes every key: a rule may hold f or c (`f` is no name, but `c` may be one).
  if (state.typed) return undefined;
  const inspect = state.inspect ?? {};
  const open = state.open!;
  if (inspect.find) return findKey(state, inspect.find.text, key);
  const action = actionFor(LESSON_KEYS, key);
  const here = hereOf(state);
  const following = inspect.follow?.at === here ? inspect.follow : undefined;
  if (following && key === 'escape') return { ...state, panned: undefined, inspect: { ...inspect, follow: undefined } };
  if (action !== 'follow' && action !== 'code' && action !== 'find') return undefined;
  // They wait while a question does (WAITING says why), as the session's other such keys do.
  if (waitingOf(state)) return state;
  if (action === 'find') return { ...state, inspect: { ...inspect, find: { text: '' } } };
  if (action === 'code') return { ...state, inspect: { ...inspect, code: !inspect.code } };
  const index = following ? following.index + 1 : 0;
  const done = index >= followOrder(lessonOf(state)!, open.step).length;
  // The window follows the node whose paths are lit, as it follows a step's node.
  return { ...state, scroll: 0, panned: undefined, inspect: { ...inspect, follow: done ? undefined : { at: here, index } } };
}

/** The step's text and drawing as exploring changes them: the whole path of one node, the node found, the code line. */
export function inspected(state: Session, lesson: Lesson, text: StepText, rows: number): StepText {
  const inspect = state.inspect;
  const step = state.open!.step;
  if (!inspect || text.question) return text;
  const here = hereOf(state);
  if (inspect.follow?.at === here) {
    const order = followOrder(lesson, step);
    const last = inspect.follow.index === order.length - 1;
    return followText(lesson, order[inspect.follow.index], last, rows);
  }
  const [title, ...rest] = text.lines;
  const found = inspect.found?.at === here ? inspect.found.name : undefined;
  const code = inspect.code ? codeLineAt(lesson, step) : undefined;
  const lines = [
    title,
    ...(found ? [foundLine(found, text)] : []),
    ...(code ? [`code: ${code.lesson}   (micrograd: ${code.micrograd})`] : []),
    ...(inspect.code && !code ? ['code: only the seed, backward, nudge and update steps run one.'] : []),
    ...rest,
  ];
  const highlight =
    found && !text.highlight.nodes.includes(found) ? { ...text.highlight, nodes: [...text.highlight.nodes, found] } : text.highlight;
  return { ...text, lines, highlight };
}

/** In place of the footer while a name is typed after `/`. */
export function inspectFooter(state: Session, columns: number): string | undefined {
  const find = state.inspect?.find;
  // What was typed is the learner's (a paste may hold control characters): shown as visible text, as names are.
  return find ? [...visibleLine(findLine(state.open!.scenario.graph, find.text))].slice(0, columns).join('') : undefined;
}

function foundLine(name: string, text: StepText): string {
  const number = (x: number | undefined) => (x === undefined ? '·' : formatNumber(x));
  return `Found ${name}: v ${number(text.shown.values[name])}, g ${number(text.shown.grads[name])} (lit on the drawing).`;
}

const worked = new WeakMap<Trace, Map<string, PathsOf>>();

/** A node's paths, worked out once per pass and window height: every key builds the frame again (33 ms at 10,000 nodes). */
function pathsFor(trace: Trace, from: string, limit: number): PathsOf {
  let known = worked.get(trace);
  if (!known) worked.set(trace, (known = new Map()));
  const key = `${limit} ${from}`;
  let paths = known.get(key);
  if (!paths) known.set(key, (paths = pathsOf(trace, from, limit)));
  return paths;
}

/** How many paths `f` spells out: as many as the window has rows for, about. */
function listedFor(rows: number): number {
  return rows >= 40 ? 6 : rows >= 24 ? 3 : 2;
}

/** Every path from `from` to the output, with its product, and the sum, which is the gradient. */
function followText(lesson: Lesson, from: string, last: boolean, rows: number): StepText {
  const { trace } = lesson;
  const out = trace.graph.output;
  const paths = pathsFor(trace, from, listedFor(rows));
  const of = whichLoss(lesson.scenario);
  const grad = `${partial(out, from)} = ${num(paths.gradient)}${of ? ` (${of.first})` : ''}`;
  const count = countText(paths.count);
  const lines = [
    `▸ Every path from ${from} to ${out} — ${keyOf(LESSON_KEYS, 'follow')} ${last ? 'or' : 'next input,'} Esc back to the step`,
    ...paths.listed.map((p, i) => `path ${i + 1}: ${pathLine(p)}`),
  ];
  if (paths.count === 0n) lines.push(`${from} does not reach ${out}: no path, so its gradient is 0.`);
  else if (paths.count === 1n) lines.push(`One path: its product is ${from}'s gradient, ${grad}.`);
  else {
    const left = paths.count - BigInt(paths.listed.length);
    const sum =
      left === 0n ? `${paths.listed.map((p) => operandNum(p.product)).join(' + ')} = ${num(paths.gradient)}` : num(paths.gradient);
    if (left > 0n) lines.push(`… and ${countText(left)} more paths.`);
    lines.push(`The sum over all ${count} paths is ${sum}, ${from}'s gradient: ${grad}.`);
    if (left > 0n) lines.push('The backward pass adds the paths up edge by edge (+=), never listing one.');
  }
  return {
    lines,
    shown: shownAt(trace, { forward: Infinity, backward: Infinity }),
    highlight: { nodes: paths.nodes, edges: paths.edges, current: from },
  };
}

/** Past this many nodes a path is written with its middle left out. */
const PATH_NODES = 6;

/** `b → c → z   1 · 1 = 1`: the nodes, then the local derivative of each edge and their product. */
function pathLine(path: Path): string {
  const { nodes, locals, product } = path;
  if (nodes.length <= PATH_NODES) {
    const factors = locals.length === 0 ? '1' : locals.map(operandNum).join(' · ');
    return `${nodes.join(' → ')}   ${factors} = ${num(product)}`;
  }
  const route = [...nodes.slice(0, 2), `… ${nodes.length - 4} more …`, ...nodes.slice(-2)].join(' → ');
  return `${route}   ${locals.length} local derivatives, product ${num(product)}`;
}

/** A count of paths, exact while it reads at a glance, else as a power of ten (2^60 is 1.15e18). */
export function countText(count: bigint): string {
  const digits = count.toString();
  return digits.length <= 12 ? digits : `${digits[0]}.${digits.slice(1, 3)}e${digits.length - 1}`;
}
