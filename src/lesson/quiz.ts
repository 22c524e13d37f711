import type { Contribution } from '../engine/index.js';
import { num, operandNum, partial } from './format.js';
import type { Lesson } from './steps.js';

/** One answer on offer: the right one, or a real mistake with the reason it is one. */
export interface Choice {
  value: number;
  right: boolean;
  /** Why this answer is wrong, said to the learner who picked it. Empty for the right one. */
  why: string;
}

/**
 * The kinds of question the lesson asks. Only a backward edge's result is
 * asked so far; the course adds forward values, local derivatives, upstream
 * gradients, running sums and the nudge's direction as further kinds.
 */
export type QuestionKind = 'edge-result';

export interface Question {
  kind: QuestionKind;
  prompt: string;
  /** The right value, also marked among the choices. */
  answer: number;
  choices: Choice[];
  /** The rule first, then the numbers: what the hint key reveals, one at a time. */
  hints: [string, string];
}

/**
 * The question for one backward edge: what is the operand's gradient once
 * this edge has run? The wrong answers are the mistakes people make — the
 * overwrite bug (only this path), upstream without local, local without
 * upstream, the sign flipped — with duplicates and copies of the right value
 * removed, so every choice on screen means something different.
 */
export function questionFor(c: Contribution, out: string, seed: number): Question {
  const grad = partial(out, c.operand);
  const right = c.sumAfter;
  const already = c.sumBefore;
  const plusAlready = (x: number) => (c.path > 1 ? already + x : x);
  const earlier = c.path > 1 ? ` (plus the ${num(already)} ${c.operand} already has)` : '';
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
    {
      value: -right,
      right: false,
      why: `the sign is flipped: ${operandNum(c.upstream)} · ${operandNum(c.local)} is ${num(c.contribution)}${earlier}.`,
    },
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
    // Last resorts, so there are always at least three different choices.
    {
      value: right + 1,
      right: false,
      why: `that is one too many: ${operandNum(c.upstream)} · ${operandNum(c.local)} is ${num(c.contribution)}${earlier}.`,
    },
    {
      value: right - 1,
      right: false,
      why: `that is one too few: ${operandNum(c.upstream)} · ${operandNum(c.local)} is ${num(c.contribution)}${earlier}.`,
    },
  ];
  const seen = new Set<string>();
  const choices = candidates.filter((choice) => {
    const shown = num(choice.value);
    if (seen.has(shown)) return false;
    seen.add(shown);
    return true;
  });
  const picked = choices.slice(0, 4);
  // Rotate so the right answer is not always first, the same way every time.
  const shift = seed % picked.length;
  return {
    kind: 'edge-result',
    prompt: `What is ${grad} once this edge has run?`,
    answer: right,
    choices: [...picked.slice(shift), ...picked.slice(0, shift)],
    hints: [
      `Rule: ${grad} ${c.path > 1 ? '+=' : '='} ${partial(out, c.node)} · ${partial(c.node, c.operand)} — upstream times local.`,
      `Numbers: ${operandNum(c.upstream)} · ${operandNum(c.local)}${earlier}.`,
    ],
  };
}

/** The sentence that judges a pick, in words and never by colour alone. */
export function verdict(question: Question, picked: number): string {
  const choice = question.choices[picked];
  const right = question.choices.find((c) => c.right)!;
  return choice.right ? `Correct: ${num(right.value)}.` : `Not quite: ${choice.why} The answer is ${num(right.value)}.`;
}

const asked = new WeakMap<Lesson, (Question | undefined)[]>();

/** The question of each step (backward edges have one), made once per lesson. */
export function questionsOf(lesson: Lesson): (Question | undefined)[] {
  let questions = asked.get(lesson);
  if (!questions) {
    const out = lesson.scenario.graph.output;
    questions = lesson.steps.map((step, i) => (step.contribution ? questionFor(step.contribution, out, i) : undefined));
    asked.set(lesson, questions);
  }
  return questions;
}

export function questionAt(lesson: Lesson, step: number): Question | undefined {
  return questionsOf(lesson)[step];
}

/** Picks by step number → how many were right, out of how many given. */
export function scoreOf(lesson: Lesson, picks: Record<number, number>): { right: number; asked: number } {
  const given = Object.entries(picks);
  const right = given.filter(([step, pick]) => questionAt(lesson, Number(step))?.choices[pick]?.right).length;
  return { right, asked: given.length };
}
