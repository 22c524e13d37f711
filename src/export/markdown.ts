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
import {
  kindOf,
  buildLesson,
  num,
  paragraphs,
  partial,
  questionFor,
  sayWhichLoss,
  whichLoss,
  type Lesson,
  type NumberQuestion as Question,
  type Step,
} from '../lesson/index.js';
import type { Contribution } from '../engine/index.js';
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
 * zero-width characters show too. The one escaping of file text in a handout,
 * for text that starts a line.
 */
export function markdownText(text: string): string {
  // At the start of a line these open a heading, a list or a rule.
  return markdownInline(text)
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * The same for text that follows something on its line (`- (B) -7`): there a
 * minus or `1.` opens nothing, and a backslash before it would only show in
 * the Markdown a teacher prints.
 */
export function markdownInline(text: string): string {
  return visibleLine(text.trim())
    .replace(/[\\`*_[\]<>&!|~${}]/g, (ch) => `\\${ch}`)
    .replace(/:(?=[A-Za-z:])/g, '\\:');
}

/** Text for a heading: there a last run of # after a space would close the heading and vanish. */
function headingText(text: string): string {
  return markdownText(text).replace(/(\s)(#+)$/, '$1\\$2');
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
    `### ${number}. ${headingText(step.title)}`,
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

/**
 * The prompt as the handout asks it. On a node's second path the tutor's prompt
 * says what the first path left, which on paper is the answer to an earlier
 * question: the handout points at that question instead.
 */
function handoutPrompt(question: Question, c: Contribution, out: string, earlier: number | undefined): string {
  if (c.path <= 1 || earlier === undefined) return question.prompt;
  const grad = partial(out, c.operand);
  return `${c.operand} already has ${grad} from another path: your answer to Question ${earlier}. What is ${grad} once this edge has run?`;
}

function questionSection(step: Step, number: number, prompt: string, question: Question, asked: number): string[] {
  return [
    `### ${number}. ${headingText(step.title)}`,
    '',
    `**Question ${asked}.** ${markdownInline(prompt)}`,
    '',
    ...question.choices.map((choice, k) => `- (${LETTERS[k]}) ${markdownInline(num(choice.value))}`),
    '',
  ];
}

function answerSection(step: Step, question: Question, asked: number): string[] {
  const right = question.choices.findIndex((c) => c.right);
  return [
    `### Question ${asked}: (${LETTERS[right]}) ${markdownInline(num(question.choices[right].value))}`,
    '',
    markdownText(step.text),
    ...stepLines(step.lines),
    '',
    ...question.choices.flatMap((choice, k) =>
      choice.right ? [] : [`- (${LETTERS[k]}) ${markdownInline(`${num(choice.value)}: ${choice.why}`)}`],
    ),
    '',
  ];
}

/** The top of a handout: the title, the description and the drawing; for the student's part, no gradient and no description (see quizHandout). */
function head(scenario: Scenario, lesson: Lesson, withGrads: boolean, what: string): string[] {
  const of = whichLoss(scenario);
  const out = [`# ${headingText(scenario.title)}`, '', `Lesson ${markdownText(scenario.id)} from grad-tutor, ${what}.`, ''];
  if (withGrads) for (const paragraph of paragraphs(scenario.description ?? '')) out.push(markdownText(paragraph), '');
  out.push(
    '## The graph',
    '',
    withGrads
      ? markdownText(`Each box shows a node's value (v) and its gradient (g)${of ? ` of ${of.first}` : ''} after the backward pass.`)
      : "Each box shows a node's value (v); its gradient (g, shown as ·) is yours to work out.",
    '',
    ...drawing(lesson, withGrads),
    '',
    '## Step by step',
    '',
  );
  return out;
}

export function toMarkdown(scenario: Scenario, options: HandoutOptions = {}): string {
  if (options.quiz) {
    const { student, key } = quizHandout(scenario);
    return `${student}\n${key}`;
  }
  const lesson = buildLesson(scenario);
  const out = head(scenario, lesson, true, 'as a handout');
  // The overview, the first step, repeats the description; once at the top is enough.
  const seen = new Set(paragraphs(scenario.description ?? ''));
  lesson.steps.forEach((step, i) => out.push(...stepSection(step, i + 1, i === 0 ? seen : undefined)));
  return out.join('\n');
}

/**
 * The handout with questions, in two parts a teacher can print apart. The
 * student's part is the lesson's setup (the overview, the forward pass, the
 * seed) and a question for each backward edge: no gradient anywhere, as every
 * later step (check, nudge, training, summary) shows them. The file's own
 * words (description, notes) explain the lesson, and often tell its result
 * ("1 instead of 2"): they open the key. The answer key has the rest: each
 * question's answer with its worked step and why each other choice is wrong,
 * the drawing with the gradients, then the remaining steps. With `alone`, the
 * key is a document of its own (its own title), for a file apart.
 */
export function quizHandout(scenario: Scenario, alone = false): { student: string; key: string } {
  const lesson = buildLesson(scenario);
  const { steps } = lesson;
  const out = scenario.graph.output;
  const description = paragraphs(scenario.description ?? '');
  const notes = new Set(scenario.graph.nodes.flatMap((n) => (n.note ? [n.note] : [])));
  const ownWords = new Set([...description, ...notes]);
  const student = head(scenario, lesson, false, 'as a handout with questions');
  const key = alone
    ? [`# ${markdownText(scenario.title)}: answer key`, '', `Lesson ${markdownText(scenario.id)} from grad-tutor.`, '']
    : [];
  key.push('## Answer key', '');
  const noted = description.map(markdownText);

  const firstQuestion = steps.findIndex((step) => step.contribution);
  // Without a backward step (a lesson of slopes), the setup is the forward pass.
  const setupEnd = firstQuestion >= 0 ? firstQuestion : steps.findIndex((s) => !kindOf(s.phase).setup);
  const told = new Set<number>();
  steps.forEach((step, i) => {
    if (setupEnd >= 0 && i >= setupEnd) return;
    told.add(i);
    student.push(...stepSection(step, i + 1, ownWords));
    for (const line of step.lines) if (notes.has(line)) noted.push(markdownText(`At step ${i + 1}, ${step.title}: ${line}`));
  });

  const of = whichLoss(scenario);
  const asked: { step: Step; question: Question }[] = [];
  // The question that asked for each operand's gradient last: a second path's question points back at it.
  const lastAsked = new Map<string, number>();
  steps.forEach((step, i) => {
    const c = step.contribution;
    if (!c) return;
    told.add(i);
    const question = questionFor(c, out, i);
    asked.push({ step, question });
    const prompt = sayWhichLoss(handoutPrompt(question, c, out, lastAsked.get(c.operand)), question.kind, of);
    student.push(...questionSection(step, i + 1, prompt, question, asked.length));
    lastAsked.set(c.operand, asked.length);
  });
  if (asked.length === 0)
    student.push(markdownText('No question here: this lesson has no backward step to ask about. The answer key has the rest of it.'), '');

  if (noted.length > 0) key.push("### The lesson's own words", '', ...noted.flatMap((paragraph) => [paragraph, '']));
  asked.forEach(({ step, question }, k) => key.push(...answerSection(step, question, k + 1)));
  key.push('### The graph after the backward pass', '', ...drawing(lesson, true), '');
  steps.forEach((step, i) => {
    if (!told.has(i)) key.push(...stepSection(step, i + 1));
  });
  return { student: student.join('\n'), key: key.join('\n') };
}
