import { edgesInto, nodeMap, opRow, type Contribution, type GraphNode, type Nudge, type Trace } from '../engine/index.js';
import { num, operandNum, partial, asOperand } from './format.js';
import { checkRule, isTypedRule, localRuleOf, type LocalRule, type TypedRule } from './rule.js';
import { kindOf } from './phases/index.js';
import type { Lesson } from './steps.js';
import type { WhichLoss } from './which-loss.js';

/** The answer to a nudge question: which way the output goes. */
export type Direction = 'up' | 'down';

/** What a learner can give: a number (picked or typed), a direction, or a local derivative's rule (typed). */
export type Given = number | Direction | TypedRule;

/** One answer on offer: the right one, or a real mistake with the reason it is one. A practice question's may be a node's name. */
export interface Choice<T extends Given | string = number> {
  value: T;
  right: boolean;
  /** Why this answer is wrong, said to the learner who picked it. Empty for the right one. */
  why: string;
}

/**
 * The kinds of question, each where it belongs: a forward step's value, a
 * backward edge's local derivative, its upstream gradient, its result, the
 * running sum where a node is reached along a second path, and on the nudge
 * step the direction the output goes. Practice asks one more: what a
 * gradient holds after a second backward pass, with or without zero_grad.
 */
export type QuestionKind =
  'forward-value' | 'local-derivative' | 'upstream' | 'edge-result' | 'running-sum' | 'nudge-direction' | 'zero-grad';

/** The kinds in the order the summary lists them, each with its name in words (singular, plural). */
export const KINDS: [QuestionKind, string, string][] = [
  ['forward-value', 'forward value', 'forward values'],
  ['local-derivative', 'local derivative', 'local derivatives'],
  ['upstream', 'upstream gradient', 'upstream gradients'],
  ['edge-result', 'edge result', 'edge results'],
  ['running-sum', 'running sum', 'running sums'],
  ['nudge-direction', 'nudge direction', 'nudge directions'],
  ['zero-grad', 'zero_grad answer', 'zero_grad answers'],
];

/** A question of kind K whose answer is a T (practice asks some whose answer is a node's name). */
export interface Asked<K extends string, T extends Given | string> {
  kind: K;
  prompt: string;
  /** The right value, also marked among the choices. */
  answer: T;
  /** What the screen offers: the right answer and up to three mistakes. */
  choices: Choice<T>[];
  /** Every known mistake, on screen or not: a typed answer that matches one gets its reason. */
  mistakes: Choice<T>[];
  /** What the hint key reveals, one at a time: the rule in symbols, the node whose value it uses, the numbers. */
  hints: [string, string, string];
  /** The node hint 2 points at, highlighted on the drawing once that hint is out. */
  hintNode?: string;
  /** A local derivative's rule, which the learner may type instead of the number (`./rule.ts`). */
  rule?: LocalRule;
}

/** A question whose answer is a number: picked, or typed within TOLERANCE. */
export type NumberQuestion = Asked<Exclude<QuestionKind, 'nudge-direction'>, number>;
/** The nudge step's question: up or down. */
export type DirectionQuestion = Asked<'nudge-direction', Direction>;
export type Question = NumberQuestion | DirectionQuestion;

/**
 * A typed number counts when it agrees with the answer to about 3 significant
 * digits: within 0.5% of it, as far as rounding to 3 significant digits can
 * move a number (1.005 → 1.00 or 1.01). A band relative to the answer, so a
 * small answer is not swallowed by a band wider than itself (0.01 absolute
 * took -0.00376 for 0.00376); and never across zero, so a flipped sign is
 * wrong however small. An answer of 0 needs a 0 typed: ZERO only lets in the
 * 1e-17 a float sum leaves where the lesson prints 0, and the float error of
 * a number typed on the band's edge (10.05 is 0.05000000000000071 from 10).
 * Nothing is close to ∞.
 */
export function close(typed: number, value: number): boolean {
  if (!Number.isFinite(value) || typed * value < 0) return false;
  return Math.abs(typed - value) <= SIGNIFICANT * Math.abs(value) + ZERO;
}

const SIGNIFICANT = 0.005;
const ZERO = 1e-9;

/** The tolerance as the prompt states it. */
export const TOLERANCE = 'to 3 significant digits';

/** How a choice reads on screen: a number as the lesson writes it, a direction as the word. */
export function answerText(value: Given): string {
  return typeof value === 'number' ? num(value) : isTypedRule(value) ? value.rule : value;
}

/** The choices on screen: duplicates (as shown) and copies of the right value removed, at most four, rotated by the seed. */
export function offer(candidates: Choice[], seed: number): { choices: Choice[]; mistakes: Choice[] } {
  const seen = new Set<string>();
  const distinct = candidates.filter((choice) => {
    const shown = num(choice.value);
    if (seen.has(shown)) return false;
    seen.add(shown);
    return true;
  });
  const picked = distinct.slice(0, 4);
  // Rotate so the right answer is not always first, the same way every time.
  const shift = seed % picked.length;
  return { choices: [...picked.slice(shift), ...picked.slice(0, shift)], mistakes: distinct.filter((c) => !c.right) };
}

/** The two last resorts, so there are always at least three different choices. */
function offByOne(right: number, because: string): Choice[] {
  return [
    { value: right + 1, right: false, why: `that is one too many: ${because}.` },
    { value: right - 1, right: false, why: `that is one too few: ${because}.` },
  ];
}

/** What an edge's questions need to know about its node: its expression, its rule, the names that rule reads. */
interface EdgeContext {
  out: string;
  /** `a · b`, as the lesson writes the node. */
  expression: string;
  /** The local derivative in symbols: `b` for ∂(a·b)/∂a. */
  rule: string;
  /** The nodes whose values the rule reads, in the order it names them. */
  uses: string[];
  values: Record<string, number>;
}

/** Nodes by name (made once per graph: a lookup per question would make a lesson's questions quadratic). */
const nodesOf = (trace: Trace): ReadonlyMap<string, GraphNode> => nodeMap(trace.graph);

function edgeContext(c: Contribution, out: string, trace?: Trace): EdgeContext | undefined {
  if (!trace) return undefined;
  const node = nodesOf(trace).get(c.node);
  if (!node) return undefined;
  const row = opRow(node.op);
  const names = node.inputs.map(asOperand);
  const rule = row.writeLocal(c.slot, names, asOperand(c.node));
  // The names the rule reads, whole words only (so `b` is not found inside `ab`).
  // A constant is written into the rule as its number (2·a^(2-1)): there is no value of its own to look up.
  const nodes = nodesOf(trace);
  const candidates = [...new Set([...node.inputs, c.node])].filter((name) => nodes.get(name)?.op !== 'const');
  const uses = candidates
    .map((name) => ({ name, at: indexOfName(rule, asOperand(name)) }))
    .filter((u) => u.at >= 0)
    .sort((x, y) => x.at - y.at)
    .map((u) => u.name);
  return { out, expression: row.write(names), rule, uses, values: trace.values };
}

function indexOfName(text: string, name: string): number {
  // A plain scan, not a RegExp built per call: that cost 3 s of a 100,000-node `show --json`.
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!isNameChar(text[at - 1]) && !isNameChar(text[at + name.length])) return at;
  }
  return -1;
}

const isNameChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_]/.test(ch);

/** ∂(a · b)/∂a = b: the op's rule in symbols. */
function ruleOf(c: Contribution, ctx: EdgeContext): string {
  return `∂(${ctx.expression})/∂${asOperand(c.operand)} = ${ctx.rule}`;
}

/** Hint 2 and its node: the value the local derivative reads, or that it reads none. */
function usesHint(c: Contribution, ctx: EdgeContext): { text: string; node?: string } {
  const first = ctx.uses[0];
  if (!first) return { text: `${partial(c.node, c.operand)} reads no value here: it is ${num(c.local)} whatever ${c.operand} is.` };
  const others = ctx.uses.slice(1).map((n) => ` and ${n}'s`);
  return { text: `It uses ${first}'s value${others.join('')} (${first} is highlighted).`, node: first };
}

function numbersOfRule(c: Contribution, ctx: EdgeContext): string {
  if (ctx.uses.length === 0) return `${partial(c.node, c.operand)} = ${num(c.local)}`;
  const values = ctx.uses.map((n) => `${n} = ${num(ctx.values[n])}`).join(', ');
  return ctx.uses.length === 1 && ctx.rule === asOperand(ctx.uses[0]) ? values : `${values}, into ${ctx.rule}`;
}

/**
 * The question for one backward edge's result: what is the operand's
 * gradient once this edge has run? On a node's second path on, that is a
 * running sum. The wrong answers are the mistakes people make — the
 * overwrite bug (only this path), upstream without local, local without
 * upstream, the sign flipped — with duplicates and copies of the right value
 * removed, so every choice on screen means something different. With the
 * trace, the hints name the op's rule and the node whose value it uses.
 */
export function questionFor(c: Contribution, out: string, seed: number, trace?: Trace): NumberQuestion {
  const grad = partial(out, c.operand);
  const right = c.sumAfter;
  const already = c.sumBefore;
  const plusAlready = (x: number) => (c.path > 1 ? already + x : x);
  const earlier = c.path > 1 ? ` (plus the ${num(already)} ${c.operand} already has)` : '';
  const because = `${operandNum(c.upstream)} · ${operandNum(c.local)} is ${num(c.contribution)}${earlier}`;
  const candidates: Choice[] = [
    { value: right, right: true, why: '' },
    {
      value: c.contribution,
      right: false,
      why: `that is this path alone: ${c.operand} already had ${num(already)} from another path, and paths add (+=), they do not overwrite.`,
    },
    {
      value: plusAlready(c.upstream),
      right: false,
      why: `that is the upstream gradient ${partial(out, c.node)} = ${num(c.upstream)} without the local derivative ${partial(c.node, c.operand)} = ${num(c.local)}; multiply them.`,
    },
    {
      value: plusAlready(c.local),
      right: false,
      why: `that is the local derivative ${partial(c.node, c.operand)} = ${num(c.local)} alone; multiply it by the upstream gradient ${partial(out, c.node)} = ${num(c.upstream)}.`,
    },
    { value: -right, right: false, why: `the sign is flipped: ${because}.` },
    {
      value: 0,
      right: false,
      why: `0 is where every gradient starts; this edge adds ${partial(out, c.node)} · ${partial(c.node, c.operand)} to it.`,
    },
    { value: 2 * right, right: false, why: `that counts this path twice; each edge adds its local × upstream once.` },
    {
      value: plusAlready(c.local + c.upstream),
      right: false,
      why: `that adds the local derivative and the upstream gradient; the chain rule multiplies them.`,
    },
    ...offByOne(right, because),
  ];
  const ctx = edgeContext(c, out, trace);
  const chain = `${grad} ${c.path > 1 ? '+=' : '='} ${partial(out, c.node)} · ${partial(c.node, c.operand)}`;
  const uses = ctx ? usesHint(c, ctx) : undefined;
  return {
    kind: c.path > 1 ? 'running-sum' : 'edge-result',
    prompt:
      c.path > 1
        ? `${c.operand} already has ${grad} = ${num(already)} from another path. What is ${grad} once this edge has run?`
        : `What is ${grad} once this edge has run?`,
    answer: right,
    ...offer(candidates, seed),
    hints: [
      // From the output the chain has one link: written as upstream · local it would define ∂z/∂c by itself.
      c.node === out
        ? `Rule: the seed ${partial(out, out)} = 1 times the local derivative of ${c.node} by ${c.operand}${ctx ? `; here ${ruleOf(c, ctx)}` : ''}.`
        : `Rule: ${chain} — upstream times local${c.path > 1 ? ', added to what is there' : ''}${ctx ? `; here ${ruleOf(c, ctx)}` : ''}.`,
      c.path > 1
        ? `It uses ${c.operand}'s gradient so far, ${num(already)} (${c.operand} is highlighted), and ${c.node}'s gradient.`
        : `It uses ${c.node}'s gradient ${partial(out, c.node)}${uses?.node ? ` and ${uses.node}'s value (${uses.node} is highlighted)` : ` (${c.node} is highlighted)`}.`,
      `Numbers: ${c.path > 1 ? `${num(already)} + ` : ''}${operandNum(c.upstream)} · ${operandNum(c.local)}.`,
    ],
    hintNode: c.path > 1 ? c.operand : (uses?.node ?? c.node),
  };
}

/** ∂c/∂a by the op's rule alone: no upstream yet. */
export function localQuestion(c: Contribution, trace: Trace, seed: number): NumberQuestion {
  const out = trace.graph.output;
  const ctx = edgeContext(c, out, trace)!;
  const local = partial(c.node, c.operand);
  const right = c.local;
  const rule = `${local} = ${ctx.rule === num(right) ? ctx.rule : `${ctx.rule} = ${num(right)}`}`;
  const candidates: Choice[] = [
    { value: right, right: true, why: '' },
    {
      value: c.upstream,
      right: false,
      why: `that is the upstream gradient ${partial(out, c.node)}; the local derivative is ${c.node}'s own slope in ${c.operand}: ${rule}.`,
    },
    {
      value: c.contribution,
      right: false,
      why: `that is upstream × local, the edge's whole result; the local derivative alone is ${rule}.`,
    },
    { value: ctx.values[c.operand], right: false, why: `that is ${c.operand}'s own value; the rule for ${ctx.expression} gives ${rule}.` },
    { value: ctx.values[c.node], right: false, why: `that is ${c.node}'s value, not its slope: ${rule}.` },
    ...(nodesOf(trace).get(c.node)?.op === '+'
      ? []
      : [{ value: 1, right: false, why: `1 is the local derivative of a sum; ${c.node} = ${ctx.expression}, so ${rule}.` }]),
    { value: 0, right: false, why: `0 would mean ${c.node} does not move when ${c.operand} does; ${rule}.` },
    { value: -right, right: false, why: `the sign is flipped: ${rule}.` },
    ...offByOne(right, rule),
  ];
  const uses = usesHint(c, ctx);
  const typable = localRuleOf(c, trace);
  return {
    kind: 'local-derivative',
    prompt: `What is the local derivative ${local} of ${c.node} = ${ctx.expression}?`,
    answer: right,
    ...offer(candidates, seed),
    hints: [`Rule: ${ruleOf(c, ctx)}.`, uses.text, `Numbers: ${numbersOfRule(c, ctx)}.`],
    ...(uses.node ? { hintNode: uses.node } : {}),
    ...(typable ? { rule: typable } : {}),
  };
}

/** ∂L/∂c arriving at the edge: the gradient of the node the edge leaves, complete by now. */
export function upstreamQuestion(c: Contribution, trace: Trace, seed: number): NumberQuestion {
  // The edges that brought it, grouped once per trace.
  const into = edgesInto(trace).get(c.node) ?? [];
  const out = trace.graph.output;
  const up = partial(out, c.node);
  const right = c.upstream;
  const fromOut = c.node === out;
  const candidates: Choice[] = [
    { value: right, right: true, why: '' },
    {
      value: c.local,
      right: false,
      why: `that is the local derivative ${partial(c.node, c.operand)}; the upstream is ${up}, what reached ${c.node} from ${out}.`,
    },
    { value: trace.values[c.node], right: false, why: `that is ${c.node}'s value, not its gradient.` },
    {
      value: c.contribution,
      right: false,
      why: `that is this edge's result, upstream × local; the upstream is the factor that had reached ${c.node} before it.`,
    },
    ...(fromOut
      ? []
      : [
          {
            value: 1,
            right: false,
            why: `1 is only the seed ${partial(out, out)}; ${c.node}'s gradient is what the edges out of it added.`,
          },
          { value: 0, right: false, why: `0 is where ${c.node}'s gradient started; every edge out of ${c.node} has run since.` },
        ]),
    { value: -right, right: false, why: `the sign is flipped: ${up} is ${num(right)}.` },
    ...offByOne(right, `${up} is ${num(right)}`),
  ];
  // A node reached along many paths: its first and last terms, not thousands.
  const term = (d: Contribution) => `${operandNum(d.upstream)} · ${operandNum(d.local)}`;
  const sum =
    into.length <= 4 ? into.map(term).join(' + ') : `${term(into[0])} + … ${into.length - 2} more … + ${term(into[into.length - 1])}`;
  return {
    kind: 'upstream',
    prompt: `What is the upstream gradient ${up}, the one arriving at ${c.node} for this edge?`,
    answer: right,
    ...offer(candidates, seed),
    hints: [
      fromOut
        ? `Rule: the seed: ${partial(out, out)} = 1, since ${out} moves exactly as much as itself.`
        : `Rule: the upstream ${up} is ${c.node}'s own gradient, complete once every edge out of ${c.node} has run.`,
      `It is ${c.node}'s gradient: the g in ${c.node}'s box (highlighted).`,
      fromOut ? `Numbers: ${partial(out, out)} = 1.` : `Numbers: ${up} = ${sum}.`,
    ],
    hintNode: c.node,
  };
}

/** What is c? The forward step's value, before the step tells it. */
export function forwardQuestion(node: GraphNode, trace: Trace, seed: number): NumberQuestion {
  const row = opRow(node.op);
  const x = node.inputs.map((name) => trace.values[name]);
  const names = node.inputs.map(asOperand);
  const numbers = x.map(operandNum);
  const right = trace.values[node.name];
  const expression = row.write(names);
  const because = `${row.write(numbers)} is ${num(right)}`;
  const candidates: Choice[] = [{ value: right, right: true, why: '' }];
  // A constant has no box worth lighting: the hint lights the first operand that is a node of the lesson's own.
  const nodes = nodesOf(trace);
  const isConstant = (name: string) => nodes.get(name)?.op === 'const';
  const lit = node.inputs.find((name) => !isConstant(name));
  if (node.inputs.length === 2) {
    for (const op of ['+', '-', '*', '/'] as const) {
      if (op === node.op) continue;
      const other = opRow(op);
      candidates.push({
        value: other.forward(x),
        right: false,
        why: `that is ${other.write(numbers)}; ${node.name} = ${expression}, and ${because}.`,
      });
    }
    const swapped = row.forward([x[1], x[0]]);
    if (node.op === '-' || node.op === '/' || node.op === '^')
      candidates.push({ value: swapped, right: false, why: `the operands are swapped: ${node.name} = ${expression}, and ${because}.` });
  } else if (node.inputs.length === 1) {
    candidates.push({
      value: x[0],
      right: false,
      why: `that is ${node.inputs[0]} itself; ${node.name} = ${expression} applies ${node.op} to it: ${because}.`,
    });
  }
  candidates.push({ value: -right, right: false, why: `the sign is flipped: ${because}.` }, ...offByOne(right, because));
  return {
    kind: 'forward-value',
    prompt: `What is ${node.name} = ${expression}?`,
    answer: right,
    ...offer(candidates, seed),
    hints: [
      `Rule: ${node.name} = ${expression}, from the values of its operands.`,
      `It uses ${node.inputs.map((n) => (isConstant(n) ? `the constant ${n}` : `${n}'s value`)).join(' and ')}${lit ? ` (${lit} is highlighted)` : ''}.`,
      `Numbers: ${row.write(numbers)}.`,
    ],
    ...(lit ? { hintNode: lit } : {}),
  };
}

/** Does the output go up or down when every param moves by rate × its gradient? Undefined when it does not move. */
export function nudgeQuestion(nudge: Nudge, out: string): DirectionQuestion | undefined {
  if (!Number.isFinite(nudge.actual) || nudge.actual === 0) return undefined;
  const answer: Direction = nudge.actual > 0 ? 'up' : 'down';
  const wrong: Direction = answer === 'up' ? 'down' : 'up';
  const ascent = nudge.rate >= 0;
  const firstOrder = nudge.predicted > 0 ? 'up' : 'down';
  const why =
    firstOrder === wrong
      ? `to first order it would (predicted ${num(nudge.predicted)}), but the rate is so large that the curve wins: ${out} goes ${num(nudge.before)} → ${num(nudge.after)}.`
      : ascent
        ? `each param moves with its gradient's sign, so every grad · Δx is positive and ${out} rises; a negative gradient moves its param down, which raises ${out} too.`
        : `the rate is negative: each param moves against its gradient, so every grad · Δx is negative and ${out} falls (descent).`;
  const choices: Choice<Direction>[] = [
    { value: 'up', right: answer === 'up', why: answer === 'up' ? '' : why },
    { value: 'down', right: answer === 'down', why: answer === 'down' ? '' : why },
  ];
  return {
    kind: 'nudge-direction',
    prompt: `Every param moves by ${num(nudge.rate)} × its gradient. Does ${out} go up or down?`,
    answer,
    choices,
    mistakes: choices.filter((c) => !c.right),
    hints: [
      `Rule: each param x moves by rate × ∂${asOperand(out)}/∂x, so ${out} changes by about rate × Σ (∂${asOperand(out)}/∂x)².`,
      `It uses the gradients in the params' boxes and the rate's sign (${out} is highlighted).`,
      `Numbers: ${num(nudge.rate)} × Σ grad² = ${num(nudge.predicted)}.`,
    ],
    hintNode: out,
  };
}

/** How an answer scores: right; right only once every hint was out (the last one shows the numbers); or wrong. */
export type Outcome = 'right' | 'helped' | 'wrong';

/** An answer as the course keeps it: what was given, and how many of the question's hints were out. */
export interface Answer {
  given: Given;
  hints: number;
}

export interface Judged {
  /** The answer given is the right one, with or without the hints. */
  right: boolean;
  outcome: Outcome;
  /** The known mistake it matches, in words. */
  why?: string;
}

/**
 * How judged: right, or the known mistake it matches (on screen or not), or
 * none of them. A typed number is close enough within TOLERANCE, unless it is
 * nearer still to a known mistake. Given once every hint is out, a right
 * answer is helped.
 */
export function judge(question: Question, given: Given, hintsUsed = 0): Judged {
  const helped = hintsUsed >= question.hints.length;
  const judged = (right: boolean, why?: string): Judged => ({
    right,
    outcome: right ? (helped ? 'helped' : 'right') : 'wrong',
    ...(why ? { why } : {}),
  });
  if (question.kind === 'nudge-direction') {
    const choice = question.choices.find((c) => c.value === given);
    return judged(choice?.right === true, choice?.why);
  }
  if (isTypedRule(given)) {
    const checked = question.rule ? checkRule(question.rule, given.rule) : { right: false };
    return judged(checked.right, checked.why);
  }
  if (typeof given !== 'number') return judged(false);
  const away = (value: number) => Math.abs(given - value);
  const mistake = [...question.choices, ...question.mistakes]
    .filter((c) => !c.right && close(given, c.value))
    .reduce<Choice | undefined>((nearest, c) => (nearest && away(nearest.value) <= away(c.value) ? nearest : c), undefined);
  const right = close(given, question.answer) && !(mistake && away(mistake.value) < away(question.answer));
  return right ? judged(true) : judged(false, mistake?.why);
}

/** The sentence that judges an answer, in words and never by colour alone. */
export function verdict(question: Question, given: Given, hintsUsed = 0): string {
  const right = answerText(question.answer);
  const { outcome, why } = judge(question, given, hintsUsed);
  const typed =
    typeof given === 'number' && num(given) !== right
      ? ` (you gave ${num(given)})`
      : isTypedRule(given)
        ? `, and ${given.rule.trim()} is the rule itself: it holds at other values too`
        : '';
  if (outcome === 'right') return `Correct: ${right}${typed}.`;
  if (outcome === 'helped') return `Correct, with all the hints: ${right}${typed}.`;
  if (why) return `Not quite: ${why} The answer is ${right}.`;
  return `Not quite: ${answerText(given)} is none of the usual slips — work it through once more. The answer is ${right}.`;
}

/** Each lesson's questions, made when first asked for, so a large lesson pays only for the steps a learner reaches. */
const asked = new WeakMap<Lesson, Map<number, Question | undefined>>();

/**
 * The question of a step, as its phase kind asks it (`./phases/`): a forward
 * value, a part of the chain rule on a backward edge, the nudge's direction.
 * No question where the answer is not finite.
 */
export function questionAt(lesson: Lesson, i: number): Question | undefined {
  let made = asked.get(lesson);
  if (!made) asked.set(lesson, (made = new Map()));
  if (made.has(i)) return made.get(i);
  const question = makeQuestion(lesson, i);
  made.set(i, question);
  return question;
}

/** Every step's question, for a whole document: made one by one and not kept, so memory stays that of one step. */
export function eachQuestion(lesson: Lesson, i: number): Question | undefined {
  return asked.get(lesson)?.get(i) ?? makeQuestion(lesson, i);
}

const GRADIENT_KINDS = new Set<QuestionKind>(['upstream', 'edge-result', 'running-sum']);

/** With examples, a question whose answer is a gradient of the output says which loss it is of, as the step does. */
export function sayWhichLoss(prompt: string, kind: QuestionKind, of: WhichLoss | undefined): string {
  return of && GRADIENT_KINDS.has(kind) ? `${prompt} (${of.first})` : prompt;
}

function makeQuestion(lesson: Lesson, i: number): Question | undefined {
  const step = lesson.steps[i];
  return step ? kindOf(step.phase).question?.(lesson, i) : undefined;
}

/** Right answers, helped ones (right with every hint out) and questions asked. */
export interface Tally {
  right: number;
  helped: number;
  asked: number;
}

export interface Score extends Tally {
  /** The same, by kind of question: only the kinds asked. */
  byKind: Partial<Record<QuestionKind, Tally>>;
}

/** Answers by step number → how many were right, helped or asked, in all and by kind. */
export function scoreOf(lesson: Lesson, answers: Record<number, Answer>): Score {
  const score: Score = { right: 0, helped: 0, asked: 0, byKind: {} };
  for (const [step, { given, hints }] of Object.entries(answers)) {
    const question = questionAt(lesson, Number(step));
    if (!question) continue;
    const { outcome } = judge(question, given, hints);
    const kind = (score.byKind[question.kind] ??= { right: 0, helped: 0, asked: 0 });
    for (const tally of [kind, score]) {
      tally.asked++;
      if (outcome !== 'wrong') tally[outcome]++;
    }
  }
  return score;
}

/** " (1 with all the hints)": what a score's right count leaves out, said only when there is any. */
export const helpedText = (tally: Tally): string => (tally.helped > 0 ? ` (${tally.helped} with all the hints)` : '');

/** "forward values 3/3 · local derivatives 1/2 (1 with all the hints)": the score by kind, in the order of KINDS. */
export function scoreByKind(score: Score): string {
  return KINDS.filter(([kind]) => score.byKind[kind])
    .map(([kind, one, many]) => {
      const tally = score.byKind[kind]!;
      return `${tally.asked === 1 ? one : many} ${tally.right}/${tally.asked}${helpedText(tally)}`;
    })
    .join(' · ');
}

/** The steps whose first answer was not right on the learner's own (wrong, or right only with every hint out), in order. */
export function missedSteps(lesson: Lesson, answers: Record<number, Answer>): number[] {
  return Object.entries(answers)
    .map(([step, answer]) => ({ step: Number(step), answer }))
    .filter(({ step, answer }) => {
      const question = questionAt(lesson, step);
      return question !== undefined && judge(question, answer.given, answer.hints).outcome !== 'right';
    })
    .map(({ step }) => step)
    .sort((a, b) => a - b);
}
