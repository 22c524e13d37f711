/**
 * The question kinds practice asks beyond the course's: the order the
 * _backward calls run in (the answer is a node's name, or an order of names)
 * and what a gradient holds after a second backward pass, with or without
 * zero_grad. The course's own builders (lesson/quiz.ts) give the rest.
 */

import {
  judge,
  num,
  offer,
  type Asked,
  type Judged,
  type Choice,
  type Given,
  type NumberQuestion,
  type Question,
} from '../lesson/index.js';
import type { Draw } from './random.js';

/** A question whose answer is a name: which node's _backward runs next, or in which order they run. */
export type OrderQuestion = Asked<'backward-order', string>;

export type PracticeQuestion = Question | OrderQuestion;

/**
 * Right or not, and helped (right only with every hint out): a name or an order is one of the choices; every
 * other kind as the lessons judge it, by the lessons' rule for hints.
 */
export function judgeAnswer(question: PracticeQuestion, given: Given | string, hintsUsed = 0): Judged {
  if (question.kind !== 'backward-order') return judge(question, given as Given, hintsUsed);
  const choice = question.choices.find((c) => c.value === given);
  const right = choice?.right === true;
  const outcome = !right ? 'wrong' : hintsUsed >= question.hints.length ? 'helped' : 'right';
  return { right, outcome, ...(choice?.why ? { why: choice.why } : {}) };
}

/** The choices in an order drawn from the seed: a re-asked item never keeps its right answer in the same place by habit. */
export function shuffled<Q extends PracticeQuestion>(question: Q, d: Draw): Q {
  return { ...question, choices: d.shuffle(question.choices as Choice<Given | string>[]) } as Q;
}

/** Distinct choices, the right one first, at most four. */
function distinct(candidates: Choice<string>[]): Choice<string>[] {
  const seen = new Set<string>();
  return candidates.filter((c) => !seen.has(c.value) && seen.add(c.value)).slice(0, 4);
}

/**
 * "X's _backward has just run: whose runs next?" `order` is the order the
 * backward pass runs the operations in (the output first); `shared` is the
 * node reached along two paths, the one people run too early.
 */
export function nextBackwardQuestion(order: string[], after: number, shared: string, leaf: string): OrderQuestion {
  const done = order[after];
  const next = order[after + 1];
  const ran = order.slice(0, after + 1).join(', ');
  const choices = distinct([
    { value: next, right: true, why: '' },
    {
      value: shared,
      right: false,
      why: `${shared} is used by more than one node, so its gradient is complete only once all of them have run their _backward; ${next} comes first.`,
    },
    { value: done, right: false, why: `${done}'s _backward has just run, and each node's runs once per backward pass.` },
    {
      value: leaf,
      right: false,
      why: `${leaf} is an input: it has no _backward of its own, it only receives gradient from the nodes that use it.`,
    },
    ...order
      .slice(0, after)
      .map((name) => ({ value: name, right: false, why: `${name}'s _backward has run already: the order so far is ${ran}.` })),
  ]);
  return {
    kind: 'backward-order',
    prompt: `The backward pass has run ${ran}. Which node's _backward runs next?`,
    answer: next,
    choices,
    mistakes: choices.filter((c) => !c.right),
    hints: [
      "Rule: a node's _backward runs only once every node that uses it has run its own (reverse topological order).",
      `${shared} is used by two nodes (it is highlighted): its _backward waits for both of theirs.`,
      `The order: ${order.join(', ')}.`,
    ],
    hintNode: shared,
  };
}

/** "In which order do the _backward calls run?": the right order against the forward order and two orders that run a node too early. */
export function backwardOrderQuestion(order: string[], shared: string): OrderQuestion {
  const say = (names: string[]) => names.join(', ');
  const early = [order[0], shared, ...order.slice(1).filter((n) => n !== shared)];
  const swapped = [order[1], order[0], ...order.slice(2)];
  const choices = distinct([
    { value: say(order), right: true, why: '' },
    {
      value: say([...order].reverse()),
      right: false,
      why: 'that is the forward order; the backward pass runs it in reverse, from the output back.',
    },
    {
      value: say(early),
      right: false,
      why: `that runs ${shared}'s _backward before every node that uses ${shared} has added its part to ${shared}'s gradient.`,
    },
    {
      value: say(swapped),
      right: false,
      why: `${order[1]}'s gradient comes from ${order[0]}: ${order[0]}'s _backward must run first.`,
    },
  ]);
  return {
    kind: 'backward-order',
    prompt: 'In which order do the _backward calls run?',
    answer: say(order),
    choices,
    mistakes: choices.filter((c) => !c.right),
    hints: [
      "Rule: a node's _backward runs only once every node that uses it has run its own (reverse topological order).",
      `The output ${order[0]} goes first; ${shared} is used by two nodes (it is highlighted) and waits for both.`,
      `The order: ${say(order)}.`,
    ],
    hintNode: shared,
  };
}

/** The gradients of one param in two backward passes, one per example row. */
export interface TwoPasses {
  param: string;
  output: string;
  /** How the rows differ, as the prompt says it: `x = 2`. */
  rows: [string, string];
  grads: [number, number];
}

/**
 * "What is w.grad after the second backward pass?", without zero_grad
 * between the passes (they add up) or with it (only the second is left).
 */
export function zeroGradQuestion(
  { param, output, rows, grads: [first, second] }: TwoPasses,
  zeroed: boolean,
  seed: number,
): NumberQuestion {
  const right = zeroed ? second : first + second;
  const grad = `${param}.grad`;
  const candidates: Choice[] = [
    { value: right, right: true, why: '' },
    zeroed
      ? {
          value: first + second,
          right: false,
          why: `that is both passes added up, what is left without zero_grad; zero_grad set ${grad} to 0 before the second.`,
        }
      : {
          value: second,
          right: false,
          why: `that is the second pass alone, as if zero_grad had run; without it, backward adds (+=) to the ${num(first)} the first pass left.`,
        },
    {
      value: first,
      right: false,
      why: `that is the first pass's; the second pass's ${num(second)} ${zeroed ? 'replaces it after zero_grad' : 'is added to it'}.`,
    },
    { value: 2 * second, right: false, why: `that counts the second pass twice; the first pass gave ${num(first)}, not ${num(second)}.` },
    { value: 0, right: false, why: `zero_grad sets ${grad} to 0 before a backward pass, not after it: the pass then adds its gradient.` },
    { value: second - first, right: false, why: 'the passes add: backward never subtracts what was there.' },
  ];
  const { choices, mistakes } = offer(candidates, seed);
  return {
    kind: 'zero-grad',
    prompt: `A backward pass of ${output} runs with ${rows[0]}, then a second with ${rows[1]}, ${zeroed ? `with zero_grad between them` : 'and no zero_grad between them'}. What is ${grad} after the second?`,
    answer: right,
    choices,
    mistakes,
    hints: [
      zeroed
        ? `Rule: zero_grad sets every .grad to 0, so after it the second pass's gradient is all there is.`
        : `Rule: backward adds (+=) each gradient to what .grad holds; without zero_grad the first pass's is still there.`,
      `It uses ${param}'s gradient in each pass: ∂${output}/∂${param} with ${rows[0]}, and with ${rows[1]}.`,
      `Numbers: first pass ${num(first)}, second pass ${num(second)}.`,
    ],
    hintNode: param,
  };
}
