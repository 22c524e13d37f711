/**
 * The lesson as a Markdown handout a teacher can print or put on a slide:
 * the title, the description, the drawing, then every step as `show` tells
 * it. With questions, the backward steps become questions and what would give
 * their answers away (the gradients in the drawing, the steps after them)
 * moves to an answer key at the end.
 *
 * Plain CommonMark, nothing from its extensions (a GFM table would be a
 * paragraph of pipes elsewhere), so every renderer shows the same thing.
 */

import { drawGraph, drawingToText, layoutGraph, tooLargeToDraw, tooLargeToLayOut, type Layout } from '../layout/index.js';
import { buildLesson, num, paragraphs, questionFor, type Lesson, type NumberQuestion as Question, type Step } from '../lesson/index.js';
import type { Scenario } from '../scenario/types.js';
import { visible, visibleLine } from '../io/visible.js';

export interface HandoutOptions {
  /** Ask each backward step as a question, with an answer key at the end. */
  quiz?: boolean;
}

/**
 * Text as it should read, never as Markdown: every character CommonMark (or a
 * common extension: `~~` strike-through, `|` tables, `$` maths, `{#id}`
 * attributes, `:::` and `:name` directives) could take as syntax is escaped, so
 * the rendered text is exactly the lesson's. Untrusted, so control, bidi and
 * zero-width characters show too. The one escaping of file text in a handout.
 */
export function markdownText(text: string): string {
  const escaped = visibleLine(text.trim())
    .replace(/[\\`*_[\]<>&!|~${}]/g, (ch) => `\\${ch}`)
    .replace(/:(?=[A-Za-z:])/g, '\\:');
  // At the start of a line these open a heading, a list or a rule.
  return escaped.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A fenced code block longer than any run of backticks inside it, so nothing in it can close it. */
export function codeBlock(text: string, info = 'text'): string[] {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${info}`, ...visible(text).split('\n'), fence];
}

/**
 * A step's further lines: a table, the aligned chain rule (columns kept by
 * runs of spaces) or a loss chart stays monospaced in a code block; a sentence is a paragraph,
 * free to wrap on the page.
 */
function stepLines(lines: string[]): string[] {
  const out: string[] = [];
  let block: string[] = [];
  const flush = () => {
    if (block.length > 0) out.push('', ...codeBlock(block.join('\n')));
    block = [];
  };
  for (const line of lines) {
    // Aligned columns, an indented line or a chart's box-drawing keep their shape only in monospace.
    if (/^ |\S {2,}\S|[\u2500-\u257f]/.test(line)) {
      block.push(line);
    } else {
      flush();
      out.push('', markdownText(line));
    }
  }
  flush();
  return out;
}

function stepSection(step: Step, number: number, skip: Set<string> = new Set()): string[] {
  return [
    `### ${number}. ${markdownText(step.title)}`,
    '',
    markdownText(step.text),
    ...stepLines(step.lines.filter((l) => !skip.has(l))),
    '',
  ];
}

/** Laid out once per lesson: the handout draws the graph twice (without and with the gradients). */
const layouts = new WeakMap<Lesson, Layout>();

function drawing(lesson: Lesson, withGrads: boolean): string[] {
  const { graph, values, grads } = lesson.trace;
  // Refused from its layers when it can be, before the layout takes the time and memory; then from the layout.
  let layout = layouts.get(lesson);
  let tooLarge = layout ? undefined : tooLargeToLayOut(graph, true);
  if (!layout && !tooLarge) layouts.set(lesson, (layout = layoutGraph(graph)));
  if (layout) tooLarge ??= tooLargeToDraw(layout);
  // The rest of the handout still holds: only the picture is left out, with where to get one.
  if (tooLarge || !layout)
    return [`${markdownText(`The graph is not drawn here: ${tooLarge}.`)} \`grad-tutor graph --format dot\` gives it to Graphviz.`];
  return codeBlock(drawingToText(drawGraph(layout, { values, grads: withGrads ? grads : {} })));
}

const LETTERS = 'ABCDEFGHIJ';

function questionSection(step: Step, number: number, question: Question, asked: number): string[] {
  return [
    `### ${number}. ${markdownText(step.title)}`,
    '',
    `**Question ${asked}.** ${markdownText(question.prompt)}`,
    '',
    ...question.choices.map((choice, k) => `- (${LETTERS[k]}) ${markdownText(num(choice.value))}`),
    '',
  ];
}

function answerSection(step: Step, question: Question, asked: number): string[] {
  const right = question.choices.findIndex((c) => c.right);
  return [
    `### Question ${asked}: (${LETTERS[right]}) ${markdownText(num(question.choices[right].value))}`,
    '',
    markdownText(step.text),
    ...stepLines(step.lines),
    '',
    ...question.choices.flatMap((choice, k) =>
      choice.right ? [] : [`- (${LETTERS[k]}) ${markdownText(`${num(choice.value)}: ${choice.why}`)}`],
    ),
    '',
  ];
}

export function toMarkdown(scenario: Scenario, options: HandoutOptions = {}): string {
  const lesson = buildLesson(scenario);
  const description = paragraphs(scenario.description ?? '');
  const out = [`# ${markdownText(scenario.title)}`, '', `Lesson ${markdownText(scenario.id)} from grad-tutor, as a handout.`, ''];
  for (const paragraph of description) out.push(markdownText(paragraph), '');
  out.push('## The graph', '');
  out.push(
    options.quiz
      ? "Each box shows a node's value (v); its gradient (g, shown as ·) is yours to work out."
      : "Each box shows a node's value (v) and its gradient (g) after the backward pass.",
    '',
    ...drawing(lesson, !options.quiz),
    '',
    '## Step by step',
    '',
  );
  // The overview repeats the description; once at the top is enough.
  const seen = new Set(description);
  const { steps } = lesson;
  if (!options.quiz) {
    steps.forEach((step, i) => out.push(...stepSection(step, i + 1, step.phase === 'overview' ? seen : undefined)));
    return out.join('\n');
  }

  const lastQuestion = steps.reduce((last, step, i) => (step.contribution ? i : last), -1);
  const asked: { step: Step; question: Question }[] = [];
  steps.forEach((step, i) => {
    if (lastQuestion >= 0 && i > lastQuestion) return;
    if (step.contribution) {
      const question = questionFor(step.contribution, scenario.graph.output, i);
      asked.push({ step, question });
      out.push(...questionSection(step, i + 1, question, asked.length));
    } else {
      out.push(...stepSection(step, i + 1, step.phase === 'overview' ? seen : undefined));
    }
  });
  out.push('## Answer key', '');
  asked.forEach(({ step, question }, k) => out.push(...answerSection(step, question, k + 1)));
  if (lastQuestion >= 0) {
    out.push('### The graph after the backward pass', '', ...drawing(lesson, true), '');
    steps.forEach((step, i) => {
      if (i > lastQuestion) out.push(...stepSection(step, i + 1));
    });
  }
  return out.join('\n');
}
