/**
 * Which operand is which, where the order matters and the drawing cannot show it by place alone: `a ^ b` raises
 * the base a to the exponent b, `a / b` divides the numerator a by the denominator b. The drawing writes the role
 * on the edge just before its arrow, the exports on the edge, and the description in words.
 */
import type { GraphNode } from '../engine/graph.js';

/** The short words on the edges, by operand slot; the long ones for sentences. */
const ROLES: Record<string, { short: readonly [string, string]; long: readonly [string, string] }> = {
  '^': { short: ['base', 'exp'], long: ['base', 'exponent'] },
  '/': { short: ['num', 'den'], long: ['numerator', 'denominator'] },
};

/** The role of operand `slot` of this node, as the edge into it is labelled (`base`, `den`), or undefined. */
export function roleOf(node: GraphNode | undefined, slot: number): string | undefined {
  return node ? ROLES[node.op]?.short[slot] : undefined;
}

/** The roles of an op's two operands, short (on the edges) and long (in sentences), or undefined where order does not matter so. */
export function rolesOf(op: string): { short: readonly [string, string]; long: readonly [string, string] } | undefined {
  return ROLES[op];
}
