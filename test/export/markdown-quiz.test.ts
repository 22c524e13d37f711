/**
 * The --quiz handout a teacher prints: a student's part that gives no answer
 * away, then the answer key as the last section.
 */

import { describe, expect, it } from 'vitest';
import { Parser, type Node } from 'commonmark';
import { bundledScenarios } from '../../src/catalog.js';
import { inCourse } from '../../src/course.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { quizHandout, toMarkdown } from '../../src/export/markdown.js';
import { buildLesson, num, questionFor, type Lesson } from '../../src/lesson/index.js';

// As the command line loads them: in their place in the course.
const bundled = bundledScenarios().map((entry) => inCourse(loadScenarioFile(entry.file), entry.file));
const byId = (id: string) => bundled.find((s) => s.id === id)!;

/** What a reader sees of a document: its text, with the choices of each question apart. */
function read(markdown: string): { prose: string; choices: string[]; code: string[]; headings: { level: number; text: string }[] } {
  const doc = new Parser().parse(markdown);
  const prose: string[] = [];
  const choices: string[] = [];
  const code: string[] = [];
  const headings: { level: number; text: string }[] = [];
  const textOf = (node: Node): string => {
    let text = '';
    const walker = node.walker();
    for (let step = walker.next(); step; step = walker.next()) {
      if (step.entering && (step.node.type === 'text' || step.node.type === 'code')) text += step.node.literal ?? '';
      else if (step.entering && (step.node.type === 'softbreak' || step.node.type === 'linebreak')) text += ' ';
    }
    return text;
  };
  for (let block = doc.firstChild; block; block = block.next) {
    if (block.type === 'list') for (let item = block.firstChild; item; item = item.next) choices.push(textOf(item));
    else if (block.type === 'code_block') code.push(block.literal ?? '');
    else {
      if (block.type === 'heading') headings.push({ level: block.level, text: textOf(block) });
      prose.push(textOf(block));
    }
  }
  return { prose: prose.join('\n'), choices, code, headings };
}

/** Every number written in a text, as written: `-5` in `(-5)`, not the 2 of `x1` or the 4 of `2-4`. */
function numbersIn(text: string): Set<string> {
  return new Set(text.match(/(?<![\w.])-?\d+(?:\.\d+)?(?:e[+-]?\d+)?(?![\w.])/g) ?? []);
}

/**
 * The answers, as the handout writes them: each question's right choice and
 * every gradient of the lesson (the output's own is the seed, 1, which the
 * setup gives).
 */
function answersOf(lesson: Lesson): Set<string> {
  const { graph, grads } = lesson.trace;
  const answers = new Set<string>();
  lesson.steps.forEach((step, i) => {
    if (step.contribution) answers.add(num(questionFor(step.contribution, graph.output, i).answer));
  });
  for (const node of graph.nodes) if (node.name !== graph.output && grads[node.name] !== undefined) answers.add(num(grads[node.name]));
  return answers;
}

/**
 * Numbers the setup gives, so their showing there tells nothing: every
 * node's value (inputs, constants, the forward pass), the seed 1 and the 0
 * every other gradient starts at.
 */
function givenIn(lesson: Lesson): Set<string> {
  const { graph, values } = lesson.trace;
  return new Set(['0', '1', ...graph.nodes.map((n) => num(values[n.name]))]);
}

describe('--quiz: the student part holds no answer', () => {
  it.each(bundled.map((s) => s.id))('%s', (id) => {
    const scenario = byId(id);
    const lesson = buildLesson(scenario);
    const { student, key } = quizHandout(scenario);
    const part = read(student);
    const given = givenIn(lesson);
    // An answer that is not also a given number appears nowhere but among the choices.
    const written = new Set([...numbersIn(part.prose), ...part.code.flatMap((c) => [...numbersIn(c)])]);
    for (const answer of answersOf(lesson))
      if (!given.has(answer)) expect(written.has(answer), `${answer} in the student part`).toBe(false);
    // Nor in words: no gradient is stated (∂z/∂z = 1, the seed, is the setup).
    const out = scenario.graph.output;
    for (const statement of part.prose.match(/∂\S+\/∂\S+ (\+)?= -?\d[^ ]*/g) ?? [])
      expect(statement).toMatch(new RegExp(`^∂${out}/∂${out} = 1`));
    // The drawing shows every value and no gradient.
    for (const drawn of part.code) expect(drawn).not.toMatch(/│ g +[-\d]/);
    // No step after the setup is told there: the check, nudge, training and summary are in the key.
    const setup = lesson.steps.findIndex((s) => s.contribution);
    lesson.steps.forEach((step, i) => {
      if (setup >= 0 && i < setup) return expect(part.prose).toContain(step.text);
      if (step.contribution || (setup < 0 && ['overview', 'forward'].includes(step.phase))) return;
      expect(part.prose, step.title).not.toContain(step.text);
      // As a reader sees the key: a title's _ (build_topo) is escaped in the Markdown.
      expect(read(key).prose).toContain(step.title);
    });
    // The choices are plain: no mark, no bold, nothing but the letter and the number.
    for (const choice of part.choices) expect(choice).toMatch(/^\([A-J]\) (-?\d[\d.e+-]*|NaN|-?∞)$/);
  });

  it("a second path's question points at the first path's question, not at its answer", () => {
    const { student } = quizHandout(byId('reuse-mul'));
    // z = (a + b) · b with a = 3, b = -5: Question 2 is ∂z/∂b by the direct path, c = a + b = -2.
    expect(read(student).prose).toContain(
      'Question 4. b already has ∂z/∂b from another path: your answer to Question 2. What is ∂z/∂b once this edge has run?',
    );
    expect(read(student).prose).not.toMatch(/∂z\/∂b = -2/);
  });
});

describe('--quiz: the answer key is the last section and holds every answer', () => {
  it.each(bundled.map((s) => s.id))('%s', (id) => {
    const scenario = byId(id);
    const lesson = buildLesson(scenario);
    const handout = toMarkdown(scenario, { quiz: true });
    const { student, key } = quizHandout(scenario);
    expect(handout).toBe(`${student}\n${key}`);
    const whole = read(handout);
    const sections = whole.headings.filter((h) => h.level <= 2);
    expect(sections.at(-1)).toEqual({ level: 2, text: 'Answer key' });
    expect(read(student).headings.some((h) => h.text === 'Answer key')).toBe(false);
    const answers = read(key);
    let asked = 0;
    lesson.steps.forEach((step, i) => {
      if (!step.contribution) return;
      asked++;
      const question = questionFor(step.contribution, scenario.graph.output, i);
      const letter = 'ABCD'[question.choices.findIndex((c) => c.right)];
      expect(answers.headings).toContainEqual({ level: 3, text: `Question ${asked}: (${letter}) ${num(question.answer)}` });
      expect(answers.prose).toContain(step.text);
    });
    // Every gradient is in the key's drawing or tables.
    const keyNumbers = new Set([...numbersIn(answers.prose), ...answers.code.flatMap((c) => [...numbersIn(c)])]);
    for (const answer of answersOf(lesson)) expect(keyNumbers.has(answer), answer).toBe(true);
  });

  it('reuse-mul: the answers worked by hand', () => {
    // z = c · b, c = a + b, a = 3, b = -5: ∂z/∂c = b = -5; ∂z/∂b (direct) = c = -2; ∂z/∂a = ∂z/∂c · 1 = -5; ∂z/∂b = -2 + (-5) = -7.
    const heads = read(quizHandout(byId('reuse-mul')).key).headings.filter((h) => h.text.startsWith('Question'));
    expect(heads.map((h) => h.text.replace(/\([A-D]\) /, ''))).toEqual([
      'Question 1: -5',
      'Question 2: -2',
      'Question 3: -5',
      'Question 4: -7',
    ]);
  });

  it('alone, the key is a document of its own: its title, then the same answers', () => {
    const scenario = byId('reuse-mul');
    const { key } = quizHandout(scenario);
    const alone = quizHandout(scenario, true);
    expect(alone.student).toBe(quizHandout(scenario).student);
    expect(read(alone.key).headings[0]).toEqual({ level: 1, text: `${scenario.title}: answer key` });
    expect(alone.key.endsWith(key)).toBe(true);
  });
});

describe('--quiz: the choices as written', () => {
  it('a negative choice needs no backslash; one at the start of a line still gets it', () => {
    const handout = toMarkdown(byId('reuse-mul'), { quiz: true });
    expect(handout).toContain('- (B) -7\n');
    expect(handout).toContain('### Question 4: (B) -7\n');
    expect(handout).not.toMatch(/\(\w\) \\-/);
    // Read by CommonMark, the choice is the number, and the list stays a list of four.
    const { choices } = read(handout);
    expect(choices).toContain('(B) -7');
  });
});
