/**
 * A local derivative typed as a rule (`1 - o^2` for tanh, `b` for a product), checked by what it computes, not
 * by how it is written: `-(a/b)/b` and `-a/b^2` are the same rule. It is evaluated against the op row's own
 * local derivative at the current values and at seeded random ones (the op's operands drawn, its output
 * recomputed), so a rule that gives the right number here by chance is still told apart. A common wrong rule
 * is found the same way, by evaluating it, and gets its own reason.
 */
import { nodeMap, opRow, type Contribution, type GraphNode, type OpName, type Trace } from '../engine/index.js';
import { seeded } from '../practice/random.js';
import { ExprSyntaxError, parseExpression, preorder, type Expr } from '../scenario/expression.js';
import { asOperand, num, partial } from './format.js';
import { mistakesOf } from './rule-mistakes.js';

/** What a typed rule is checked against: one op's local derivative by one of its operands. */
export interface LocalRule {
  op: OpName;
  /** Which operand the derivative is by (`a * a` has two). */
  slot: number;
  /** The op's operands, by name, in order. */
  operands: string[];
  /** The op's node: its output. */
  out: string;
  /** The operands' values now. */
  values: number[];
  /** Operands that are constants (the 2 of x^2): they keep their value at every point. */
  fixed: boolean[];
  /** The graph's nodes, to tell a name from elsewhere in it from one that is nowhere. */
  graph: ReadonlyMap<string, GraphNode>;
}

/** A rule as given: the text typed. */
export interface TypedRule {
  rule: string;
}

export const isTypedRule = (given: unknown): given is TypedRule => typeof given === 'object' && given !== null && 'rule' in given;

/** The longest rule that can be typed: a rule is short, and the parser's recursion stays shallow. */
export const RULE_LENGTH = 40;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The edge's local derivative as a rule the learner can type. */
export function localRuleOf(c: Contribution, trace: Trace): LocalRule | undefined {
  const graph = nodeMap(trace.graph);
  const node = graph.get(c.node);
  if (!node) return undefined;
  const fixed = node.inputs.map((name) => graph.get(name)?.op === 'const');
  return {
    op: node.op,
    slot: c.slot,
    operands: node.inputs,
    out: c.node,
    values: node.inputs.map((name) => trace.values[name]),
    fixed,
    graph,
  };
}

/** The names a rule may read: the op's operands (not its constants) and its output, each once. */
function namesOf(rule: LocalRule): string[] {
  return [...new Set([...rule.operands.filter((_, i) => !rule.fixed[i]), rule.out])];
}

/**
 * An inner operation the scenario did not name is named by its expression (`o-y`): typed whole, in a rule
 * (`2*(o-y)`), it stands for that operand, as a name would. Its name parsed, to find it in what is typed.
 */
function spelledOut(rule: LocalRule): { name: string; expr: Expr }[] {
  return namesOf(rule).flatMap((name) => {
    if (NAME.test(name)) return [];
    try {
      return [{ name, expr: parseExpression(name) }];
    } catch {
      return [];
    }
  });
}

/** The same expression, however it was spaced or bracketed. */
function sameExpr(x: Expr, y: Expr): boolean {
  if (x.kind !== y.kind) return false;
  switch (x.kind) {
    case 'number':
      return y.kind === 'number' && x.value === y.value;
    case 'name':
      return y.kind === 'name' && x.name === y.name;
    case 'neg':
      return y.kind === 'neg' && sameExpr(x.operand, y.operand);
    case 'binary':
      return y.kind === 'binary' && x.op === y.op && sameExpr(x.left, y.left) && sameExpr(x.right, y.right);
    case 'call':
      return y.kind === 'call' && x.fn === y.fn && sameExpr(x.arg, y.arg);
  }
}

/** The typed rule with each inner operation written out replaced by its name. */
function named(expr: Expr, spelled: { name: string; expr: Expr }[]): Expr {
  const found = spelled.find((s) => sameExpr(expr, s.expr));
  if (found) return { kind: 'name', name: found.name, offset: expr.offset, length: expr.length };
  switch (expr.kind) {
    case 'neg':
      return { ...expr, operand: named(expr.operand, spelled) };
    case 'binary':
      return { ...expr, left: named(expr.left, spelled), right: named(expr.right, spelled) };
    case 'call':
      return { ...expr, arg: named(expr.arg, spelled) };
    default:
      return expr;
  }
}

/** "a, b and c". */
function inWords(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** `c = a · b`: the op as the lesson writes it. */
function opText(rule: LocalRule): string {
  return `${rule.out} = ${opRow(rule.op).write(rule.operands.map(asOperand))}`;
}

/** `∂c/∂a = b`: the right rule, as the lesson writes it. */
export function ruleText(rule: LocalRule): string {
  const written = opRow(rule.op).writeLocal(rule.slot, rule.operands.map(asOperand), asOperand(rule.out));
  return `${partial(rule.out, rule.operands[rule.slot])} = ${written}`;
}

/** The text parsed, or the one sentence that says what is wrong with it and how to fix it (the text is kept). */
export function readRule(rule: LocalRule, text: string): { expr: Expr } | { error: string } {
  if (text.length > RULE_LENGTH) return { error: `A rule here is at most ${RULE_LENGTH} characters: write it shorter.` };
  let expr: Expr;
  try {
    expr = parseExpression(text);
  } catch (error) {
    if (!(error instanceof ExprSyntaxError)) throw error;
    return { error: `Not a rule: ${error.problem} at character ${error.offset + 1}; ${error.fix}.` };
  }
  expr = named(expr, spelledOut(rule));
  const allowed = namesOf(rule);
  for (const part of preorder(expr)) {
    if (part.kind !== 'name' || allowed.includes(part.name)) continue;
    const error = rule.graph.has(part.name)
      ? `${part.name} is not in ${opText(rule)}: a local derivative depends only on its own op, so the rule reads ${inWords(allowed.map(asOperand))} alone.`
      : `There is no ${part.name} here: the rule reads ${inWords(allowed.map(asOperand))}.`;
    return { error };
  }
  return { expr };
}

/** A rule's value where its names have these values. (Recursion: a rule is at most RULE_LENGTH characters.) */
function evaluate(expr: Expr, at: ReadonlyMap<string, number>): number {
  switch (expr.kind) {
    case 'number':
      return expr.value;
    case 'name':
      return at.get(expr.name) ?? NaN;
    case 'neg':
      return -evaluate(expr.operand, at);
    case 'binary':
      return opRow(expr.op).forward([evaluate(expr.left, at), evaluate(expr.right, at)]);
    case 'call':
      return opRow(expr.fn).forward([evaluate(expr.arg, at)]);
  }
}

/** A place a rule is tried at: the operands' values, the output's, and the names bound to them. */
interface Tried {
  x: number[];
  out: number;
  names: ReadonlyMap<string, number>;
}

/** How many random points, besides the current values. */
const POINTS = 8;
/** At least this many points must give a number on both sides for a rule to count as the same. */
const ENOUGH = 4;
/** The seed of the random points: the same every time, so an answer is judged the same on every frame. */
const SEED = 24;

/**
 * The current values, then random ones: each operand that varies drawn between 0.5 and 3 in size, on the side
 * of 0 it is on now (a relu's or a log's rule holds on its own side; at 0, either side), constants kept.
 */
function pointsOf(rule: LocalRule): Tried[] {
  const row = opRow(rule.op);
  const next = seeded(SEED);
  const at = (x: number[]): Tried => {
    const out = row.forward(x);
    const names = new Map(rule.operands.map((name, i) => [name, x[i]]));
    return { x, out, names: names.set(rule.out, out) };
  };
  const points = [at(rule.values)];
  // A draw where the op has no slope (a negative base to a drawn power) is drawn again, a few times at most.
  for (let tries = 0; points.length <= POINTS && tries < 20 * POINTS; tries++) {
    const drawn = new Map<string, number>();
    for (const [i, name] of rule.operands.entries()) {
      if (rule.fixed[i] || drawn.has(name)) continue;
      const side = Math.sign(rule.values[i]) || (next() < 0.5 ? -1 : 1);
      drawn.set(name, (side * Math.round(5 + next() * 25)) / 10);
    }
    const point = at(rule.operands.map((name, i) => drawn.get(name) ?? rule.values[i]));
    if (Number.isFinite(row.local(rule.slot, point.x, point.out))) points.push(point);
  }
  return points;
}

const agree = (u: number, v: number) => Math.abs(u - v) <= 1e-9 * Math.max(1, Math.abs(u), Math.abs(v));

/** Two rules are the same where both give a number, and enough points do. */
function same(f: (p: Tried) => number, g: (p: Tried) => number, points: Tried[]): boolean {
  let counted = 0;
  for (const p of points) {
    const [u, v] = [f(p), g(p)];
    if (!Number.isFinite(u) || !Number.isFinite(v)) continue;
    if (!agree(u, v)) return false;
    counted++;
  }
  return counted >= ENOUGH;
}

/** Where a point is, in words: `a = 1.5, b = -2`. */
function placeOf(rule: LocalRule, p: Tried): string {
  const names = [...new Set(rule.operands.filter((_, i) => !rule.fixed[i]))];
  return names.map((name) => `${asOperand(name)} = ${num(p.names.get(name))}`).join(', ');
}

/**
 * A typed rule judged: right where it is the op's local derivative at every point tried; else why not, by the
 * wrong rule it computes, or by a point where it gives another number. A text that is no rule here says so.
 */
export function checkRule(rule: LocalRule, text: string): { right: boolean; why?: string; error?: string } {
  const read = readRule(rule, text);
  if ('error' in read) return { right: false, why: read.error, error: read.error };
  const typed = (p: Tried) => evaluate(read.expr, p.names);
  const truth = (p: Tried) => opRow(rule.op).local(rule.slot, p.x, p.out);
  const points = pointsOf(rule);
  const [now] = points;
  const shown = text.trim();
  if (!Number.isFinite(typed(now)))
    return { right: false, why: `${shown} gives no number at ${placeOf(rule, now)}, where ${ruleText(rule)} is ${num(truth(now))}.` };
  if (same(typed, truth, points) && agree(typed(now), truth(now))) return { right: true };
  const mistake = mistakesOf(rule, { right: ruleText(rule), op: opText(rule) }).find((m) => same(typed, (p) => m.f(p.x, p.out), points));
  if (mistake) return { right: false, why: mistake.why };
  const elsewhere = points.find((p) => Number.isFinite(typed(p)) && Number.isFinite(truth(p)) && !agree(typed(p), truth(p)));
  if (agree(typed(now), truth(now)) && elsewhere)
    return {
      right: false,
      why: `${shown} gives the right number here, but it is not the rule: at ${placeOf(rule, elsewhere)} it gives ${num(typed(elsewhere))}, and ${ruleText(rule)} is ${num(truth(elsewhere))}.`,
    };
  if (!elsewhere) return { right: false, why: `${shown} gives no number at most of the values tried, where ${ruleText(rule)} does.` };
  return { right: false, why: `${shown} gives ${num(typed(now))} here, and ${ruleText(rule)} is ${num(truth(now))}.` };
}
