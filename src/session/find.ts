/**
 * `/` in a lesson: type the start of a node's name, Tab completes it, Enter
 * jumps to it. The window onto a drawing too big for the screen moves to the
 * node (as a pan does, so it stays there until the next step) and the node is
 * lit. Node names come from the scenario: they reach the screen only through
 * the frame, which makes them visible text.
 */
import type { Graph } from '../engine/index.js';
import { actionFor, keyOf, PROMPT_KEYS, type KeyName } from '../keys/index.js';
import { buildFrame } from './frame.js';
import { layoutFor } from './lessons.js';
import type { Session } from './state.js';
import { hereOf } from './inspect.js';
import { startingWith } from './text.js';

/** Past this many, the names that match are counted, not listed. */
const SHOWN_MATCHES = 3;

/** The nodes whose names start with `prefix`, in the graph's order; an exact name first. Constants have no name to find. */
export function matchesOf(graph: Graph, prefix: string): string[] {
  return startingWith(
    graph.nodes.filter((n) => n.op !== 'const').map((n) => n.name),
    prefix,
  );
}

/** What Tab makes of the text: the longest start every match shares (the whole name where one matches). */
export function completed(matches: string[], text: string): string {
  if (matches.length === 0) return text;
  let common = matches[0];
  for (const name of matches) while (!name.startsWith(common)) common = common.slice(0, -1);
  return common.length > text.length ? common : text;
}

/** The line in place of the footer while a name is typed: what matches, and what each key does. */
export function findLine(graph: Graph, text: string): string {
  const matches = matchesOf(graph, text);
  const keys = `Tab completes, ${keyOf(PROMPT_KEYS, 'submit')} jumps, Esc leaves`;
  if (matches.length === 0) return `/${text}▏ no node's name starts with "${text}": ${keyOf(PROMPT_KEYS, 'erase')} erases, Esc leaves`;
  const shown = matches.slice(0, SHOWN_MATCHES).join(' ');
  const more = matches.length > SHOWN_MATCHES ? ` +${matches.length - SHOWN_MATCHES}` : '';
  return `/${text}▏ ${shown}${more}  ${keys}`;
}

/** A key while a name is typed: every key but these types itself. */
export function findKey(state: Session, text: string, key: KeyName): Session {
  const graph = state.open!.scenario.graph;
  const typing = (t: string): Session => ({ ...state, inspect: { ...state.inspect, find: { text: t } } });
  if (key === 'escape') return { ...state, inspect: { ...state.inspect, find: undefined } };
  if (key === 'tab') return typing(completed(matchesOf(graph, text), text));
  const action = actionFor(PROMPT_KEYS, key);
  if (action === 'erase') return typing(text.slice(0, -1));
  if (action === 'submit') {
    const name = matchesOf(graph, text)[0];
    return name === undefined ? state : jumpTo({ ...state, inspect: { ...state.inspect, find: undefined } }, name);
  }
  const typed = key === 'space' ? ' ' : key;
  return [...typed].length === 1 ? typing(text + typed) : state;
}

/**
 * The node lit on this step, and where the drawing is cut, the window moved to have it in the middle, kept there as
 * a pan keeps it (in the same box style: a far node lit with the step's own would otherwise ask for a smaller one).
 */
function jumpTo(state: Session, name: string): Session {
  const found: Session = { ...state, inspect: { ...state.inspect, found: { at: hereOf(state), name } } };
  if (!state.origin || !state.style) return found;
  const probe = buildFrame({ ...found, panned: true });
  const drawing = probe.kind === 'lesson' ? probe.drawing : undefined;
  if (!drawing?.origin || Object.keys(drawing.beyond ?? {}).length === 0) return found;
  const box = layoutFor(state.open!.scenario.graph, drawing.style === 'compact').boxes[name];
  const picture = drawing.height - (drawing.pictureRow ?? 0) - 1;
  const origin = {
    row: Math.max(0, box.row + Math.floor((box.height - picture) / 2)),
    col: Math.max(0, box.col + Math.floor((box.width - drawing.width) / 2)),
  };
  return { ...found, origin, style: drawing.style, panned: true };
}
