/**
 * What a node's box looks like: its size, where its ports are and what text it
 * holds. The size depends only on the graph, never on values, so a box keeps its
 * shape while the learner steps.
 *
 *   full              compact (one row inside where the node has one operand or none)
 *   ╭─+ c───────╮     ╭─a─────────────────╮
 *   │ v -2      ├──▶  │ v  3     g -5     ├──▶
 *   │ g  2      │     ╰───────────────────╯
 *   ╰───────────╯
 *
 * At the nudge a moved box shows its new value under the old: `│ →  3.02 │`.
 */

import type { GraphNode } from '../engine/graph.js';
import { opRow } from '../engine/ops.js';
import { literalOf } from '../scenario/labels.js';
import { NUMBER_WIDTH, boxNumber } from './format.js';

/**
 * The name line: `+ c` for an operation, the name alone for an input, and for
 * a generated node (`x1*w1`) too, whose name already shows its operation. A
 * constant shows its number: the second `2` of a graph is named `2′` but holds 2.
 */
export function titleOf(node: GraphNode): string {
  if (node.op === 'const') return literalOf(node.name);
  if (node.op === 'input' || node.generated) return node.name;
  return `${opRow(node.op).symbol} ${node.name}`;
}

/** Full box: border, ` v `, the number, a blank, border. */
const FULL_MIN_WIDTH = 4 + NUMBER_WIDTH + 2;
/** Compact, one row inside: border, ` v `, value, ` g `, grad, a blank, border. */
const COMPACT_MIN_WIDTH = 2 * NUMBER_WIDTH + 9;

/**
 * Both styles draw a whole border with the name in its top; compact saves a row where it can. Narrow boxes
 * (`│v  3      │`, for a drawing that would be wider than 80 columns) leave out the blank inside the left border.
 */
export function minWidth(node: GraphNode, compact: boolean, narrow = false): number {
  // Two corners and the marker slot around the label.
  const label = [...titleOf(node)].length + 3;
  const inside = compact && node.inputs.length < 2 && hasGradient(node) ? COMPACT_MIN_WIDTH : FULL_MIN_WIDTH;
  return Math.max(inside - (narrow ? 1 : 0), label);
}

/** A constant has no gradient (nothing can move it), so its box has no `g` to wait for: the legend's `·` means "not yet". */
export function hasGradient(node: GraphNode): boolean {
  return node.op !== 'const';
}

/**
 * Each operand enters on a row of its own inside the border. Full boxes keep
 * a row for the value and one for the gradient; a compact box with one row
 * inside writes both on it; a constant's box has its value's row alone.
 */
export function heightOf(ports: number, compact: boolean, gradient = true): number {
  return Math.max(compact || !gradient ? 1 : 2, ports) + 2;
}

/** Row offset of operand `slot`: the rows inside the border, from the top. */
export function inOffset(slot: number): number {
  return 1 + slot;
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

export interface BoxTextOptions {
  /**
   * The nudge: the new value of each node it moved (params) or recomputed (the
   * output), shown under the old one as `→ 3.02`, in place of the gradient.
   */
  nudged?: Record<string, number | undefined>;
  /** Narrow boxes: no blank between the left border and `v`. */
  narrow?: boolean;
}

/** The text of a box, relative to its top-left corner. Borders are drawn as lines elsewhere. */
export function boxTexts(
  node: GraphNode,
  compact: boolean,
  value: number | undefined,
  grad: number | undefined,
  current: boolean,
  options?: BoxTextOptions,
): BoxText[] {
  const texts: BoxText[] = [];
  if (current) texts.push({ row: 0, col: 1, text: '▸', kind: 'marker' });
  texts.push({ row: 0, col: 2, text: titleOf(node), kind: 'label' });
  const number = (row: number, col: number, prefix: string, x: number | undefined) => {
    const text = boxNumber(x);
    texts.push({ row, col, text: prefix, kind: 'label' });
    texts.push({ row, col: col + prefix.length, text, kind: x === undefined ? 'pending' : 'number' });
    return col + prefix.length + NUMBER_WIDTH + 1;
  };
  const after = options?.nudged?.[node.name];
  const moved = options?.nudged !== undefined && node.name in options.nudged;
  const lead = options?.narrow ? '' : ' ';
  const [second, secondValue] = moved ? ['→ ', after] : ['g ', grad];
  if (!hasGradient(node)) number(1, 1, `${lead}v `, value);
  else if (compact && node.inputs.length < 2) {
    const end = number(1, 1, `${lead}v `, value);
    number(1, end - 1, ` ${second}`, secondValue);
  } else {
    number(1, 1, `${lead}v `, value);
    number(2, 1, `${lead}${second}`, secondValue);
  }
  return texts;
}
