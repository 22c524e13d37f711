/** Numbers and names as a learner reads them. */

import { isLeaf, type Graph } from '../engine/graph.js';
import { ATOM, bindsOf, opRow } from '../engine/ops.js';
import { nodeMap } from '../engine/autograd.js';
import { literalOf } from '../scenario/labels.js';

/**
 * Up to six significant digits, no float noise: 2.9000000000000004 → 2.9.
 * Undefined is a constant's gradient, which does not exist: `—`.
 */
export function num(x: number | undefined): string {
  if (x === undefined) return '—';
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '-∞';
  if (Object.is(x, -0)) return '0';
  // The common case, without toPrecision (a third of --json's time on a large sum): a whole number of at most six digits prints as itself.
  if (Number.isInteger(x) && x < 1e6 && x > -1e6) return String(x);
  const text = String(Number(x.toPrecision(6)));
  return text.includes('e') ? x.toExponential(3).replace(/\.?0+e/, 'e') : text;
}

/** A number as an operand: negative ones in parentheses, `3 + (-5)`. */
export function operandNum(x: number): string {
  const text = num(x);
  return text.startsWith('-') ? `(${text})` : text;
}

/** A signed change: +3.61, -0.2. */
export function signed(x: number): string {
  const text = num(x);
  return x > 0 ? `+${text}` : text;
}

const SIMPLE = /^[A-Za-z_][A-Za-z0-9_]*$|^[0-9.]+$/;

/** A constant's name: its number, marked where the graph has that number more than once (`1′`, to keep names apart). */
const MARKED_NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?:′\d+|[′″‴])$/;

/**
 * A generated name such as `a*b` needs parentheses inside another expression or a ∂. A constant is
 * written as its number: `e + 1`, never `e + (1′)`, which reads as a derivative.
 */
export function asOperand(name: string): string {
  const written = MARKED_NUMBER.test(name) ? literalOf(name) : name;
  return SIMPLE.test(written) ? written : `(${written})`;
}

/** ∂top/∂name, with compound names wrapped: ∂z/∂(a*b). */
export function partial(top: string, name: string): string {
  return `∂${asOperand(top)}/∂${asOperand(name)}`;
}

/** Pad cells into aligned columns for the plain tables of check, nudge and summary. */
export function table(rows: string[][]): string[] {
  // A loop, not Math.max(...): spreading 100,000 rows into one call overflows the stack.
  const widths = rows[0].map((_, c) => rows.reduce((widest, r) => Math.max(widest, (r[c] ?? '').length), 0));
  return rows.map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd(),
  );
}

/** Past this many characters a sub-expression is written as `…`; a named one, past NAMED_LIMIT, as its name. */
const EXPRESSION_LIMIT = 200;
const NAMED_LIMIT = 40;

/**
 * A node written out in terms of the inputs, with the fewest parentheses:
 * for z = c · d with c = a + b, `(a + b) · d`. The menu shows this. A named
 * node that more than one operand uses is written as its name and defined
 * after, as the learner meets it in the drawing: `c = b + b, b = a + a`.
 */
export function expressionOf(graph: Graph, name: string): string {
  const byName = nodeMap(graph);
  const uses = new Map<string, number>();
  for (const node of graph.nodes) for (const operand of node.inputs) uses.set(operand, (uses.get(operand) ?? 0) + 1);
  const reused = (key: string) => {
    const node = byName.get(key);
    return node !== undefined && !isLeaf(node) && node.generated === false && (uses.get(key) ?? 0) > 1;
  };
  const defined: string[] = [];
  // A node reused along many paths would be written out once per path: exponentially long in a large graph
  // (a 2,000-node one ran out of memory). Each node is written once, and one longer than a menu line stays its name.
  const written = new Map<string, { text: string; binds: number }>();
  const visit = (key: string, depth: number): { text: string; binds: number } => {
    let found = written.get(key);
    if (!found) {
      if (depth > 0 && reused(key)) {
        found = { text: key, binds: ATOM };
        defined.push(key);
      } else found = write(key, depth);
      // A named node longer than a short phrase reads as its name (h2_1 in the MLP); a generated name is internal
      // shorthand (a0+a1+a2+a3+…+a99, cut), so an unnamed one past a menu line reads as …
      const generated = byName.get(key)?.generated !== false;
      if (depth > 0 && !generated && found.text.length > NAMED_LIMIT) found = { text: key, binds: ATOM };
      else if (found.text.length > EXPRESSION_LIMIT) found = { text: generated ? '…' : key, binds: ATOM };
      written.set(key, found);
    }
    return found;
  };
  const write = (key: string, depth: number): { text: string; binds: number } => {
    const node = byName.get(key);
    // A constant reads as its number, not the label that tells two equal ones apart in the drawing (1′).
    if (node?.op === 'const' && node.value !== undefined)
      return { text: node.value < 0 ? `(${num(node.value)})` : num(node.value), binds: ATOM };
    if (!node || isLeaf(node) || depth > 40) return { text: key, binds: ATOM };
    const parts = node.inputs.map((operand) => visit(operand, depth + 1));
    const binds = bindsOf(node.op);
    // A named intermediate node is a unit the learner meets in the drawing, so
    // it keeps parentheses that show its grouping: (a + b) + b, where c = a + b.
    const named = (i: number) => byName.get(node.inputs[i])?.generated === false && parts[i].binds === binds;
    const side = (i: number, strict: boolean) => {
      const p = parts[i];
      return p.binds < binds || (strict && p.binds === binds) || named(i) ? `(${p.text})` : p.text;
    };
    if (node.op === 'neg') return { text: `-${side(0, false)}`, binds };
    if (binds === ATOM) return { text: `${node.op}(${parts[0].text})`, binds };
    // Operators group to the left, ^ to the right; a right operand of equal
    // binding keeps its parentheses so the drawing's shape shows: a - (b - c).
    const power = node.op === '^';
    return { text: opRow(node.op).write([side(0, power), side(1, !power)]), binds };
  };
  let text = visit(name, 0).text;
  // Each reused node once, after what uses it, where the menu line has room for it.
  for (const key of defined) {
    const definition = `, ${key} = ${write(key, 1).text}`;
    if (text.length + definition.length <= NAMED_LIMIT + 20) text += definition;
  }
  return text;
}

/**
 * A list as the overview and the summary say it: whole up to a dozen, else its first six and
 * last two around how many are left out. The MLP has 44 definitions and 45
 * inputs, and a large graph tens of thousands: all of them were a wall of text
 * before the first step.
 */
export function fewOf(items: string[]): string {
  if (items.length <= 12) return items.join(', ');
  return [...items.slice(0, 6), `… ${items.length - 8} more`, ...items.slice(-2)].join(', ');
}
