/**
 * What a node's box looks like: its size, where its ports are and what text it
 * holds. The size depends only on the graph, never on values, so a box keeps its
 * shape while the learner steps.
 *
 *   full                    compact (a row per operand, at least one)
 *   ╭─+ c───────╮           │ + c=-2 g=2       ├──▶
 *   │ v -2      ├──▶        │                  │
 *   │ g  2      │
 *   ╰───────────╯
 */

import type { GraphNode, OpName } from '../engine/graph.js';
import { literalOf } from '../scenario/labels.js';
import { formatNumber, NUMBER_WIDTH, signed } from './format.js';

const SYMBOL: Record<Exclude<OpName, 'input' | 'const'>, string> = {
  '+': '+',
  '-': '-',
  '*': '×',
  '/': '/',
  '^': '^',
  neg: 'neg',
  tanh: 'tanh',
  exp: 'exp',
  log: 'log',
  relu: 'relu',
  sigmoid: 'σ',
};

/**
 * The name line: `+ c` for an operation, the name alone for an input, and for
 * a generated node (`x1*w1`) too, whose name already shows its operation. A
 * constant shows its number: the second `2` of a graph is named `2′` but holds 2.
 */
export function labelOf(node: GraphNode): string {
  if (node.op === 'const') return literalOf(node.name);
  if (node.op === 'input' || node.generated) return node.name;
  return `${SYMBOL[node.op]} ${node.name}`;
}

/** Full box: border, ` v `, the number, a blank, border. */
const FULL_MIN_WIDTH = 4 + NUMBER_WIDTH + 2;
/** Compact: border, marker, label, `=`, value, ` g=`, grad, border. */
const COMPACT_EXTRA = 2 * NUMBER_WIDTH + 7;

export function minWidth(node: GraphNode, compact: boolean): number {
  const label = [...labelOf(node)].length;
  // Full: two corners and the marker slot around the label.
  return compact ? label + COMPACT_EXTRA : Math.max(FULL_MIN_WIDTH, label + 3);
}

/** Each operand enters on a row of its own. */
export function heightOf(ports: number, compact: boolean): number {
  return compact ? Math.max(1, ports) : Math.max(2, ports) + 2;
}

/** Row offset of operand `slot`: the rows inside the border, from the top. */
export function inOffset(slot: number, compact: boolean): number {
  return compact ? slot : 1 + slot;
}

/** The result leaves from the middle of the right side (the value line of a full box). */
export function outOffset(height: number): number {
  return (height - 1) >> 1;
}

export type TextKind = 'marker' | 'label' | 'number' | 'pending';

export interface BoxText {
  row: number;
  col: number;
  text: string;
  kind: TextKind;
}

/** The text of a box, relative to its top-left corner. Borders are drawn as lines elsewhere. */
export function boxTexts(
  node: GraphNode,
  compact: boolean,
  value: number | undefined,
  grad: number | undefined,
  current: boolean,
): BoxText[] {
  const texts: BoxText[] = [];
  if (current) texts.push({ row: 0, col: 1, text: '▸', kind: 'marker' });
  texts.push({ row: 0, col: 2, text: labelOf(node), kind: 'label' });
  const number = (row: number, col: number, prefix: string, text: string, x: number | undefined) => {
    texts.push({ row, col, text: prefix, kind: 'label' });
    texts.push({ row, col: col + prefix.length, text, kind: x === undefined ? 'pending' : 'number' });
    return col + prefix.length + text.length;
  };
  if (compact) {
    // Read as a sentence, `+ c=-2 g=2`: nothing lines up across rows, so no sign slot.
    const shown = (x: number | undefined) => (x === undefined ? '·' : formatNumber(x));
    const end = number(0, 2 + [...labelOf(node)].length, '=', shown(value), value);
    number(0, end, ' g=', shown(grad), grad);
  } else {
    number(1, 1, ' v ', signed(value), value);
    number(2, 1, ' g ', signed(grad), grad);
  }
  return texts;
}
