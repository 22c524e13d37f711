/**
 * Each phase's output as text a person can check: which node is in which
 * layer and in what order, where each node sits, and every cell an edge runs
 * through. Used by tests and handy when a drawing looks wrong.
 */

import type { GraphNode } from '../engine/graph.js';
import { rolesOf } from './roles.js';
import type { Ordering, Placement, Point } from './types.js';

const nameOf = (ordering: Ordering, id: number) => ordering.nodes[id].name ?? '·';

/** One line per layer, top to bottom: `1: c ·` (a dot for a dummy). */
export function describeOrdering(ordering: Ordering): string {
  return ordering.layers.map((layer, l) => `${l}: ${layer.map((id) => nameOf(ordering, id)).join(' ')}`).join('\n');
}

/** One line per layer: each node with its top row, `c@0`. */
export function describePlacement(placement: Placement): string {
  return placement.layers
    .map((layer, l) => `${l}: ${layer.map((id) => `${nameOf(placement, id)}@${placement.top[id]}`).join(' ')}`)
    .join('\n');
}

/** Every cell of an edge's path, in order from the source's port to the arrow. */
export function edgeCells(points: Point[]): Point[] {
  const cells: Point[] = [{ ...points[0] }];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const dr = Math.sign(b.row - a.row);
    const dc = Math.sign(b.col - a.col);
    for (let r = a.row + dr, c = a.col + dc; ; r += dr, c += dc) {
      cells.push({ row: r, col: c });
      if (r === b.row && c === b.col) break;
    }
  }
  return cells;
}

/**
 * Which operand of a `^` or a `/` is which, in words, for a screen reader and for the text: `On the drawing, base
 * marks the edge of the base x, exp that of the exponent 2.` Undefined where the order needs no words.
 */
export function describeRoles(node: GraphNode, operand: (name: string) => string = (name) => name): string | undefined {
  const roles = rolesOf(node.op);
  if (!roles || node.inputs.length !== 2) return undefined;
  const [a, b] = node.inputs.map(operand);
  const [short, long] = [roles.short, roles.long];
  return `On the drawing, ${short[0]} marks the edge of the ${long[0]} ${a}, ${short[1]} that of the ${long[1]} ${b}.`;
}
