import type { Contribution } from '../engine/index.js';
import { num, operandNum, partial } from './format.js';

/** One answer on offer: the right one, or a real mistake with the reason it is one. */
export interface Choice {
  value: number;
  right: boolean;
  /** Why this answer is wrong, said to the learner who picked it. Empty for the right one. */
  why: string;
}

export interface Question {
  prompt: string;
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
    { value: -right, right: false, why: `the sign is flipped: ${operandNum(c.upstream)} · ${operandNum(c.local)} is ${num(c.contribution)}${earlier}.` },
    { value: 0, right: false, why: `0 is where every gradient starts; this edge adds ${partial(out, c.node)} · ${partial(c.node, c.operand)} to it.` },
    { value: 2 * right, right: false, why: `that counts this path twice; each edge adds its local × upstream once.` },
    {
      value: plusAlready(c.local + c.upstream),
      right: false,
      why: `that adds the local derivative and the upstream gradient; the chain rule multiplies them.`,
    },
    // Last resorts, so there are always at least three different choices.
    { value: right + 1, right: false, why: `that is one too many: ${operandNum(c.upstream)} · ${operandNum(c.local)} is ${num(c.contribution)}${earlier}.` },
    { value: right - 1, right: false, why: `that is one too few: ${operandNum(c.upstream)} · ${operandNum(c.local)} is ${num(c.contribution)}${earlier}.` },
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
    prompt: `What is ${grad} once this edge has run?`,
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
