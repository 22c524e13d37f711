/**
 * A practice set as a Markdown worksheet a teacher can print: each problem's
 * graph (the inputs' values only) and its questions with their choices, then
 * the answer key on its own at the end, or in a file of its own. The same
 * escaping as the lessons' handouts, though every word here is the tutor's.
 */

import { drawGraph, drawingToText, layoutGraph } from '../layout/index.js';
import { isLeaf } from '../engine/index.js';
import { num } from '../lesson/index.js';
import { codeBlock, markdownInline, markdownText } from '../export/markdown.js';
import type { Problem } from './generate.js';
import type { PracticeQuestion } from './questions.js';
import { SKILLS } from './skills.js';

const LETTERS = 'ABCDEFGHIJ';

const said = (value: number | string): string => (typeof value === 'number' ? num(value) : value);

/** `2b`: the second question of problem 2. */
const label = (problem: number, question: number): string => `${problem}${'abcdefghij'[question]}`;

const titleOf = (skill: string): string => SKILLS.find((s) => s.id === skill)?.title ?? skill;

/** The graph with each input's value and nothing worked out: no value of an operation, no gradient. */
function drawing(problem: Problem): string[] {
  const { graph } = problem.scenario;
  const values = Object.fromEntries(graph.nodes.filter(isLeaf).map((n) => [n.name, n.value]));
  return codeBlock(drawingToText(drawGraph(layoutGraph(graph), { values, grads: {} })));
}

function questionLines(question: PracticeQuestion, name: string): string[] {
  return [
    `**${name}.** ${markdownInline(question.prompt)}`,
    '',
    ...question.choices.map((choice, k) => `- (${LETTERS[k]}) ${markdownInline(said(choice.value))}`),
    '',
  ];
}

function answerLines(question: PracticeQuestion, name: string): string[] {
  const right = question.choices.findIndex((c) => c.right);
  return [`- **${name}.** (${LETTERS[right]}) ${markdownInline(`${said(question.answer)}. ${question.hints[2]}`)}`];
}

/** The command that prints the same set again. */
export function again(seed: number, count: number, skill?: string): string {
  return `grad-tutor practice --format markdown --seed ${seed} --count ${count}${skill ? ` --skill ${skill}` : ''}`;
}

/**
 * The worksheet and its key. With `apart`, the key is a document of its own
 * (its own title), for a file apart from the worksheet.
 */
export function worksheet(problems: Problem[], set: { seed: number; skill?: string }, apart = false): { sheet: string; key: string } {
  const repeat = again(set.seed, problems.length, set.skill);
  const sheet = [
    `# Practice: ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
    '',
    `From grad-tutor, seed ${set.seed}: \`${repeat}\` prints the same problems again.`,
    '',
    "Each box shows an input's value (v); the other values (shown as ·) and every gradient (g) are yours to work out.",
    '',
  ];
  const key = apart ? [`# Practice: answer key`, '', `For the worksheet of seed ${set.seed}: \`${repeat}\`.`, ''] : [];
  key.push('## Answer key', '');
  problems.forEach((problem, p) => {
    sheet.push(`## Problem ${p + 1}: ${markdownText(titleOf(problem.skill))}`, '', ...drawing(problem), '');
    sheet.push('As a scenario, for `grad-tutor check` or the tutor:', '', ...codeBlock(problem.source.trimEnd(), 'yaml'), '');
    problem.questions.forEach((q, k) => sheet.push(...questionLines(q, label(p + 1, k))));
    key.push(`### Problem ${p + 1}`, '', ...problem.questions.flatMap((q, k) => answerLines(q, label(p + 1, k))), '');
  });
  return { sheet: sheet.join('\n'), key: key.join('\n') };
}
