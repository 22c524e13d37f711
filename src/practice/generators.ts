/**
 * One generator per skill: a small graph drawn from the seed, as scenario
 * text, and the questions to ask on it once the engine has worked it out.
 * Numbers are small integers or one decimal; a draw that would make an
 * answer trivial or ambiguous (a zero gradient, an answer that is also an
 * input's value by accident, two equal choices) gives undefined, and the
 * caller draws again.
 */

import { backprop, nodeMap, withValues, type Contribution } from '../engine/index.js';
import {
  forwardQuestion,
  localQuestion,
  nudgeQuestion,
  num,
  operandNum,
  questionFor,
  upstreamQuestion,
  type Choice,
  type Lesson,
  type NumberQuestion,
} from '../lesson/index.js';
import type { Draw } from './random.js';
import { backwardOrderQuestion, nextBackwardQuestion, zeroGradQuestion, type PracticeQuestion } from './questions.js';

/** What the questions are asked from: the passes over the scenario (its first example row) and its nudge, as a lesson has them. */
export type Worked = Pick<Lesson, 'trace' | 'nudge'>;

/** A drawn problem: the scenario's lines after its title, and its questions once the engine has worked it out. */
export interface Drawn {
  lines: string[];
  ask(lesson: Worked, seed: number): PracticeQuestion[] | undefined;
  /** A round asks it as the ordering task (the learner builds the backward order), its questions left for --json and worksheets. */
  orderTask?: boolean;
}

export type Generator = (d: Draw) => Drawn | undefined;

/** ±1 … ±max, or from `least` up. */
const signed = (d: Draw, max: number, least = 1): number => d.pick([-1, 1]) * d.int(least, max);

/** `inputs:` and `nodes:` as a scenario writes them. */
function graphLines(inputs: Record<string, number>, nodes: Record<string, string>, output?: string): string[] {
  return [
    'inputs:',
    ...Object.entries(inputs).map(([name, value]) => `  ${name}: ${value}`),
    'nodes:',
    ...Object.entries(nodes).map(([name, expression]) => `  ${name}: ${expression}`),
    ...(output ? [`output: ${output}`] : []),
  ];
}

function edge(lesson: Worked, node: string, operand: string, path = 1): Contribution {
  const found = lesson.trace.contributions.find((c) => c.node === node && c.operand === operand && c.path === path);
  if (!found) throw new Error(`no edge ${node} → ${operand} (path ${path})`);
  return found;
}

/** The edge a backward question is about, named in its prompt: in practice no step on screen says which. */
function onEdge(question: NumberQuestion, c: Contribution): NumberQuestion {
  return { ...question, prompt: `Backward, the edge ${c.node} → ${c.operand}. ${question.prompt}` };
}

const forward = (lesson: Worked, name: string, seed: number) => forwardQuestion(nodeMap(lesson.trace.graph).get(name)!, lesson.trace, seed);
const local = (lesson: Worked, node: string, operand: string, seed: number) =>
  localQuestion(edge(lesson, node, operand), lesson.trace, seed);
const result = (lesson: Worked, node: string, operand: string, seed: number, path = 1) => {
  const c = edge(lesson, node, operand, path);
  return onEdge(questionFor(c, lesson.trace.graph.output, seed, lesson.trace), c);
};
const upstream = (lesson: Worked, node: string, operand: string, seed: number) => {
  const c = edge(lesson, node, operand);
  return onEdge(upstreamQuestion(c, lesson.trace, seed), c);
};

/** A value the learner cannot work out by hand (tanh, exp), given in the prompt. */
function given(question: NumberQuestion, lesson: Worked, name: string, expression: string): NumberQuestion {
  return { ...question, prompt: `${name} = ${expression} = ${num(lesson.trace.values[name])}. ${question.prompt}` };
}

/** One more known mistake among the choices, in place of the last wrong one, when it shows as a number of its own. */
function withMistake(question: NumberQuestion, mistake: Choice): NumberQuestion {
  if (question.choices.some((c) => num(c.value) === num(mistake.value))) return question;
  const wrong = question.choices.map((c, k) => (c.right ? -1 : k)).filter((k) => k >= 0);
  const dropped = question.choices.length >= 4 ? wrong[wrong.length - 1] : -1;
  const kept = question.choices.filter((_, k) => k !== dropped);
  return { ...question, choices: [...kept, mistake], mistakes: [mistake, ...question.mistakes] };
}

const distinctAbs = (...xs: number[]) => new Set(xs.map(Math.abs)).size === xs.length;

export const GENERATORS: Record<string, Generator> = {
  'sum-rule': (d) => {
    const [a, b, k] = [signed(d, 6, 2), signed(d, 6, 2), signed(d, 5, 2)];
    const op = d.pick(['+', '-']);
    const c = op === '+' ? a + b : a - b;
    if (c === 0 || !distinctAbs(a, b, k) || [a, b, k].includes(c) || Math.abs(c) === Math.abs(k)) return undefined;
    return {
      lines: graphLines({ a, b, d: k }, { c: `a ${op} b`, z: 'c * d' }),
      ask: (lesson, seed) => [forward(lesson, 'c', seed), local(lesson, 'c', 'b', seed), result(lesson, 'c', 'a', seed)],
    };
  },
  'product-rule': (d) => {
    const [a, b, k] = [signed(d, 6, 2), signed(d, 6, 2), signed(d, 9)];
    if (!distinctAbs(a, b) || [a, b, a * b].includes(k)) return undefined;
    return {
      lines: graphLines({ a, b, d: k }, { c: 'a * b', z: 'c + d' }),
      ask: (lesson, seed) => [forward(lesson, 'c', seed), local(lesson, 'c', 'a', seed), result(lesson, 'c', 'b', seed)],
    };
  },
  chain: (d) => {
    const [a, b, k, f] = [signed(d, 4), signed(d, 3, 2), signed(d, 3, 2), signed(d, 3, 2)];
    // ∂z/∂c = d·f must not be any input's value, nor c's, so it cannot be guessed from the drawing.
    if ([a, b, k, f, a * b].map(Math.abs).includes(Math.abs(k * f))) return undefined;
    return {
      lines: graphLines({ a, b, d: k, f }, { c: 'a * b', e: 'c * d', z: 'e * f' }),
      ask: (lesson, seed) => [forward(lesson, 'e', seed), upstream(lesson, 'c', 'a', seed), result(lesson, 'c', 'a', seed)],
    };
  },
  'two-paths': (d) => {
    const [a, b, k] = [signed(d, 4, 2), signed(d, 4), signed(d, 4)];
    const total = a * (2 * b + k);
    if (b + k === 0 || total === 0 || k === 0 || [a, b, k].includes(b + k) || [a, b, k].includes(total)) return undefined;
    return {
      lines: graphLines({ a, b, d: k }, { c: 'a * b', e: 'b + d', z: 'c * e' }),
      ask: (lesson, seed) => [forward(lesson, 'e', seed), result(lesson, 'c', 'b', seed, 2)],
    };
  },
  'constants-powers': (d) => {
    const n = d.pick([2, 3, 4]);
    const k = d.pick([2, 3, 4, 5, 0.5, 1.5, 2.5].filter((x) => x !== n));
    // Bases whose powers stay short: 2.5² = 6.25, 1.5⁴ = 5.0625.
    const a = d.pick([-1, 1]) * d.pick(n === 2 ? [2, 3, 4, 5, 0.5, 1.5, 2.5] : n === 3 ? [2, 3, 0.5, 1.5] : [2, 0.5, 1.5]);
    const [c, slope] = [a ** n, n * a ** (n - 1)];
    // At a = n the slope n·a^(n-1) is a^n, c's own value; and no answer may be a constant of the graph.
    if (a === n || [c, slope, k * slope].some((x) => x === k || x === n)) return undefined;
    return {
      lines: graphLines({ a }, { c: `a ^ ${n}`, z: `${k} * c` }),
      ask: (lesson, seed) => [forward(lesson, 'c', seed), local(lesson, 'c', 'a', seed), result(lesson, 'c', 'a', seed)],
    };
  },
  tanh: (d) => {
    const n = d.pick([-1.5, -1, -0.5, 0.5, 1, 1.5]);
    const a = signed(d, 2) + d.pick([0, 0.5]);
    const b = Math.round((n - a) * 10) / 10;
    const k = signed(d, 4, 2);
    if (b === 0) return undefined;
    return {
      lines: graphLines({ a, b, c: k }, { n: 'a + b', t: 'tanh(n)', L: 'c * t' }, 'L'),
      ask: (lesson, seed) => {
        const t = lesson.trace.values.t;
        const slope = local(lesson, 't', 'n', seed);
        // The misconception the self-test names: the slope from the input n instead of the output t.
        const fromInput = withMistake(slope, {
          value: 1 - n * n,
          right: false,
          why: `that is 1 - n² with the input n = ${num(n)}; tanh's slope reads its output: 1 - t² = 1 - ${operandNum(t)}².`,
        });
        return [given(fromInput, lesson, 't', 'tanh(n)'), given(result(lesson, 't', 'n', seed), lesson, 't', 'tanh(n)')];
      },
    };
  },
  exp: (d) => {
    // One decimal up to 2: exp(a) is given in the question, so any such a reads as well as another.
    const a = signed(d, 20) / 10;
    const k = signed(d, 5, 2);
    return {
      lines: graphLines({ a, c: k }, { e: 'exp(a)', z: 'c * e' }),
      ask: (lesson, seed) => [
        given(local(lesson, 'e', 'a', seed), lesson, 'e', 'exp(a)'),
        given(result(lesson, 'e', 'a', seed), lesson, 'e', 'exp(a)'),
      ],
    };
  },
  division: (d) => {
    const [a, b, k] = [signed(d, 6), d.pick([-5, -4, -2, 2, 4, 5]), signed(d, 3, 2)];
    const answers = [a / b, -a / (b * b), k / b];
    if (!distinctAbs(a, b) || Math.abs(k) === Math.abs(b) || answers.some((x) => [a, b, k].includes(x))) return undefined;
    return {
      lines: graphLines({ a, b, c: k }, { q: 'a / b', z: 'c * q' }),
      ask: (lesson, seed) => [forward(lesson, 'q', seed), local(lesson, 'q', 'b', seed), result(lesson, 'q', 'a', seed)],
    };
  },
  'nudge-direction': (d) => {
    const [a, b, k] = [signed(d, 5), signed(d, 5), signed(d, 5)];
    const rate = d.pick([-0.1, -0.01, 0.01, 0.1]);
    return {
      lines: [...graphLines({ a, b, d: k }, { c: 'a * b', z: 'c + d' }), `nudge: ${rate}`],
      ask: (lesson) => {
        const question = nudgeQuestion(lesson.nudge, lesson.trace.graph.output);
        // Only where the first-order prediction and the real move agree: a learner reasons to first order.
        return question && Math.sign(lesson.nudge.predicted) === Math.sign(lesson.nudge.actual) ? [question] : undefined;
      },
    };
  },
  'backward-order': (d) => {
    const long = d.pick([false, true]);
    const op = () => d.pick(['+', '*']);
    const chain = long ? ['c', 'e', 'f'] : ['c', 'e'];
    const leaves = long ? ['a', 'b', 'd', 'g'] : ['a', 'b', 'd'];
    const inputs = Object.fromEntries(leaves.map((name) => [name, signed(d, 4)]));
    const nodes: Record<string, string> = { c: `a ${op()} b` };
    for (let i = 1; i < chain.length; i++) nodes[chain[i]] = `${chain[i - 1]} ${op()} ${leaves[i + 1]}`;
    // The output uses c as well: c is reached along two paths, the node people run too early.
    nodes.z = `${chain[chain.length - 1]} ${op()} c`;
    const order = ['z', ...[...chain].reverse()];
    const after = d.int(0, order.length - 2);
    return {
      lines: graphLines(inputs, nodes),
      ask: () => [nextBackwardQuestion(order, after, 'c', d.pick(leaves)), backwardOrderQuestion(order, 'c')],
      orderTask: true,
    };
  },
  'zero-grad': (d) => {
    const [w, b] = [signed(d, 3), signed(d, 3)];
    const xs = [signed(d, 3), signed(d, 3)];
    return {
      lines: [
        ...graphLines({ w, x: xs[0], b }, { o: 'w * x + b', L: 'o * o' }, 'L'),
        'params: [w, b]',
        'examples:',
        ...xs.map((x) => `  - {x: ${x}}`),
      ],
      ask: (lesson, seed) => {
        const grads = xs.map((x) => backprop(withValues(lesson.trace.graph, { x })).grads.w ?? NaN);
        const [g1, g2] = grads;
        const inputs = [w, b, ...xs];
        if (g1 === 0 || g2 === 0 || g1 === g2 || g1 + g2 === 0 || g1 === 2 * g2 || g2 === 2 * g1) return undefined;
        if (inputs.includes(g2) || inputs.includes(g1 + g2)) return undefined;
        const passes = {
          param: 'w',
          output: 'L',
          rows: [`x = ${xs[0]}`, `x = ${xs[1]}`] as [string, string],
          grads: [g1, g2] as [number, number],
        };
        return [zeroGradQuestion(passes, false, seed), zeroGradQuestion(passes, true, seed)];
      },
    };
  },
};
