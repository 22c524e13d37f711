import { describe, expect, it } from 'vitest';
import { Parser, type Node } from 'commonmark';
import { bundledScenarios } from '../../src/catalog.js';
import { inCourse } from '../../src/course.js';
import { loadScenarioFile, parseScenario, type Scenario } from '../../src/scenario/index.js';
import { toMarkdown } from '../../src/export/index.js';
import { buildLesson, questionFor, sayWhichLoss, whichLoss } from '../../src/lesson/index.js';
import { drawGraph, drawingToText, layoutGraph } from '../../src/layout/index.js';
import { visibleLine } from '../../src/io/visible.js';
import { runCli } from '../helpers/run-cli.js';
import { awkwardNames, everyOp } from './scenarios.js';

interface Block {
  type: string;
  level?: number;
  info?: string;
  text: string;
}

/** The document's blocks as CommonMark reads them: headings, paragraphs and code blocks with their rendered text. */
function blocks(markdown: string): { blocks: Block[]; kinds: Set<string> } {
  const doc = new Parser().parse(markdown);
  const out: Block[] = [];
  const kinds = new Set<string>();
  const textOf = (node: Node): string => {
    let text = '';
    const walker = node.walker();
    for (let step = walker.next(); step; step = walker.next()) {
      if (!step.entering) continue;
      const n = step.node;
      if (n.type === 'text' || n.type === 'code') text += n.literal ?? '';
      else if (n.type === 'softbreak' || n.type === 'linebreak') text += ' ';
    }
    return text;
  };
  const walker = doc.walker();
  for (let step = walker.next(); step; step = walker.next()) {
    if (!step.entering) continue;
    const n = step.node;
    kinds.add(n.type);
    if (n.type === 'heading') out.push({ type: 'heading', level: n.level, text: textOf(n) });
    else if (n.type === 'paragraph') out.push({ type: 'paragraph', text: textOf(n) });
    else if (n.type === 'code_block') out.push({ type: 'code', info: n.info ?? '', text: n.literal ?? '' });
  }
  return { blocks: out, kinds };
}

// As the command line loads them: in their place in the course, so each summary names the next lesson.
const bundled = bundledScenarios().map((entry) => inCourse(loadScenarioFile(entry.file), entry.file));

function fullDrawing(scenario: Scenario): string {
  const { trace } = buildLesson(scenario);
  return drawingToText(drawGraph(layoutGraph(scenario.graph), { values: trace.values, grads: trace.grads }));
}

describe('the Markdown handout of every bundled scenario, read by a CommonMark parser', () => {
  it.each(bundled.map((s) => s.id))("%s: title, drawing, every step's heading and text, nothing taken as markup", (id) => {
    const scenario = bundled.find((s) => s.id === id)!;
    const { blocks: read, kinds } = blocks(toMarkdown(scenario));
    expect(read[0]).toEqual({ type: 'heading', level: 1, text: scenario.title });
    const code = read.filter((b) => b.type === 'code');
    expect(code[0]).toEqual({ type: 'code', info: 'text', text: `${fullDrawing(scenario)}\n` });
    const { steps } = buildLesson(scenario);
    const headings = read.filter((b) => b.type === 'heading' && b.level === 3).map((b) => b.text);
    expect(headings).toEqual(steps.map((s, i) => `${i + 1}. ${s.title}`));
    const paragraphs = new Set(read.filter((b) => b.type === 'paragraph').map((b) => b.text));
    const codeText = code.map((b) => b.text).join('\n');
    for (const step of steps) {
      expect(paragraphs.has(step.text), step.text).toBe(true);
      for (const line of step.lines) expect(paragraphs.has(line) || codeText.includes(line), line).toBe(true);
    }
    // The lesson's ·, ∂ and * are text, never emphasis, links or HTML.
    for (const markup of ['emph', 'strong', 'link', 'image', 'html_inline', 'html_block']) expect(kinds.has(markup), markup).toBe(false);
  });
});

describe('--quiz: the backward steps as questions, the answers in a key at the end', () => {
  // The slope lesson comes before any backward pass, so it has no backward step to ask about.
  const asking = bundled.filter((s) => buildLesson(s).steps.some((step) => step.contribution));
  it.each(asking.map((s) => s.id))('%s', (id) => {
    const scenario = bundled.find((s) => s.id === id)!;
    const { blocks: read } = blocks(toMarkdown(scenario, { quiz: true }));
    const { steps } = buildLesson(scenario);
    const key = read.findIndex((b) => b.type === 'heading' && b.text === 'Answer key');
    expect(key).toBeGreaterThan(0);
    const before = read.slice(0, key);
    const after = read.slice(key);
    // The drawing above the questions shows no gradient; the full one is in the key.
    const drawing = fullDrawing(scenario);
    expect(before.find((b) => b.type === 'code')!.text).not.toBe(`${drawing}\n`);
    expect(after.some((b) => b.type === 'code' && b.text === `${drawing}\n`)).toBe(true);
    let asked = 0;
    steps.forEach((step, i) => {
      if (!step.contribution) return;
      asked++;
      const question = questionFor(step.contribution, scenario.graph.output, i);
      // A second path's prompt points at the earlier question instead of saying its answer (markdown-quiz.test.ts).
      // With examples it names the loss, as the tutor's does.
      const asks = sayWhichLoss(question.prompt.replace(/^.* from another path\. /, ''), question.kind, whichLoss(scenario));
      expect(before.some((b) => b.text.startsWith(`Question ${asked}. `) && b.text.endsWith(asks))).toBe(true);
      // The question comes without its answer; the key gives the right choice and the step's text.
      expect(before.some((b) => b.text === step.text)).toBe(false);
      const right = question.choices.findIndex((c) => c.right);
      expect(after.some((b) => b.type === 'heading' && b.text.startsWith(`Question ${asked}: (${'ABCD'[right]}) `))).toBe(true);
    });
    expect(asked).toBeGreaterThan(0);
    const everything = new Set(read.map((b) => b.text));
    for (const step of steps) expect(everything.has(step.text), step.text).toBe(true);
  });
});

describe('untrusted text stays text', () => {
  it('a title and description with markup, a fence and control characters render as written, made visible', () => {
    const hostile: Scenario = {
      ...everyOp,
      title: '<script>alert(1)</script> *bold* [a](http://x) `code` # not a heading',
      description: '# Heading?\n\n```\nfence\n```\n\n1. list? \u001b[2J - > quote',
    };
    const { blocks: read, kinds } = blocks(toMarkdown(hostile));
    expect(read[0]).toEqual({ type: 'heading', level: 1, text: hostile.title });
    // The lesson joins a description's lines into paragraphs, as the tutor shows them.
    for (const paragraph of ['# Heading?', '``` fence ```', `1. list? ${visibleLine('\u001b')}[2J - > quote`]) {
      expect(
        read.some((b) => b.type === 'paragraph' && b.text === paragraph),
        paragraph,
      ).toBe(true);
    }
    for (const markup of ['emph', 'link', 'html_inline', 'html_block', 'list', 'block_quote'])
      expect(kinds.has(markup), markup).toBe(false);
    expect(toMarkdown(hostile)).not.toContain('\u001b');
  });

  it('a title ending in # keeps it: in a heading, a last run of # after a space would close the heading', () => {
    const scenario: Scenario = { ...everyOp, title: 'Lesson # 3 of the course, part ##' };
    for (const handout of [toMarkdown(scenario), toMarkdown(scenario, { quiz: true })])
      expect(blocks(handout).blocks[0]).toEqual({ type: 'heading', level: 1, text: scenario.title });
  });

  it('the renamed and generated names of a scenario show as the tutor has them', () => {
    const { blocks: read } = blocks(toMarkdown(awkwardNames));
    const { steps } = buildLesson(awkwardNames);
    for (const step of steps)
      expect(
        read.some((b) => b.text === visibleLine(step.text)),
        step.text,
      ).toBe(true);
  });
});

describe('grad-tutor export … --format markdown', () => {
  it('prints the handout', async () => {
    const { code, stdout, stderr } = await runCli(['export', 'add-then-mul', '--format', 'markdown']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(toMarkdown(bundled.find((s) => s.id === 'add-then-mul')!));
    expect(stdout).toContain('c = a + b = 3 + (-5) = -2');
  });
});

describe('a handout of a graph too large to draw', () => {
  it('says why the drawing is left out and where to get one, and keeps the steps', () => {
    // A 3,000-term sum: its drawing grows with the square of the terms (about 46,000 × 6,000 characters).
    const names = Array.from({ length: 3_000 }, (_, i) => `a${i}`);
    const text = `title: A long sum\ninputs:\n${names.map((n) => `  ${n}: 1\n`).join('')}nodes:\n  z: ${names.join(' + ')}\n`;
    const handout = toMarkdown(parseScenario(text, 'long-sum.yaml'));
    expect(handout).toMatch(
      /The graph is not drawn here: its drawing would be [\d,]+ × [\d,]+ characters, more than 64,000,000\. `grad-tutor graph --format dot` gives it to Graphviz\./,
    );
    expect(handout).not.toContain('╭─');
    // Every forward and backward step is still there: 2,999 sums, each with its two edges.
    expect(handout.match(/^### \d+\. Backward: /gm)?.length).toBe(5_998);
  });
});
