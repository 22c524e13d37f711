import { buildGraph, type InputDef, type NodeDef } from './build-graph.js';
import { ExprSyntaxError, parseExpression, preorder } from './expression.js';
import { nameProblem } from './names.js';
import { ScenarioError, type Scenario } from './types.js';

/**
 * Where a typed graph came from decides how its mistakes are told: as the
 * command-line options, or as the tutor's two prompts.
 */
export type TypedIn = 'options' | 'prompt';

/** What a graph typed at the tutor's prompt is called in its messages (the learner typed no --expr there). */
export const PROMPT_GRAPH = 'your graph';

const WORDS = {
  options: {
    expr: '--expr',
    values: '--set',
    at: (what: string, col: number) => `${what}:1:${col}`,
    set: (s: string) => `--set ${s}`,
    drop: (n: string) => `drop --set ${n}=…`,
  },
  prompt: {
    expr: PROMPT_GRAPH,
    values: 'your values',
    // The values are one line of name=number pairs: the sentence names the pair, not a column.
    at: (what: string, col: number) => (what === PROMPT_GRAPH ? `${what}, column ${col}` : what),
    set: (s: string) => s,
    drop: (n: string) => `drop ${n}=…`,
  },
};

type Words = (typeof WORDS)[TypedIn];

/** A mistake in the expression (at its column) or in the values, told in the words of where it was typed. */
function mistake(words: Words, what: string, col: number, problem: string, fix: string): ScenarioError {
  return new ScenarioError(what, 1, col, problem, fix, words.at(what, col));
}

/**
 * A graph the learner types instead of writing a file:
 * `z = (a + b) * b` with values `a=3`, `b=-5`. Mistakes point at the column
 * of the expression (or name the --set) and say how to fix them.
 */
export function scenarioFromTyped(typed: string, sets: string[], typedIn: TypedIn = 'options', nudge = 0.01): Scenario {
  const words = WORDS[typedIn];
  const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/.exec(typed);
  const name = match ? match[1] : 'z';
  const start = match ? match[0].length : 0;
  const source = typed.slice(start);
  const fail = (offset: number, problem: string, fix: string): never => {
    throw mistake(words, words.expr, start + offset + 1, problem, fix);
  };
  if (source.trim() === '') fail(0, 'the expression is empty', 'type one, e.g. z = (a + b) * b');
  const nameTrouble = nameProblem(name);
  if (nameTrouble) fail(0, nameTrouble.problem, nameTrouble.fix);

  let expr;
  try {
    expr = parseExpression(source);
  } catch (error) {
    if (error instanceof ExprSyntaxError) return fail(error.offset, error.problem, error.fix);
    throw error;
  }
  if (expr.kind === 'name' || expr.kind === 'number') {
    fail(0, `\`${source.trim()}\` is not an operation`, 'combine names with + - * / ^ or a function, e.g. "z = a * b"');
  }

  const values = parseSets(sets, words);
  // The inputs are the names the expression uses, in the order it first uses them.
  const inputs: InputDef[] = [];
  for (const e of preorder(expr)) {
    if (e.kind !== 'name' || inputs.some((i) => i.name === e.name)) continue;
    if (e.name === name) fail(e.offset, `\`${name}\` is used in its own definition`, 'use another name for the result');
    const reserved = nameProblem(e.name);
    if (reserved) fail(e.offset, reserved.problem, reserved.fix);
    const value = values.get(e.name);
    if (value === undefined) {
      const problem = `\`${e.name}\` has no value`;
      const fix = `add ${words.set(`${e.name}=<number>`)}, e.g. ${words.set(`${e.name}=2`)}`;
      // On the command line, point at the name in --expr; at the prompt, the values are what to fix.
      if (typedIn === 'prompt') throw mistake(words, words.values, 1, problem, fix);
      fail(e.offset, problem, fix);
    }
    inputs.push({ name: e.name, value: value! });
  }
  for (const given of values.keys()) {
    if (!inputs.some((i) => i.name === given)) {
      throw mistake(
        words,
        words.values,
        1,
        `\`${given}\` is not used in the expression`,
        `${words.drop(given)}, or use ${given} in the expression`,
      );
    }
  }
  const def: NodeDef = { name, expr };
  const graph = buildGraph(inputs, [def], (_def, at, problem, fix) => fail(at === 'key' ? 0 : at, problem, fix));
  return {
    id: 'typed',
    title: `${name} = ${source.trim()}`,
    file: words.expr,
    graph,
    nudge,
    expressions: { [name]: source.trim() },
    params: [...graph.inputs],
  };
}

function parseSets(sets: string[], words: Words): Map<string, number> {
  const values = new Map<string, number>();
  for (const set of sets) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\S+)\s*$/.exec(set);
    if (!m) throw mistake(words, words.values, 1, `\`${set}\` is not name=number`, `write it like ${words.set('a=3')}`);
    const value = Number(m[2]);
    if (!Number.isFinite(value))
      throw mistake(
        words,
        words.values,
        1,
        `\`${m[2]}\` is not a finite number`,
        `give ${m[1]} an ordinary number, e.g. ${words.set(`${m[1]}=0.5`)}`,
      );
    if (values.has(m[1])) throw mistake(words, words.values, 1, `\`${m[1]}\` is given twice`, 'keep one value for it');
    values.set(m[1], value);
  }
  return values;
}
