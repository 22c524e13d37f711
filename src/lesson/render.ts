import { num } from './format.js';
import { questionAt, type Question } from './quiz.js';
import type { Lesson } from './steps.js';
import type { Training } from './train.js';

/** The whole lesson as plain text: what `show` prints and what a pipe gets instead of the tutor. */
export function lessonToText(lesson: Lesson, options: { quiz?: boolean } = {}): string {
  const { steps, scenario } = lesson;
  const out: string[] = [`${scenario.title}  (${scenario.id})`, ''];
  steps.forEach((step, i) => {
    out.push(`[${i + 1}/${steps.length}] ${step.title}`);
    const question = options.quiz ? questionAt(lesson, i) : undefined;
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
    `  Q: ${question.prompt}`,
    ...question.choices.map((c, i) => `     ${i + 1}. ${num(c.value)}${c.right ? '  (right)' : `  — ${c.why}`}`),
    ...question.hints.map((hint) => `     hint: ${hint}`),
  ];
}

/** JSON cannot hold NaN or ±Infinity: they are written as the strings "NaN", "Infinity", "-Infinity". A constant's missing gradient is null. */
export function jsonNumber(x: number): number | string;
export function jsonNumber(x: number | undefined): number | string | null;
export function jsonNumber(x: number | undefined): number | string | null {
  if (x === undefined) return null;
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  // Twelve significant digits strip float noise (2.9000000000000004 → 2.9)
  // and keep every digit a hand computation would give.
  return Number(x.toPrecision(12));
}

/** The `--json` document (the README lists its fields). Fields may be added, never renamed. */
export function lessonToJson(lesson: Lesson): object {
  const { scenario, trace, nudge, check } = lesson;
  const { graph, values, grads } = trace;
  return {
    id: scenario.id,
    title: scenario.title,
    output: graph.output,
    nodes: graph.nodes.map((n) => ({
      name: n.name,
      op: n.op,
      inputs: n.inputs,
      value: jsonNumber(values[n.name]),
      grad: jsonNumber(grads[n.name]),
    })),
    params: lesson.data.params,
    ...(lesson.examples ? { examples: lesson.examples.map((e) => ({ inputs: e.inputs, output: jsonNumber(e.output) })) } : {}),
    ...(lesson.training ? { train: trainingToJson(lesson.training) } : {}),
    nudge: {
      rate: nudge.rate,
      before: jsonNumber(nudge.before),
      after: jsonNumber(nudge.after),
      inputs: Object.fromEntries(nudge.moves.map((m) => [m.input, jsonNumber(m.after)])),
      predicted: jsonNumber(nudge.predicted),
      actual: jsonNumber(nudge.actual),
    },
    check: {
      h: lesson.h,
      inputs: check.map((e) => ({
        input: e.input,
        exact: jsonNumber(e.exact),
        forward: jsonNumber(e.forwardDifference),
        central: jsonNumber(e.centralDifference),
      })),
    },
    steps: lesson.steps.map((s, i) => {
      const question = questionAt(lesson, i);
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

function questionToJson(q: Question): object {
  return {
    kind: q.kind,
    prompt: q.prompt,
    answer: jsonNumber(q.answer),
    choices: q.choices.map((c) => ({ value: jsonNumber(c.value), right: c.right, why: c.why })),
    hints: q.hints,
  };
}

function trainingToJson({ run, history }: Training): object {
  const numbers = (values: Record<string, number>) => Object.fromEntries(Object.entries(values).map(([name, x]) => [name, jsonNumber(x)]));
  return {
    steps: run.steps,
    rate: run.rate,
    zero_grad: run.zeroGrad,
    history: history.map((p) => ({ output: jsonNumber(p.output), params: numbers(p.params), grads: numbers(p.grads) })),
  };
}
