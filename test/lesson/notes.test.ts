/**
 * A note shown at a forward step must not answer a question a later step asks
 * (in predict mode, or as a question missed last time): no number in it, and
 * no expression of the lesson's names, worked out here from the lesson's own
 * values, equals a later answer as the lesson writes it; nor does it spell a
 * later local derivative's rule where that rule is more than a name.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/catalog.js';
import {
  buildLesson,
  localQuestion,
  num,
  questionAt,
  questionFor,
  upstreamQuestion,
  type Lesson,
  type Question,
} from '../../src/lesson/index.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { nodeMap } from '../../src/engine/index.js';

const OPERAND = String.raw`(?:\d+(?:\.\d+)?|[A-Za-z_]\w*|\([^()]*\))²?`;
/** Two operands or more joined by operators, as a note writes them: `d · b`, `1 - o²`, `2·(o - y)`. */
const EXPRESSION = new RegExp(String.raw`${OPERAND}(?:\s*[·*+\-−/^]\s*${OPERAND})+`, 'g');
/** A number standing on its own: not part of a name (x1), nor an expression's operand. */
const NUMBER = /(?<![\w.])(?<![·*+\-−/^]\s?)-?\d+(?:\.\d+)?(?![\w²]|\s?[·*+\-−/^])/g;

/** The value of an expression over the lesson's names, or undefined where a word is no name of the lesson. */
function evaluate(text: string, values: Record<string, number>): number | undefined {
  const tokens = text.match(/\d+(?:\.\d+)?|[A-Za-z_]\w*|[·*+\-−/^()²]/g) ?? [];
  let at = 0;
  const operand = (): number | undefined => {
    const token = tokens[at++];
    let value: number | undefined;
    if (token === '(') {
      value = sum();
      if (tokens[at++] !== ')') return undefined;
    } else if (token !== undefined && /^\d/.test(token)) value = Number(token);
    else if (token !== undefined && token in values) value = values[token];
    else return undefined;
    if (tokens[at] === '²') return (at++, value === undefined ? undefined : value * value);
    if (tokens[at] === '^') {
      at++;
      const power = operand();
      return value === undefined || power === undefined ? undefined : value ** power;
    }
    return value;
  };
  const product = (): number | undefined => {
    let value = operand();
    while (value !== undefined && ['·', '*', '/'].includes(tokens[at])) {
      const op = tokens[at++];
      const right = operand();
      value = right === undefined ? undefined : op === '/' ? value / right : value * right;
    }
    return value;
  };
  const sum = (): number | undefined => {
    let value = product();
    while (value !== undefined && ['+', '-', '−'].includes(tokens[at])) {
      const op = tokens[at++];
      const right = product();
      value = right === undefined ? undefined : op === '+' ? value + right : value - right;
    }
    return value;
  };
  const value = sum();
  return at === tokens.length ? value : undefined;
}

/**
 * What a later step asks: its question, and on a backward edge every part of the chain rule it could ask in
 * predict mode (the lesson asks one of them, in turn; the step itself shows all three).
 */
function askedAt(lesson: Lesson, step: number): Question[] {
  const c = lesson.steps[step].contribution;
  const here = questionAt(lesson, step);
  const parts =
    c && Number.isFinite(c.local) && Number.isFinite(c.upstream)
      ? [
          localQuestion(c, lesson.trace, 0),
          questionFor(c, lesson.trace.graph.output, 0, lesson.trace),
          upstreamQuestion(c, lesson.trace, 0),
        ]
      : [];
  return [...(here ? [here] : []), ...parts];
}

const squeeze = (text: string) => text.replace(/\s+/g, '').replace(/\*/g, '·');

/** What a note shown at a forward step gives away of the questions after it: one sentence each. */
function giveaways(lesson: Lesson): string[] {
  const nodes = nodeMap(lesson.scenario.graph);
  const values = lesson.trace.values;
  const found: string[] = [];
  // The values on the screen so far: the inputs, and each node the forward pass has reached.
  const shown = new Set(lesson.scenario.graph.nodes.filter((n) => n.inputs.length === 0).map((n) => num(values[n.name])));
  lesson.steps.forEach((step, i) => {
    if (step.phase !== 'forward') return;
    const name = step.highlight.current!;
    shown.add(num(values[name]));
    const note = nodes.get(name)?.note;
    if (!note || !step.lines.includes(note)) return;
    const stated = [
      ...[...note.matchAll(NUMBER)].map((m) => ({ text: m[0], value: Number(m[0]) })),
      ...[...note.matchAll(EXPRESSION)].map((m) => ({ text: m[0], value: evaluate(m[0], values) })),
    ].filter((s): s is { text: string; value: number } => s.value !== undefined && !shown.has(num(s.value)));
    for (let later = i + 1; later < lesson.steps.length; later++) {
      for (const question of askedAt(lesson, later)) {
        if (typeof question.answer !== 'number') continue;
        const answer = num(question.answer);
        // An expression the question itself writes (What is e-1 = e - 1?) tells nothing the question does not.
        for (const s of stated)
          if (num(s.value) === answer && !squeeze(question.prompt).includes(squeeze(s.text)))
            found.push(`step ${i + 1}'s note says ${s.text} = ${answer}, the answer to "${question.prompt}"`);
        // The rule in symbols, where it is more than one name (for a product that is the other factor, stated by name).
        const rule = question.kind === 'local-derivative' ? /= ([^=]*)\.$/.exec(question.hints[0])?.[1] : undefined;
        if (rule && !/^\w+$/.test(rule) && squeeze(note).includes(squeeze(rule)))
          found.push(`step ${i + 1}'s note spells the rule ${rule}, asked by "${question.prompt}"`);
      }
    }
  });
  return [...new Set(found)];
}

describe('notes at forward steps', () => {
  for (const entry of bundledScenarios())
    it(`${entry.id}: give away no later answer`, () => {
      expect(giveaways(buildLesson(loadScenarioFile(entry.file)))).toEqual([]);
    });

  it('the check finds a note that does, by number, by expression and by rule', () => {
    /** The bundled lesson `id` with `text` as the note of `node`. */
    const note = (id: string, node: string, text: string): Lesson => {
      const { graph, ...rest } = loadScenarioFile(bundledScenarios().find((e) => e.id === id)!.file);
      return buildLesson({ ...rest, graph: { ...graph, nodes: graph.nodes.map((n) => (n.name === node ? { ...n, note: text } : n)) } });
    };
    // (a · b) · d with a = 3, b = -5, d = 2: ∂z/∂a = d · b = -10, ∂z/∂b = d · a = 6, ∂z/∂d = c = -15.
    expect(giveaways(note('mul-mul', 'c', 'the product passes d · b to a.'))).toContainEqual(expect.stringContaining('d · b = -10'));
    expect(giveaways(note('mul-mul', 'c', 'a will get -10 back.'))).toContainEqual(expect.stringContaining('-10 = -10'));
    // c's own value, -15, is on the screen at its step: that it is also ∂z/∂d gives nothing away.
    expect(giveaways(note('mul-mul', 'c', 'c is -15.'))).toEqual([]);
    expect(giveaways(note('mul-mul', 'c', 'c is an intermediate node: z reads a and b only through it.'))).toEqual([]);
    // The neuron: o = tanh(n) ≈ 0.7071, so ∂o/∂n = 1 - o² = 0.5.
    const tanh = giveaways(note('neuron', 'o', 'Its slope will be 1 - o².'));
    expect(tanh).toContainEqual(expect.stringContaining('spells the rule 1 - o²'));
    expect(tanh).toContainEqual(expect.stringContaining('1 - o² = 0.5'));
  });
});
