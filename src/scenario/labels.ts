/**
 * Readable names for the operations a scenario did not name: `x^2`, `x+3`,
 * `tanh(w*x+b)`. Compact (no spaces) and with only the parentheses needed to read
 * the structure back, plus a few for the eye: `a+(-b)`, `-(a^2)`. Where two
 * would read the same, the later ones are primed in reading order (`w*x`,
 * `w*x′`, `w*x″`), as a learner would mark them on paper.
 */

import { ATOM, bindsOf, operatorOp } from '../engine/ops.js';
import type { Expr } from './expression.js';

/**
 * Long labels are cut so a huge expression cannot make huge names (each label
 * is built from cut ones): to their start and their end, `a0+a1+a2+…+a37487`,
 * which tells the partial sums of a long sum apart by where they end. Every
 * name is written dozens of times in a lesson's document.
 */
export const MAX_LABEL = 28;
const HEAD = 12;
const TAIL = 12;

/** How tightly `expr` binds, from the op table: the one precedence every writer of expressions reads. */
function precedence(expr: Expr): number {
  switch (expr.kind) {
    case 'number':
    case 'name':
    case 'call':
      return ATOM;
    case 'neg':
      return bindsOf('neg');
    case 'binary':
      return bindsOf(operatorOp(expr.op));
  }
}

const parenthesized = (text: string, yes: boolean): string => (yes ? `(${text})` : text);

/**
 * The name a generated node gets for `expr` (`a*b`), given its operands' (a name leaf's is the
 * name; a literal's, the literal as written).
 */
export function generatedNameOf(expr: Expr, operand: (child: Expr) => string): string {
  return cut(rawLabel(expr, operand));
}

function rawLabel(expr: Expr, operand: (child: Expr) => string): string {
  switch (expr.kind) {
    case 'number':
      return expr.text;
    case 'name':
      return expr.name;
    case 'call':
      return `${expr.fn}(${operand(expr.arg)})`;
    case 'neg':
      // `-a` and `-3`, but `-(a^2)`: `-a^2` is correct and still misread.
      return `-${parenthesized(operand(expr.operand), precedence(expr.operand) < ATOM)}`;
    case 'binary': {
      const p = precedence(expr);
      const left = precedence(expr.left);
      const right = precedence(expr.right);
      // `^` is right-associative, the others left-associative; a negation on the right is always wrapped.
      const wrapLeft = expr.op === '^' ? left <= p : left < p;
      const wrapRight = expr.right.kind === 'neg' || (expr.op === '^' ? right < p : right <= p);
      return `${parenthesized(operand(expr.left), wrapLeft)}${expr.op}${parenthesized(operand(expr.right), wrapRight)}`;
    }
  }
}

const OPERATOR = /[-+*/^(),]/;

/** The label's first HEAD and last TAIL characters around `…`, cut after and before an operator where one is near. */
function cut(label: string): string {
  if (label.length <= MAX_LABEL) return label;
  // An operand cut before keeps its `…`: the start then runs to it, so a label never holds two.
  const early = label.indexOf('…');
  let head = early >= 0 && early < HEAD ? label.slice(0, early) : label.slice(0, HEAD);
  if (early < 0 || early >= HEAD) {
    for (let i = head.length - 1; i > 0; i--) {
      if (OPERATOR.test(head[i])) {
        head = head.slice(0, i + 1);
        break;
      }
    }
  }
  let tail = label.slice(-TAIL);
  const late = tail.lastIndexOf('…');
  if (late >= 0) tail = tail.slice(late + 1);
  else {
    const at = tail.search(OPERATOR);
    if (at > 0) tail = tail.slice(at);
  }
  return `${head}…${tail}`;
}

/** The k-th occurrence of a label (k ≥ 2): primes for the first few, then a number in reading order. */
function mark(k: number): string {
  return k <= 4 ? ['′', '″', '‴'][k - 2] : `′${k - 1}`;
}

/** What `mark` appends, to read a constant's literal back from its name. */
const MARK = /(?:′\d+|[′″‴])$/;

/** A constant's literal as written (`2` for the node named `2′`): the number it holds, for boxes and exports. */
export function literalOf(name: string): string {
  return name.replace(MARK, '');
}

/**
 * Gives each generated label a name no other node has: `x+3`, then `x+3′`,
 * `x+3″`… `reserved` are the scenario's own names, which never get a mark.
 */
export function nameAllocator(reserved: string[]): (label: string) => string {
  const taken = new Set(reserved);
  const next = new Map<string, number>();
  return (text) => {
    let name = text;
    let k = next.get(text) ?? (taken.has(text) ? 2 : 1);
    if (k > 1) {
      while (taken.has(`${text}${mark(k)}`)) k++;
      name = `${text}${mark(k)}`;
    }
    next.set(text, k + 1);
    taken.add(name);
    return name;
  };
}
