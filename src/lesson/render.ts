import { answerText, eachQuestion, TOLERANCE, type Given, type Question } from './quiz.js';
import type { Lesson, SlopeRun, WrongOrder } from './steps.js';
import type { Training } from './phases/train.js';
import { whichLoss } from './which-loss.js';

/** The whole lesson as plain text: what `show` prints and what a pipe gets instead of the tutor. */
export function lessonToText(lesson: Lesson, options: { quiz?: boolean } = {}): string {
  const { steps, scenario } = lesson;
  const out: string[] = [`${scenario.title}  (${scenario.id})`, ''];
  steps.forEach((step, i) => {
    out.push(`[${i + 1}/${steps.length}] ${step.title}`);
    const question = options.quiz ? eachQuestion(lesson, i) : undefined;
    if (question) out.push(...questionLines(question));
    out.push(`  ${step.text}`);
    for (const line of step.lines) out.push(`    ${line}`);
    out.push('');
  });
  return out.join('\n');
}

/** A question as the transcript asks it: before the step tells the answer. */
function questionLines(question: Question): string[] {
  return [
    `  Q (${question.kind}): ${question.prompt}${question.kind === 'nudge-direction' ? '' : ` A typed answer counts ${TOLERANCE}.`}`,
    ...question.choices.map((c, i) => `     ${i + 1}. ${answerText(c.value)}${c.right ? '  (right)' : `  — ${c.why}`}`),
    ...question.hints.map((hint) => `     hint: ${hint}`),
  ];
}

/** JSON cannot hold NaN or ±Infinity: they are written as the strings "NaN", "Infinity", "-Infinity". A constant's missing gradient is null. */
export function jsonNumber(x: number): number | string;
export function jsonNumber(x: number | undefined): number | string | null;
export function jsonNumber(x: number | undefined): number | string | null {
  if (x === undefined) return null;
  // Most values of a lesson are small integers, which need no rounding (toPrecision is a tenth of a large document's time).
  if (Number.isSafeInteger(x) && Math.abs(x) < 1e12) return x;
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  // Twelve significant digits strip float noise (2.9000000000000004 → 2.9)
  // and keep every digit a hand computation would give.
  return Number(x.toPrecision(12));
}

/**
 * An array the document holds by its length and a way to make each element:
 * `lessonJsonPieces` writes it element by element, so a graph of 100,000
 * nodes never holds its whole document (or its 100,000 step objects) at once.
 * JSON.stringify sees the whole array through toJSON.
 */
class Each<T> {
  constructor(
    readonly length: number,
    readonly at: (i: number) => T,
  ) {}
  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}

/** The document with its two long arrays (nodes, steps) left to be made as they are written. */
function lessonDocument(lesson: Lesson): Record<string, unknown> {
  const { scenario, trace, nudge } = lesson;
  const { graph, values, grads } = trace;
  // With examples, the nodes' and the check's gradients are of example 1's loss and the nudge's of the summed loss.
  const of = whichLoss(scenario);
  return {
    id: scenario.id,
    title: scenario.title,
    output: graph.output,
    ...(of ? { grads_of: of.first } : {}),
    nodes: new Each(graph.nodes.length, (i) => {
      const n = graph.nodes[i];
      return {
        name: n.name,
        op: n.op,
        inputs: n.inputs,
        value: jsonNumber(values[n.name]),
        grad: jsonNumber(grads[n.name]),
      };
    }),
    params: lesson.data.params,
    ...(lesson.examples ? { examples: lesson.examples.map((e) => ({ inputs: e.inputs, output: jsonNumber(e.output) })) } : {}),
    ...(lesson.training ? { train: trainingToJson(lesson.training) } : {}),
    ...(lesson.slope ? { slope: slopeToJson(lesson.slope) } : {}),
    ...(lesson.wrongOrder ? { wrong_order: wrongOrderToJson(lesson.wrongOrder) } : {}),
    ...(scenario.course ? { course: scenario.course } : {}),
    nudge: {
      ...(of ? { of: of.summed } : {}),
      rate: nudge.rate,
      before: jsonNumber(nudge.before),
      after: jsonNumber(nudge.after),
      inputs: Object.fromEntries(nudge.moves.map((m) => [m.input, jsonNumber(m.after)])),
      predicted: jsonNumber(nudge.predicted),
      actual: jsonNumber(nudge.actual),
    },
    check: {
      h: lesson.h,
      inputs: lesson.check.map((e) => ({
        input: e.input,
        exact: jsonNumber(e.exact),
        forward: jsonNumber(e.forwardDifference),
        central: jsonNumber(e.centralDifference),
      })),
    },
    steps: new Each(lesson.steps.length, (i) => {
      const s = lesson.steps[i];
      const question = eachQuestion(lesson, i);
      return {
        phase: s.phase,
        title: s.title,
        text: s.text,
        lines: s.lines,
        highlight: s.highlight,
        ...(question ? { question: questionToJson(question) } : {}),
      };
    }),
  };
}

/** The `--json` document (the README lists its fields). Fields may be added, never renamed. */
export function lessonToJson(lesson: Lesson): object {
  const doc = lessonDocument(lesson);
  return Object.fromEntries(Object.entries(doc).map(([key, v]) => [key, v instanceof Each ? v.toJSON() : v]));
}

/**
 * The document as `JSON.stringify(lessonToJson(lesson), null, 2)` writes it,
 * byte for byte, in pieces of about `size` characters: what `show --json`
 * writes to stdout one piece at a time.
 */
export function* lessonJsonPieces(lesson: Lesson, size = 1 << 14): Generator<string> {
  // One element per JSON.stringify and pieces of 16K characters: batches of a thousand steps made strings of megabytes
  // (V8 keeps those apart, as large objects), and cost a fifth more CPU and 300 MB more at 100,000 nodes.
  let buffer = '';
  for (const piece of pieces(lessonDocument(lesson), '')) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/**
 * JSON.stringify(value, null, 2) at an indent of `indent`, descending into
 * the document's own object and its Each arrays and leaving every other value
 * to JSON.stringify, whose lines are indented to match (a JSON string holds
 * no raw newline, so each "\n" is a line break).
 */
function* pieces(value: unknown, indent: string): Generator<string> {
  const inner = `${indent}  `;
  if (value instanceof Each) {
    if (value.length === 0) return yield '[]';
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield elements([value.at(i)], indent.length / 2 + 1);
      yield i + 1 < value.length ? ',\n' : '\n';
    }
    return yield `${indent}]`;
  }
  if (
    value &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.values(value).some((v) => v instanceof Each)
  ) {
    // What JSON.stringify leaves out of an object: undefined, functions, symbols.
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
    if (entries.length === 0) return yield '{}';
    yield '{\n';
    for (const [i, [key, v]] of entries.entries()) {
      yield `${inner}${JSON.stringify(key)}: `;
      yield* pieces(v, inner);
      yield i + 1 < entries.length ? ',\n' : '\n';
    }
    return yield `${indent}}`;
  }
  yield indented(JSON.stringify(value, null, 2), indent);
}

/**
 * The elements as JSON.stringify(…, null, 2) writes them inside an array at
 * `depth` (their lines indented by 2 × depth spaces), joined by ",\n":
 * stringified wrapped in depth arrays, whose brackets are then cut off, so
 * no line of the result is copied to re-indent it.
 */
function elements(batch: unknown[], depth: number): string {
  let wrapped: unknown = batch;
  let open = 0;
  let close = 0;
  for (let d = 0; d < depth; d++) {
    open += 2 * d + 2; // "[\n" after 2d spaces
    close += 2 * d + 2; // "\n" and 2d spaces before "]"
    if (d > 0) wrapped = [wrapped];
  }
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(open, text.length - close);
}

function indented(text: string, indent: string): string {
  return indent && text.includes('\n') ? text.replaceAll('\n', `\n${indent}`) : text;
}

/** A number as jsonNumber writes it; a direction as its word. */
const jsonAnswer = (x: Given) => (typeof x === 'number' ? jsonNumber(x) : x);

function questionToJson(q: Question): object {
  return {
    kind: q.kind,
    prompt: q.prompt,
    answer: jsonAnswer(q.answer),
    choices: q.choices.map((c) => ({ value: jsonAnswer(c.value), right: c.right, why: c.why })),
    // The known mistakes the choices do not show: a typed answer that matches one gets its reason too.
    other_mistakes: q.mistakes
      .filter((m) => !q.choices.some((c) => c.value === m.value))
      .map((c) => ({ value: jsonAnswer(c.value), why: c.why })),
    ...(q.kind === 'nudge-direction' ? {} : { tolerance: TOLERANCE }),
    hints: q.hints,
    ...(q.hintNode ? { hint_node: q.hintNode } : {}),
  };
}

function slopeToJson({ of, at, value, exact, rows }: SlopeRun): object {
  return {
    of,
    at,
    value: jsonNumber(value),
    exact: jsonNumber(exact),
    nudges: rows.map((r) => ({ h: r.h, value: jsonNumber(r.value), rise: jsonNumber(r.rise), ratio: jsonNumber(r.ratio) })),
  };
}

/** Numbers by name, each as jsonNumber writes it. */
function jsonNumbers(values: Record<string, number | undefined>): Record<string, number | string | null> {
  return Object.fromEntries(Object.entries(values).map(([name, x]) => [name, jsonNumber(x)]));
}

function wrongOrderToJson({ early, contributions, grads }: WrongOrder): object {
  return {
    early,
    order: contributions.map((c) => [c.node, c.operand]),
    grads: jsonNumbers(grads),
  };
}

function trainingToJson({ run, history }: Training): object {
  return {
    steps: run.steps,
    rate: run.rate,
    zero_grad: run.zeroGrad,
    history: history.map((p) => ({ output: jsonNumber(p.output), params: jsonNumbers(p.params), grads: jsonNumbers(p.grads) })),
  };
}
