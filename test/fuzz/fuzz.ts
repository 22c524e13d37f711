/**
 * Fuzzing the scenario loader, the expression parser and the typed-graph path.
 *
 * The one property: whatever text or bytes a learner hands us, the only outcomes
 * are a valid Scenario (which then survives buildLesson → lessonToJson →
 * JSON.stringify) or a ScenarioError that points into the file. Anything else —
 * a TypeError, a stack overflow, an error without a position, a message that
 * spans lines — is a crash, reported as a FuzzCrash.
 *
 * Shared by the short run in `npm test` (fuzz.test.ts) and the long run
 * (`npm run fuzz`, scripts/fuzz.ts).
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { backprop, functionNames, nudge, numericCheck } from '../../src/engine/index.js';
import { buildLesson, lessonToJson } from '../../src/lesson/index.js';
import {
  ExprSyntaxError,
  ScenarioError,
  loadScenarioFile,
  parseExpression,
  parseScenario,
  scenarioFromTyped,
  type Expr,
  type Scenario,
} from '../../src/scenario/index.js';

const FUNCTIONS = functionNames();

// ───────────────────────────── outcomes ─────────────────────────────

export type Outcome = 'valid' | 'error';

/** Anything but a valid scenario or a well-formed ScenarioError. */
export class FuzzCrash extends Error {
  constructor(
    /** Where it went wrong: loading, the error's shape, the scenario's shape, or the lesson. */
    readonly stage: string,
    detail: string,
    readonly original?: unknown,
  ) {
    const cause =
      original instanceof Error ? `\n${original.stack ?? original.message}` : original === undefined ? '' : `\n${String(original)}`;
    super(`${stage}: ${detail}${cause}`);
    this.name = 'FuzzCrash';
  }
}

/**
 * Lessons are built only for graphs up to this many nodes; the loader and the
 * engine are fuzzed at every size. buildLesson is quadratic in the graph (every
 * step snapshots every value and gradient, and a node with many paths lists them
 * all on each step): 1,000 nodes take seconds, 2,000 take 15 s and 1.5 GB, and a
 * 10,000-node graph runs out of memory. That is reported separately (src/lesson).
 */
export const LESSON_MAX_NODES = 3000;

const OPS = new Set(['input', 'const', '+', '-', '*', '/', '^', 'neg', 'tanh', 'exp', 'log', 'relu', 'sigmoid']);
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** The file as an editor shows it: without a byte-order mark, split at line feeds. */
function linesOf(text: string): string[] {
  return (text.startsWith('\uFEFF') ? text.slice(1) : text).split('\n');
}

function preview(value: string, max = 160): string {
  const json = JSON.stringify(value);
  return json.length <= max ? json : `${json.slice(0, max)}… (${value.length} chars)`;
}

/** A ScenarioError must name the file, point at a real line and column, and read as one sentence. */
function checkError(error: ScenarioError, expectFile: (file: string) => boolean, lines: string[] | null, where: string): void {
  const bad = (detail: string): never => {
    throw new FuzzCrash('error-shape', `${detail} — message ${preview(error.message, 400)} for ${where}`);
  };
  if (error.name !== 'ScenarioError') bad(`name is ${error.name}`);
  if (typeof error.file !== 'string' || error.file === '' || !expectFile(error.file)) bad(`file is ${preview(String(error.file))}`);
  if (!Number.isInteger(error.line) || error.line < 1) bad(`line is ${error.line}`);
  if (!Number.isInteger(error.col) || error.col < 1) bad(`col is ${error.col}`);
  if (lines) {
    if (error.line > lines.length + 1) bad(`line ${error.line} is past the end (${lines.length} lines)`);
    const line = lines[error.line - 1];
    if (line !== undefined && error.col > line.length + 1)
      bad(`col ${error.col} is past the end of line ${error.line} (${line.length} chars)`);
  }
  if (typeof error.problem !== 'string' || error.problem.trim() === '') bad('problem is empty');
  if (typeof error.fix !== 'string' || error.fix.trim() === '') bad('fix is empty');
  if (LINE_BREAK.test(error.message)) bad('the message spans more than one line');
  if (/\n\s+at |\bat .*\(.*:\d+:\d+\)/.test(error.message)) bad('the message holds a stack trace');
  // What the learner typed at the tutor's prompt is named in words; everything else by file:line:col.
  const places = [`${error.file}:${error.line}:${error.col}`, `your graph, column ${error.col}`, 'your values'];
  if (!places.includes(error.place)) bad(`place is ${preview(error.place)}`);
  if (error.message !== `${error.place}: ${error.problem} — ${error.fix}.`) bad(`message is not \`place: problem — fix.\``);
}

/** A loaded scenario is what the engine and the lesson rely on. */
function checkScenario(s: Scenario, file: string | null, where: string): void {
  const bad = (detail: string): never => {
    throw new FuzzCrash('scenario-shape', `${detail} for ${where}`);
  };
  if (typeof s.title !== 'string' || s.title.trim() === '') bad('empty title');
  if (typeof s.id !== 'string') bad('no id');
  if (file !== null && s.file !== file) bad(`file is ${s.file}, not ${file}`);
  if (typeof s.nudge !== 'number' || !Number.isFinite(s.nudge)) bad(`nudge is ${s.nudge}`);
  const { nodes, inputs, output } = s.graph;
  const seen = new Map<string, (typeof nodes)[number]>();
  for (const node of nodes) {
    if (seen.has(node.name)) bad(`node ${preview(node.name)} appears twice`);
    if (!OPS.has(node.op)) bad(`node ${preview(node.name)} has op ${node.op}`);
    for (const operand of node.inputs) if (!seen.has(operand)) bad(`${preview(operand)} is not before ${preview(node.name)}`);
    const leaf = node.op === 'input' || node.op === 'const';
    if (leaf && (node.inputs.length !== 0 || typeof node.value !== 'number' || !Number.isFinite(node.value))) {
      bad(`leaf ${preview(node.name)} has value ${node.value}`);
    }
    if (!leaf && node.inputs.length !== (['+', '-', '*', '/', '^'].includes(node.op) ? 2 : 1))
      bad(`${node.op} node with ${node.inputs.length} operands`);
    if (!leaf && !node.generated && typeof s.expressions[node.name] !== 'string') bad(`no expression for ${preview(node.name)}`);
    seen.set(node.name, node);
  }
  for (const input of inputs) if (seen.get(input)?.op !== 'input') bad(`input ${preview(input)} is not an input node`);
  if (inputs.length !== nodes.filter((n) => n.op === 'input').length) bad('graph.inputs does not list every input node');
  const out = seen.get(output);
  if (!out || out.op === 'input' || out.op === 'const') bad(`output ${preview(output)} is not an operation node`);
}

/** No NaN or ±Infinity may reach JSON.stringify as a number: it would print null. */
function checkJsonNumbers(root: unknown, where: string): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new FuzzCrash('lesson', `lessonToJson holds the number ${value} for ${where}`);
    if (value !== null && typeof value === 'object') stack.push(...Object.values(value));
  }
}

/** The engine, at any size: forward, backward, the numeric check and the nudge. Every node gets a value, and every node but a constant a gradient. */
function checkEngine(s: Scenario, where: string): void {
  try {
    const trace = backprop(s.graph);
    for (const node of s.graph.nodes) {
      if (typeof trace.values[node.name] !== 'number' || typeof trace.grads[node.name] !== (node.op === 'const' ? 'undefined' : 'number')) {
        throw new FuzzCrash(
          'engine',
          `node ${preview(node.name)} has value ${String(trace.values[node.name])} and gradient ${String(trace.grads[node.name])} for ${where}`,
        );
      }
    }
    if (trace.grads[s.graph.output] !== 1)
      throw new FuzzCrash('engine', `the output's gradient is ${trace.grads[s.graph.output]}, not 1, for ${where}`);
    // numericCheck runs two forward passes per input: inputs × nodes work (3,000 inputs take 8 s). Reported; not fuzzed at that size.
    if (s.graph.inputs.length * s.graph.nodes.length <= 1_000_000) numericCheck(trace);
    nudge(trace, s.nudge);
  } catch (error) {
    if (error instanceof FuzzCrash) throw error;
    throw new FuzzCrash('engine', `the engine threw for ${where}`, error);
  }
}

/** The pipeline behind `show --json`. */
function checkLesson(s: Scenario, where: string): void {
  if (s.graph.nodes.length > LESSON_MAX_NODES) return;
  let json: object;
  try {
    json = lessonToJson(buildLesson(s));
    JSON.stringify(json);
  } catch (error) {
    throw new FuzzCrash('lesson', `buildLesson/lessonToJson threw for ${where}`, error);
  }
  checkJsonNumbers(json, where);
}

function classify(
  run: () => Scenario,
  file: string | null,
  expectFile: (f: string) => boolean,
  lines: string[] | null,
  where: string,
): Outcome {
  let scenario: Scenario;
  try {
    scenario = run();
  } catch (error) {
    if (error instanceof FuzzCrash) throw error;
    if (!(error instanceof ScenarioError)) {
      const what = error instanceof Error ? error.name : typeof error;
      throw new FuzzCrash('load', `threw ${what}, not a ScenarioError, for ${where}`, error);
    }
    checkError(error, expectFile, lines, where);
    return 'error';
  }
  checkScenario(scenario, file, where);
  checkEngine(scenario, where);
  checkLesson(scenario, where);
  return 'valid';
}

let tempDir: string | null = null;
let tempCount = 0;

/** One directory per process for the byte inputs; removed by removeTempFiles, or at exit. */
function tempFile(name: string): string {
  if (tempDir === null) {
    tempDir = mkdtempSync(join(tmpdir(), 'grad-tutor-fuzz-'));
    process.once('exit', removeTempFiles);
  }
  return join(tempDir, `${tempCount++ % 16}-${name}`);
}

/** Removes the files the byte inputs were written to (a test runner may end its worker without an `exit` event). */
export function removeTempFiles(): void {
  if (tempDir !== null) rmSync(tempDir, { recursive: true, force: true });
  tempDir = null;
}

/**
 * Text goes through parseScenario; bytes are written to a file and go through
 * loadScenarioFile, as `grad-tutor check` reads them.
 */
export function checkOutcome(input: string | Uint8Array, file = 'fuzz.yaml'): Outcome {
  if (typeof input === 'string') {
    return classify(
      () => parseScenario(input, file),
      file,
      (f) => f === file,
      linesOf(input),
      `text ${preview(input)}`,
    );
  }
  const path = tempFile(file);
  writeFileSync(path, input);
  let lines: string[] | null;
  try {
    lines = input.includes(0) ? [] : linesOf(new TextDecoder('utf-8', { fatal: true }).decode(input));
  } catch {
    lines = []; // not UTF-8: the only right answer is an error at 1:1
  }
  const where = `bytes ${preview(Buffer.from(input).toString('latin1'))}`;
  return classify(
    () => loadScenarioFile(path),
    path,
    (f) => f === path,
    lines,
    where,
  );
}

/** parseExpression returns an Expr whose spans lie in the text, or throws ExprSyntaxError at an offset in it. */
export function checkExpression(source: string): Outcome {
  const where = `expression ${preview(source)}`;
  let expr: Expr;
  try {
    expr = parseExpression(source);
  } catch (error) {
    if (!(error instanceof ExprSyntaxError)) {
      throw new FuzzCrash('expression', `parseExpression threw ${error instanceof Error ? error.name : typeof error} for ${where}`, error);
    }
    if (!Number.isInteger(error.offset) || error.offset < 0 || error.offset > source.length) {
      throw new FuzzCrash('expression', `offset ${error.offset} outside 0..${source.length} for ${where}`);
    }
    if (error.problem.trim() === '' || error.fix.trim() === '') throw new FuzzCrash('expression', `empty problem or fix for ${where}`);
    return 'error';
  }
  const stack: Expr[] = [expr];
  while (stack.length > 0) {
    const e = stack.pop() as Expr;
    if (e.offset < 0 || e.length < 1 || e.offset + e.length > source.length) {
      throw new FuzzCrash('expression', `span ${e.offset}+${e.length} of a ${e.kind} outside the text for ${where}`);
    }
    if (e.kind === 'number' && !Number.isFinite(e.value))
      throw new FuzzCrash('expression', `number ${e.text} parsed to ${e.value} for ${where}`);
    if (e.kind === 'neg') stack.push(e.operand);
    if (e.kind === 'binary') stack.push(e.left, e.right);
    if (e.kind === 'call') stack.push(e.arg);
  }
  return 'valid';
}

const TYPED_FILES = { options: ['--expr', '--set'], prompt: ['your graph', 'your values'] } as const;

/** A graph typed at the prompt or with --expr/--set: a scenario, or an error on line 1 within the typed text. */
export function checkTyped(typed: string, sets: string[], mode: 'options' | 'prompt'): Outcome {
  const files: readonly string[] = TYPED_FILES[mode];
  const where = `typed ${preview(typed)} with ${preview(JSON.stringify(sets))} (${mode})`;
  return classify(
    () => scenarioFromTyped(typed, sets, mode),
    null,
    (f) => files.includes(f),
    [typed],
    where,
  );
}

// ───────────────────────────── cases ─────────────────────────────

export type Case =
  | { kind: 'text'; file: string; text: string }
  | { kind: 'bytes'; file: string; bytes: Uint8Array }
  | { kind: 'expr'; source: string }
  | { kind: 'typed'; typed: string; sets: string[]; mode: 'options' | 'prompt' };

export function checkCase(c: Case): Outcome {
  switch (c.kind) {
    case 'text':
      return checkOutcome(c.text, c.file);
    case 'bytes':
      return checkOutcome(c.bytes, c.file);
    case 'expr': {
      checkExpression(c.source);
      // The same text as a node's expression, with every name it uses as an input.
      return checkOutcome(scenarioAround(c.source), 'expr.yaml');
    }
    case 'typed':
      return checkTyped(c.typed, c.sets, c.mode);
  }
}

/** A scenario whose one node is `source` (double-quoted, so any character survives), over the names it uses. */
export function scenarioAround(source: string): string {
  const names = [...new Set(source.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [])].filter((n) => !(FUNCTIONS as readonly string[]).includes(n));
  const inputs = names.length === 0 ? '  q: 1\n' : names.map((n, k) => `  ${n}: ${(k % 5) - 2 + 0.5}\n`).join('');
  return `title: Fuzzed\ninputs:\n${inputs}nodes:\n  fuzzed_node: ${JSON.stringify(source)}\n`;
}

// ───────────────────────────── the bundled files ─────────────────────────────

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every bundled scenario and good fixture, as text: the seeds that mutations start from. */
export const BUNDLED: { file: string; text: string }[] = [
  ...readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(join(ROOT, 'scenarios', f), 'utf8') })),
  ...readdirSync(join(ROOT, 'test/fixtures/good'))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(join(ROOT, 'test/fixtures/good', f), 'utf8') })),
];

// ───────────────────────────── arbitraries: names and numbers ─────────────────────────────

const PLAIN_INPUTS = ['a', 'b', 'c', 'd', 'x', 'x1', 'x2', 'w1', 'w2', 'b1', 'h', 'k'];
const PLAIN_NODES = ['n', 'o', 'z', 'y', 'e1', 'h1', 'h2', 'out', 'L', 'sum_', 'p'];
/** Names that are valid identifiers but collide with something: functions, Object.prototype, YAML words. */
const TRICKY_NAMES = [
  'tanh',
  'exp',
  'log',
  'relu',
  'sigmoid',
  'sin',
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'prototype',
  'NaN',
  'Infinity',
  'undefined',
  'null',
  'true',
  'false',
  'yes',
  'no',
  'on',
  'e',
  'E',
  'e5',
  '_',
  '__',
  'title',
  'inputs',
  'nodes',
  'output',
  'A',
  'Z',
];
/** Names a scenario may not use. */
const INVALID_NAMES = [
  '2x',
  'a-b',
  'a b',
  'a.b',
  'é',
  'λ',
  'x²',
  '−a',
  '',
  '#',
  '-',
  '1',
  '0.5',
  'a:b',
  'a\tb',
  'x\u200b',
  '🙂',
  'a\\b',
  '"',
  "'",
  '*a',
  '&a',
  '!a',
  '[a]',
  '{a}',
  '? a',
  '- a',
  '%a',
  '@a',
  '`a`',
  'a|b',
  'a>b',
];

export const plainName: fc.Arbitrary<string> = fc.constantFrom(...PLAIN_INPUTS, ...PLAIN_NODES);
export const longName: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 64, max: 2_000 }), fc.constantFrom('a', 'q', 'x_'), fc.constantFrom('', 'b', '1', '_'))
  .map(([n, unit, tail]) => unit.repeat(Math.ceil(n / unit.length)) + tail);
export const unicodeName: fc.Arbitrary<string> = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 });
export const identifierish: fc.Arbitrary<string> = fc.string({ unit: fc.constantFrom(...'abxyzAB_019'), minLength: 1, maxLength: 10 });

/** Mostly ordinary names, sometimes tricky, invalid, long or foreign ones. */
export const anyName: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: plainName, weight: 12 },
  { arbitrary: fc.constantFrom(...TRICKY_NAMES), weight: 3 },
  { arbitrary: fc.constantFrom(...INVALID_NAMES), weight: 2 },
  { arbitrary: identifierish, weight: 3 },
  { arbitrary: longName, weight: 1 },
  { arbitrary: unicodeName, weight: 1 },
);

/** Numbers as they could be written in an expression: ordinary, huge, tiny, too large, underflowing. */
export const exprNumber: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom('0', '1', '2', '3', '0.5', '.5', '5.', '1e-3', '1E3', '10', '100', '0.001'), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      '1e308',
      '1.7976931348623157e308',
      '1e309',
      '5e-324',
      '4.9e-324',
      '1e-400',
      '2.2250738585072014e-308',
      '0.0',
      '00',
      '007',
      '9007199254740993',
      '123456789012345678901234567890',
      '1' + '0'.repeat(400),
      '0.' + '0'.repeat(400) + '1',
      '1e+308',
      '1e-0',
      '1e00000000000000000000000308',
    ),
    weight: 3,
  },
  { arbitrary: fc.double({ min: 0, max: 1e300, noNaN: true }).map((x) => String(x)), weight: 2 },
  { arbitrary: fc.nat().map(String), weight: 2 },
);

/** Values for `inputs:` and `nudge:` as YAML would see them, including what YAML reads as something else. */
export const yamlNumber: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom('3', '-5', '2', '0', '1', '0.5', '-0.25', '0.01', '-0.05', '6.8813735870195432'), weight: 10 },
  {
    arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((x) => (Object.is(x, -0) ? '-0' : String(x))),
    weight: 4,
  },
  {
    arbitrary: fc.constantFrom(
      '1e308',
      '-1e308',
      '1.7976931348623157e308',
      '1e309',
      '-1e309',
      '5e-324',
      '-5e-324',
      '1e-400',
      '-0',
      '-0.0',
      '+1',
      '0x1F',
      '0o17',
      '0b101',
      '1_000',
      '.inf',
      '-.inf',
      '.nan',
      '.NaN',
      'NaN',
      'Infinity',
      '~',
      'null',
      'true',
      'yes',
      '"3"',
      "'3'",
      '3 # comment',
      '[3]',
      '{a: 3}',
      '1e',
      '1..2',
      '12:30',
      '2001-12-14',
      '!!str 3',
      '!!float 3',
      '!!int 3.5',
      '!!binary aGk=',
      '&n 3',
      '*n',
      '',
      '- 3',
      '|\n    3',
      '0x',
      '1e400',
      '9'.repeat(400),
      '3 4',
      '3,4',
      '3.',
      '.3',
      '1E+2',
      '!!null',
      '!!bool yes',
    ),
    weight: 4,
  },
);

/** A position as a fraction, so it fits a text of any length. */
const fraction = () => fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const spacing = fc.constantFrom('', ' ', ' ', '  ', '\t');

// ───────────────────────────── arbitraries: expressions ─────────────────────────────

/** A well-formed expression over `names`, written with random spacing, `**` or `^`, and extra parentheses. */
export function expression(names: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const { node } = fc.letrec<{ node: string; leaf: string; neg: string; bin: string; call: string; paren: string }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('bin'), tie('neg'), tie('call'), tie('paren')),
    leaf: fc.oneof({ arbitrary: names, weight: 3 }, { arbitrary: exprNumber, weight: 1 }),
    neg: fc.tuple(spacing, tie('node')).map(([sp, e]) => `-${sp}${e}`),
    bin: fc
      .tuple(tie('node'), spacing, fc.constantFrom('+', '-', '*', '/', '^', '**'), spacing, tie('node'))
      .map(([l, s1, op, s2, r]) => `${l}${s1}${op}${s2}${r}`),
    call: fc.tuple(fc.constantFrom(...FUNCTIONS), spacing, tie('node')).map(([f, sp, e]) => `${f}${sp}(${e})`),
    paren: fc.tuple(spacing, tie('node'), spacing).map(([s1, e, s2]) => `(${s1}${e}${s2})`),
  }));
  return node;
}

/** An expression whose top is an operation (a bare name or number is no node), so that more of them load. */
export function operation(names: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const e = expression(names);
  return fc.oneof(
    fc.tuple(e, spacing, fc.constantFrom('+', '-', '*', '/', '^', '**'), spacing, e).map(([l, s1, op, s2, r]) => `${l}${s1}${op}${s2}${r}`),
    fc.tuple(fc.constantFrom(...FUNCTIONS), e).map(([f, x]) => `${f}(${x})`),
    e,
  );
}

/** Characters that break expressions in interesting ways. */
const JUNK = [
  ' ',
  '(',
  ')',
  ',',
  '=',
  '==',
  '−',
  '–',
  '×',
  '·',
  '÷',
  '²',
  '³',
  '$',
  '.',
  'e',
  'E',
  '#',
  ':',
  ': ',
  '\t',
  '\u00a0',
  '🙂',
  '\u0000',
  '\\',
  '"',
  "'",
  '\n',
  '\r\n',
  '\r',
  '\u2028',
  '\uFEFF',
  '\u200b',
  'sin(',
  'tanh',
  'exp(',
  '**',
  '***',
  '^',
  '-',
  '+',
  '*',
  '/',
  '[',
  ']',
  '{',
  '}',
  '&',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  'é',
  '\uD800',
  '\uDC00',
  '\u0301',
  '1e',
  '.5.',
  'NaN',
  'Infinity',
];

/** An edit somewhere in a string: positions are fractions so they fit any length. */
export const textEdit = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    text: fc.oneof(fc.constantFrom(...JUNK), fc.string({ unit: 'binary', maxLength: 3 })),
  }),
  fc.record({
    op: fc.constant('delete' as const),
    at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    length: fc.integer({ min: 1, max: 4 }),
  }),
);
export type TextEdit = typeof textEdit extends fc.Arbitrary<infer T> ? T : never;

export function applyTextEdit(text: string, edit: TextEdit): string {
  const at = Math.floor(edit.at * (text.length + 1));
  return edit.op === 'insert' ? text.slice(0, at) + edit.text + text.slice(at) : text.slice(0, at) + text.slice(at + edit.length);
}

/** Random expressions: well-formed ones, and the same with a few characters inserted or deleted. */
export const expressionCase: fc.Arbitrary<Case> = fc
  .tuple(expression(fc.oneof({ arbitrary: plainName, weight: 8 }, { arbitrary: anyName, weight: 1 })), fc.array(textEdit, { maxLength: 3 }))
  .map(([source, edits]) => ({ kind: 'expr', source: edits.reduce(applyTextEdit, source) }));

const DEEP_SHAPES = [
  'paren',
  'neg',
  'call',
  'pow',
  'starpow',
  'sum',
  'product',
  'negparen',
  'callneg',
  'negpow',
  'unclosed',
  'unopened',
] as const;
export const DEEP_DEPTHS = [1, 2, 50, 199, 200, 201, 1_000, 5_000, 10_000] as const;

/** `(((a)))`, `---a`, `tanh(tanh(a))`, `a^a^a`… at depths up to 10,000. */
export function deepExpression(shape: (typeof DEEP_SHAPES)[number], depth: number, leaf: string): string {
  const times = (s: string) => s.repeat(depth);
  switch (shape) {
    case 'paren':
      return `${times('(')}${leaf}${times(')')}`;
    case 'neg':
      return `${times('-')}${leaf}`;
    case 'call':
      return `${times('tanh(')}${leaf}${times(')')}`;
    case 'pow':
      return Array.from({ length: depth + 1 }, () => leaf).join('^');
    case 'starpow':
      return Array.from({ length: depth + 1 }, () => leaf).join(' ** -');
    case 'sum':
      return Array.from({ length: depth + 1 }, () => leaf).join(' + ');
    case 'product':
      return Array.from({ length: depth + 1 }, () => leaf).join('*');
    case 'negparen':
      return `${times('-(')}${leaf}${times(')')}`;
    case 'callneg':
      return `${times('exp(-')}${leaf}${times(')')}`;
    case 'negpow':
      return `${times(`-${leaf}^`)}${leaf}`;
    case 'unclosed':
      return `${times('(')}${leaf}`;
    case 'unopened':
      return `${leaf}${times(')')}`;
  }
}

/** Deep nesting and long chains, as a bare expression, a node in a file, and a typed graph. */
export const deepCase: fc.Arbitrary<Case> = fc
  .record({
    shape: fc.constantFrom(...DEEP_SHAPES),
    depth: fc.constantFrom(...DEEP_DEPTHS),
    leaf: fc.constantFrom('a', '2', '1e308', '5e-324', '0', 'x1'),
    as: fc.constantFrom('expr', 'file', 'typed'),
  })
  .map(({ shape, depth, leaf, as }): Case => {
    const source = deepExpression(shape, depth, leaf);
    if (as === 'expr') return { kind: 'expr', source };
    if (as === 'typed') return { kind: 'typed', typed: `z = ${source}`, sets: /[a-z]/.test(leaf) ? [`${leaf}=0.5`] : [], mode: 'options' };
    return { kind: 'text', file: 'deep.yaml', text: `title: Deep\ninputs:\n  a: 0.5\n  x1: 2\nnodes:\n  z: ${source}\n` };
  });

// ───────────────────────────── arbitraries: documents from a grammar ─────────────────────────────

const TAME_SENTENCES = ['A sum', 'A neuron', 'Two paths', 'z = (a + b) * d', 'Déjà vu — ünïcode ✓', 'x²', "it's", 'tanh squashes', '∂z/∂a'];
const sentence = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      ...TAME_SENTENCES,
      'a: b',
      'a # b',
      '- list',
      '*star',
      '&amp',
      '!bang',
      '[x]',
      '{x}',
      '? q',
      '%p',
      '@at',
      '`t`',
      '|',
      '>',
    ),
    weight: 4,
  },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
);

/** A scalar written the ways YAML allows, plus things that are not scalars. */
function yamlValue(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: text, weight: 8 },
    { arbitrary: text.map((t) => JSON.stringify(t)), weight: 2 },
    { arbitrary: text.map((t) => `'${t.replace(/'/g, "''")}'`), weight: 1 },
    { arbitrary: text.map((t) => `|\n    ${t}`), weight: 1 },
    { arbitrary: text.map((t) => `>-\n    ${t}\n    ${t}`), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        '',
        '~',
        'null',
        '[]',
        '{}',
        '[a, b]',
        '{a: 1}',
        '- a',
        '*x',
        '&x',
        '&x text',
        '!!binary aGk=',
        '!!set {a, b}',
        '!!omap [a: 1]',
        '!!timestamp 2001-12-14',
        '!foo bar',
        '!!str',
        '"unclosed',
        "'unclosed",
        '[unclosed',
        '{unclosed',
        '|',
        '>',
        '|-',
        '|+',
        '|2',
        '? a',
        '@',
        '`',
        '%',
        '&x [*x]',
        '3',
        '.nan',
        'true',
        '12:30:00',
      ),
      weight: 2,
    },
  );
}

/** A plain YAML scalar that YAML reads back as the same text. */
const safePlain = (text: string): boolean => /^[^-?:,[\]{}#&*!|>'"%@`\s]/.test(text) && !/: |\s#|[\s:]$|\t|[\n\r]/.test(text);

interface DocSpec {
  inputs: { name: string; value: string }[];
  nodes: { name: string; expr: string }[];
}

const TAME_NUMBERS = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      '3',
      '-5',
      '2',
      '0',
      '1',
      '0.5',
      '-0.25',
      '0.01',
      '-0.05',
      '6.8813735870195432',
      '1e308',
      '5e-324',
      '-0',
      '1e-3',
    ),
    weight: 3,
  },
  {
    arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((x) => (Object.is(x, -0) ? '-0' : String(x))),
    weight: 1,
  },
);

/**
 * Inputs and nodes that mostly make sense together. Tame: each node's expression
 * uses the inputs and the nodes before it, so most documents are valid scenarios.
 * Wild: any name anywhere (forward references, cycles, unknown and invalid names).
 */
function docBody(tame: boolean): fc.Arbitrary<DocSpec> {
  const inputName = tame
    ? fc.constantFrom(...PLAIN_INPUTS)
    : fc.oneof({ arbitrary: fc.constantFrom(...PLAIN_INPUTS), weight: 10 }, { arbitrary: anyName, weight: 1 });
  const nodeName = tame
    ? fc.constantFrom(...PLAIN_NODES)
    : fc.oneof({ arbitrary: fc.constantFrom(...PLAIN_NODES), weight: 10 }, { arbitrary: anyName, weight: 1 });
  return fc
    .tuple(
      fc.uniqueArray(inputName, { minLength: tame ? 1 : 0, maxLength: 5 }),
      fc.uniqueArray(nodeName, { minLength: tame ? 1 : 0, maxLength: 5 }),
    )
    .chain(([inputNames, nodeNames]) => {
      const usable = (j: number) => {
        const known = [...inputNames, ...nodeNames.slice(0, j)];
        if (tame) return known.length > 0 ? fc.constantFrom(...known) : plainName;
        return fc.oneof(
          { arbitrary: known.length > 0 ? fc.constantFrom(...known) : plainName, weight: 8 },
          { arbitrary: nodeNames.length > 0 ? fc.constantFrom(...nodeNames) : plainName, weight: 2 },
          { arbitrary: anyName, weight: 1 },
        );
      };
      return fc.record({
        inputs: fc.tuple(...inputNames.map((name) => (tame ? TAME_NUMBERS : yamlNumber).map((value) => ({ name, value })))),
        nodes: fc.tuple(...nodeNames.map((name, j) => (tame ? operation : expression)(usable(j)).map((expr) => ({ name, expr })))),
      });
    });
}

const KEY_VARIANTS: Record<string, string[]> = {
  title: ['title', 'Title', 'titel', '"title"', "'title'", '? title\n'],
  description: ['description', 'desc', 'Description'],
  inputs: ['inputs', 'input', '"inputs"'],
  nodes: ['nodes', 'node', 'Nodes'],
  output: ['output', 'out'],
  nudge: ['nudge', 'rate'],
  notes: ['notes', 'note'],
};
const ALL_KEYS = ['title', 'description', 'inputs', 'nodes', 'output', 'nudge', 'notes'];

/** How a mapping entry is written: its key plain or quoted, the value plain, quoted or as a block. */
const entryStyle = fc.constantFrom('plain', 'plain', 'plain', 'plain', 'dquote', 'squote', 'block', 'keyquote', 'flow-ish');

function entry(indent: string, name: string, value: string, style: string): string {
  switch (style) {
    case 'dquote':
      return `${indent}${name}: ${JSON.stringify(value)}`;
    case 'squote':
      return `${indent}${name}: '${value.replace(/'/g, "''")}'`;
    case 'block':
      return `${indent}${name}: |\n${indent}${indent || ' '}${value}`;
    case 'keyquote':
      return `${indent}${JSON.stringify(name)}: ${value}`;
    case 'flow-ish':
      return `${indent}${name}:${value}`;
    default:
      return `${indent}${name}: ${value}`;
  }
}

/** Every key of the scenario format, spelt right, in order, two-space indents: mostly valid scenarios. */
const tameDoc: fc.Arbitrary<string> = fc
  .record({
    body: docBody(true),
    optional: fc.subarray(['description', 'output', 'nudge', 'notes']),
    title: fc.constantFrom(...TAME_SENTENCES),
    description: fc.constantFrom(...TAME_SENTENCES, '|\n  Two lines\n  of text.'),
    outputAt: fraction(),
    nudge: TAME_NUMBERS,
    notes: fc.array(fc.tuple(fraction(), fc.constantFrom(...TAME_SENTENCES)), { maxLength: 2 }),
    quote: fc.constantFrom('auto', 'auto', 'dquote', 'squote', 'block'),
    crlf: fc.constantFrom(false, false, false, true),
    bom: fc.constantFrom(false, false, false, false, true),
    comment: fc.constantFrom(null, null, '# a scenario', '  # an indented comment'),
  })
  .map((d) => {
    const nodeNames = d.body.nodes.map((n) => n.name);
    const allNames = [...d.body.inputs.map((i) => i.name), ...nodeNames];
    const pick = (names: string[], f: number) => names[Math.min(names.length - 1, Math.floor(f * names.length))];
    const lines: string[] = [];
    if (d.comment) lines.push(d.comment);
    lines.push(`title: ${d.title.includes(':') || d.title.startsWith("'") ? JSON.stringify(d.title) : d.title}`);
    if (d.optional.includes('description')) lines.push(`description: ${d.description}`);
    lines.push('inputs:', ...d.body.inputs.map((i) => `  ${i.name}: ${i.value}`));
    lines.push('nodes:');
    for (const n of d.body.nodes) {
      const style = d.quote === 'auto' ? (safePlain(n.expr) ? 'plain' : 'dquote') : d.quote;
      lines.push(entry('  ', n.name, n.expr, style));
    }
    if (d.optional.includes('output')) lines.push(`output: ${pick(nodeNames, d.outputAt)}`);
    if (d.optional.includes('nudge')) lines.push(`nudge: ${d.nudge}`);
    if (d.optional.includes('notes')) {
      const notes = new Map(d.notes.map(([f, s]) => [pick(allNames, f), s]));
      lines.push('notes:', ...[...notes].map(([n, s]) => `  ${n}: ${JSON.stringify(s)}`));
    }
    let text = lines.join('\n') + '\n';
    if (d.crlf) text = text.replace(/\n/g, '\r\n');
    return d.bom ? `\uFEFF${text}` : text;
  });

/** The keys in any order, some missing, misspelt, repeated; values of every kind; odd indentation and extra lines. */
const wildDoc: fc.Arbitrary<string> = fc
  .record({
    body: docBody(false),
    keys: fc.shuffledSubarray(ALL_KEYS, { minLength: 0, maxLength: 7 }),
    mostlyOrdered: fc.boolean(),
    keyForm: fc.array(fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat({ max: 5 }), weight: 1 }), {
      minLength: 7,
      maxLength: 7,
    }),
    title: yamlValue(sentence),
    description: yamlValue(sentence),
    output: yamlValue(fc.oneof(plainName, anyName)),
    nudge: yamlNumber,
    notes: fc.array(fc.tuple(fc.oneof(plainName, anyName), sentence), { maxLength: 3 }),
    indent: fc.constantFrom('  ', '  ', '  ', '    ', ' ', '\t', ' \t'),
    styles: fc.array(entryStyle, { minLength: 10, maxLength: 10 }),
    flowInputs: fc.boolean(),
    extra: fc.array(
      fc.tuple(
        fc.constantFrom('extra', 'titl', 'inputs', '', '- x', '#', '---', '...', '%YAML 1.2', '&a b', 'nodes'),
        fc.constantFrom('', '1', 'x', '{}'),
      ),
      { maxLength: 2 },
    ),
    crlf: fc.constantFrom(false, false, false, true),
    bom: fc.constantFrom(false, false, false, false, true),
    trailing: fc.constantFrom('\n', '\n', '', '\n\n', '  \n', '\n# end\n'),
    comment: fc.constantFrom(null, null, null, '# a scenario', '  # indented comment', '#'),
  })
  .map((d) => {
    const wanted = d.mostlyOrdered ? ALL_KEYS.filter((k) => d.keys.includes(k) || ['title', 'inputs', 'nodes'].includes(k)) : d.keys;
    const style = (k: number) => d.styles[k % d.styles.length];
    const lines: string[] = [];
    if (d.comment !== null) lines.push(d.comment);
    wanted.forEach((key, k) => {
      const variants = KEY_VARIANTS[key];
      const head = `${variants[d.keyForm[k] % variants.length]}:`;
      switch (key) {
        case 'inputs':
          if (d.flowInputs) lines.push(`${head} {${d.body.inputs.map((i) => `${i.name}: ${i.value}`).join(', ')}}`);
          else
            lines.push(
              head,
              ...d.body.inputs.map((i, j) =>
                entry(d.indent, i.name, i.value, style(j) === 'block' || style(j) === 'dquote' ? 'plain' : style(j)),
              ),
            );
          break;
        case 'nodes':
          lines.push(head, ...d.body.nodes.map((n, j) => entry(d.indent, n.name, n.expr, style(j + 3))));
          break;
        case 'notes':
          lines.push(head, ...d.notes.map(([n, s], j) => entry(d.indent, n, s, style(j + 6))));
          break;
        case 'nudge':
          lines.push(`${head} ${d.nudge}`);
          break;
        default:
          lines.push(`${head} ${d[key as 'title' | 'description' | 'output']}`);
      }
    });
    for (const [key, value] of d.extra) lines.push(`${key}: ${value}`);
    let text = lines.join('\n') + d.trailing;
    if (d.crlf) text = text.replace(/\r?\n/g, '\r\n');
    return d.bom ? `\uFEFF${text}` : text;
  });

/** Random YAML-ish scenario documents: about half tame (mostly valid), half wild. */
export const grammarDoc: fc.Arbitrary<string> = fc.oneof({ arbitrary: tameDoc, weight: 1 }, { arbitrary: wildDoc, weight: 1 });

export const grammarCase: fc.Arbitrary<Case> = fc
  .tuple(grammarDoc, fc.constantFrom('fuzz.yaml', '03-fuzz.yaml', 'a b/ü.yml', 'x.json'))
  .map(([text, file]) => ({ kind: 'text', file, text }));

// ───────────────────────────── arbitraries: mutated files ─────────────────────────────

export const lineMutation = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), line: fraction() }),
  fc.record({ op: fc.constant('duplicate' as const), line: fraction() }),
  fc.record({ op: fc.constant('swap' as const), line: fraction(), other: fraction() }),
  fc.record({ op: fc.constant('indent' as const), line: fraction(), by: fc.constantFrom(' ', '  ', '\t', '-1') }),
  fc.record({ op: fc.constant('edit' as const), edit: textEdit }),
  fc.record({ op: fc.constant('crlf' as const) }),
  fc.record({ op: fc.constant('bom' as const) }),
  fc.record({ op: fc.constant('tabs' as const) }),
);
export type LineMutation = typeof lineMutation extends fc.Arbitrary<infer T> ? T : never;

export function applyLineMutation(text: string, m: LineMutation): string {
  const lines = text.split('\n');
  const at = (f: number) => Math.min(lines.length - 1, Math.floor(f * lines.length));
  switch (m.op) {
    case 'drop':
      lines.splice(at(m.line), 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(at(m.line), 0, lines[at(m.line)]);
      return lines.join('\n');
    case 'swap': {
      const [i, j] = [at(m.line), at(m.other)];
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 'indent': {
      const i = at(m.line);
      lines[i] = m.by === '-1' ? lines[i].replace(/^ /, '') : m.by + lines[i];
      return lines.join('\n');
    }
    case 'edit':
      return applyTextEdit(text, m.edit);
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bom':
      return `\uFEFF${text}`;
    case 'tabs':
      return text.replace(/^ {2}/gm, '\t');
  }
}

/** Byte-level damage: a flipped bit, an invalid UTF-8 sequence, a NUL, a stray BOM. */
export const byteMutation = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fraction(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('set' as const), at: fraction(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fraction(),
    bytes: fc.constantFrom(
      [0xff],
      [0xfe],
      [0x80],
      [0xc0, 0x80],
      [0xc3],
      [0xe2, 0x82],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf8, 0x88, 0x80, 0x80, 0x80],
      [0x00],
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
      [0x0d],
      [0x09],
      [0xe9],
      [0xc3, 0xa9],
      [0xe2, 0x80, 0xa8],
    ),
  }),
);
export type ByteMutation = typeof byteMutation extends fc.Arbitrary<infer T> ? T : never;

export function applyByteMutation(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  const at = Math.floor(m.at * bytes.length);
  if (m.op === 'insert') {
    const out = new Uint8Array(bytes.length + m.bytes.length);
    out.set(bytes.subarray(0, at), 0);
    out.set(m.bytes, at);
    out.set(bytes.subarray(at), at + m.bytes.length);
    return out;
  }
  if (bytes.length === 0) return bytes;
  const out = Uint8Array.from(bytes);
  const i = Math.min(at, bytes.length - 1);
  out[i] = m.op === 'flip' ? out[i] ^ (1 << m.bit) : m.byte;
  return out;
}

const bundledSeed = fc.constantFrom(...BUNDLED);

/** A bundled file with lines dropped, duplicated, swapped, re-indented, characters inserted or deleted. */
export const mutatedBundledCase: fc.Arbitrary<Case> = fc
  .tuple(bundledSeed, fc.array(lineMutation, { minLength: 1, maxLength: 4 }))
  .map(([seed, ms]) => ({ kind: 'text', file: seed.file, text: ms.reduce(applyLineMutation, seed.text) }));

/** A grammar document mutated the same way: damage to files that were never valid to start with. */
export const mutatedGrammarCase: fc.Arbitrary<Case> = fc
  .tuple(grammarDoc, fc.array(lineMutation, { minLength: 1, maxLength: 3 }))
  .map(([text, ms]) => ({ kind: 'text', file: 'mutated.yaml', text: ms.reduce(applyLineMutation, text) }));

/** Bytes on disk: bundled files with flipped bits and invalid UTF-8, other encodings, and plain noise. */
export const bytesCase: fc.Arbitrary<Case> = fc.oneof(
  {
    arbitrary: fc
      .tuple(bundledSeed, fc.array(lineMutation, { maxLength: 2 }), fc.array(byteMutation, { minLength: 1, maxLength: 3 }))
      .map(([seed, ms, bs]): Case => ({
        kind: 'bytes',
        file: seed.file,
        bytes: bs.reduce(applyByteMutation, new Uint8Array(Buffer.from(ms.reduce(applyLineMutation, seed.text), 'utf8'))),
      })),
    weight: 6,
  },
  {
    arbitrary: fc
      .tuple(bundledSeed, fc.constantFrom('latin1', 'utf16le', 'utf16le-bom', 'utf8-bom', 'ascii-crlf') as fc.Arbitrary<string>)
      .map(([seed, enc]): Case => {
        const text = `${seed.text}\n# é ✓\n`;
        const bytes =
          enc === 'utf16le-bom'
            ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
            : enc === 'utf8-bom'
              ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
              : enc === 'ascii-crlf'
                ? Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')
                : Buffer.from(text, enc as BufferEncoding);
        return { kind: 'bytes', file: `enc-${enc}.yaml`, bytes: new Uint8Array(bytes) };
      }),
    weight: 1,
  },
  { arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes): Case => ({ kind: 'bytes', file: 'noise.yaml', bytes })), weight: 1 },
  {
    arbitrary: grammarDoc.map((text): Case => ({ kind: 'bytes', file: 'grammar.yaml', bytes: new Uint8Array(Buffer.from(text, 'utf8')) })),
    weight: 2,
  },
);

// ───────────────────────────── arbitraries: YAML structure ─────────────────────────────

/** What YAML itself can do to a loader: deep nesting, aliases, tags, several documents, huge lines. */
export const yamlStructureCase: fc.Arbitrary<Case> = fc
  .record({
    kind: fc.constantFrom(
      'block-map',
      'block-seq',
      'flow-seq',
      'flow-map',
      'flow-open',
      'alias-cycle',
      'alias-many',
      'tags',
      'docs',
      'long-line',
      'many-inputs',
      'many-nodes',
      'long-names',
      'complex-key',
      'anchor-input',
      'json',
      'deep-indent-value',
      'dup-keys',
    ),
    depth: fc.constantFrom(1, 10, 100, 1_000, 5_000, 10_000),
    where: fc.constantFrom('title', 'inputs', 'nodes', 'output', 'nudge', 'notes'),
    near: fc.boolean(),
  })
  .map(({ kind, depth, where, near }): Case => {
    const base: Record<string, string> = {
      title: 'T',
      inputs: '\n  a: 1\n  b: 2',
      nodes: '\n  z: a * b',
      output: 'z',
      nudge: '0.01',
      notes: '\n  z: a note',
    };
    const set = (value: string) => {
      base[where] = value;
    };
    const n = Math.min(depth, 3_000);
    switch (kind) {
      case 'block-map':
        set('\n' + Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n') + ' 1');
        break;
      case 'block-seq':
        set('\n' + Array.from({ length: n }, (_, i) => `${' '.repeat(2 * i + 1)}- `).join('\n') + '1');
        break;
      case 'flow-seq':
        set(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
        break;
      case 'flow-map':
        set(`${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`);
        break;
      case 'flow-open':
        set(`${'['.repeat(depth)}1`);
        break;
      case 'alias-cycle':
        set('&x [*x, *x]');
        break;
      case 'alias-many': {
        const levels = Math.min(12, Math.max(2, Math.round(Math.log2(depth + 1))));
        const doc = Array.from({ length: levels }, (_, i) => (i === 0 ? '&l0 [a, a]' : `&l${i} [*l${i - 1}, *l${i - 1}]`));
        return {
          kind: 'text',
          file: 'laughs.yaml',
          text: `title: T\nlaughs:\n${doc.map((d, i) => `  k${i}: ${d}`).join('\n')}\ninputs:\n  a: 1\nnodes:\n  z: a * 2\n`,
        };
      }
      case 'tags':
        set(
          [
            '!!binary aGk=',
            '!!set {a, b}',
            '!!omap [{a: 1}]',
            '!!pairs [{a: 1}]',
            '!!timestamp 2001-12-14',
            '!local x',
            '!<tag:x> y',
            '!!map {}',
            '!!seq []',
            '!!int 0x1F',
          ][depth % 10],
        );
        break;
      case 'docs':
        return {
          kind: 'text',
          file: 'docs.yaml',
          text: `%YAML 1.2\n---\ntitle: T\ninputs:\n  a: 1\nnodes:\n  z: a * 2\n${near ? '...\n' : ''}---\ntitle: U\n`,
        };
      case 'long-line':
        set('x'.repeat(depth * 10));
        break;
      case 'many-inputs':
        base.inputs = '\n' + Array.from({ length: n }, (_, i) => `  i${i}: ${i}`).join('\n');
        base.nodes = `\n  z: ${near ? 'i1' : 'a'} * 2`;
        break;
      case 'many-nodes':
        base.nodes =
          '\n' + Array.from({ length: n }, (_, i) => `  n${i}: ${i === 0 ? 'a' : `n${i - 1}`} + ${near ? `n${n - 1}` : 'b'}`).join('\n');
        break;
      case 'long-names': {
        // A long name and a near miss of it: the "did you mean" search sees both.
        // YAML allows a plain or quoted key of up to 1,024 characters; `? key` has no limit.
        const long = 'a'.repeat(depth);
        base.inputs = depth < 1_000 ? `\n  "${long}": 1\n  b: 2` : `\n  ? ${long}\n  : 1\n  b: 2`;
        base.nodes = `\n  z: ${near ? `${long}b` : long} * b`;
        base.output = near ? `${long}c` : 'z';
        break;
      }
      case 'complex-key':
        return {
          kind: 'text',
          file: 'complex.yaml',
          text: `title: T\ninputs:\n  ? [a, b]\n  : 1\n  ? {c: 1}\n  : 2\nnodes:\n  ? z\n  : a * 2\n`,
        };
      case 'anchor-input':
        return {
          kind: 'text',
          file: 'anchor.yaml',
          text: `title: &t T\ninputs: &i\n  a: &v 1\n  b: *v\nnodes:\n  z: a * b\ndescription: *t\nnotes:\n  z: *${near ? 'i' : 't'}\n`,
        };
      case 'json':
        return {
          kind: 'text',
          file: 'x.json',
          text: JSON.stringify({
            title: 'T',
            inputs: { a: 1, b: near ? '2' : 2 },
            nodes: { z: near ? 3 : 'a*b' },
            nudge: depth > 100 ? null : -0.05,
          }),
        };
      case 'deep-indent-value':
        set(`|\n${' '.repeat(Math.min(depth, 2_000))}text`);
        break;
      case 'dup-keys':
        return { kind: 'text', file: 'dup.yaml', text: `title: T\ntitle: U\ninputs:\n  a: 1\n  a: 2\nnodes:\n  z: a * 2\n  z: a * 3\n` };
    }
    const text =
      Object.entries(base)
        .map(([k, v]) => `${k}:${v.startsWith('\n') ? '' : ' '}${v}`)
        .join('\n') + '\n';
    return { kind: 'text', file: `${kind}.yaml`, text };
  });

// ───────────────────────────── arbitraries: typed graphs ─────────────────────────────

/** `z = expr` with `--set name=value`s (or the prompt's two answers), mostly consistent, sometimes not. */
export const typedCase: fc.Arbitrary<Case> = fc
  .record({
    lhs: fc.oneof(
      { arbitrary: fc.constantFrom('z = ', 'L = ', 'out=', ' y =', ''), weight: 8 },
      { arbitrary: fc.tuple(anyName, fc.constantFrom(' = ', '=', ' == ', ' := ')).map(([n, eq]) => `${n}${eq}`), weight: 2 },
      { arbitrary: fc.constantFrom('= ', '==', 'z = z = ', 'tanh = ', 'constructor = ', '__proto__ = '), weight: 1 },
    ),
    expr: fc.oneof(
      {
        arbitrary: operation(fc.oneof({ arbitrary: fc.constantFrom('a', 'b', 'c', 'x'), weight: 40 }, { arbitrary: anyName, weight: 1 })),
        weight: 4,
      },
      {
        arbitrary: expression(fc.oneof({ arbitrary: fc.constantFrom('a', 'b', 'c', 'x'), weight: 40 }, { arbitrary: anyName, weight: 1 })),
        weight: 1,
      },
    ),
    edits: fc.oneof(
      { arbitrary: fc.constant<TextEdit[]>([]), weight: 3 },
      { arbitrary: fc.array(textEdit, { minLength: 1, maxLength: 2 }), weight: 1 },
    ),
    values: fc.array(fc.oneof({ arbitrary: TAME_NUMBERS, weight: 4 }, { arbitrary: yamlNumber, weight: 1 }), {
      minLength: 4,
      maxLength: 4,
    }),
    extra: fc.oneof(
      { arbitrary: fc.constant<string[]>([]), weight: 3 },
      {
        arbitrary: fc.array(
          fc.oneof(
            fc.constantFrom('a=1', 'a = 2', 'q=1', 'a=', '=3', 'a=b', 'a==1', 'a=1e309', 'a=-0', 'a=5e-324', ' a=1 ', 'a=1 2'),
            fc.string({ maxLength: 8 }),
          ),
          { minLength: 1, maxLength: 2 },
        ),
        weight: 1,
      },
    ),
    drop: fc.constantFrom(false, false, false, false, true),
    mode: fc.constantFrom('options' as const, 'prompt' as const),
  })
  .map(({ lhs, expr, edits, values, extra, drop, mode }): Case => {
    const typed = lhs + edits.reduce(applyTextEdit, expr);
    const names = ['a', 'b', 'c', 'x'].filter((n) => new RegExp(`\\b${n}\\b`).test(typed));
    const sets = names.slice(drop ? 1 : 0).map((n, k) => `${n}=${values[k]}`);
    return { kind: 'typed', typed, sets: [...sets, ...extra], mode };
  });

// ───────────────────────────── all of them ─────────────────────────────

export interface FuzzTarget {
  name: string;
  arbitrary: fc.Arbitrary<Case>;
  /** Its share of the cases in a run. Deep cases are slow (a 10,000-deep expression takes tens of ms), so fewer. */
  weight: number;
}

export const TARGETS: FuzzTarget[] = [
  { name: 'mutated bundled files', arbitrary: mutatedBundledCase, weight: 20 },
  { name: 'grammar documents', arbitrary: grammarCase, weight: 20 },
  { name: 'mutated grammar documents', arbitrary: mutatedGrammarCase, weight: 12 },
  { name: 'random expressions', arbitrary: expressionCase, weight: 20 },
  { name: 'bytes through loadScenarioFile', arbitrary: bytesCase, weight: 10 },
  { name: 'typed graphs', arbitrary: typedCase, weight: 12 },
  { name: 'YAML structure', arbitrary: yamlStructureCase, weight: 3 },
  { name: 'deep nesting and long chains', arbitrary: deepCase, weight: 3 },
];

/** Splits `total` cases over the targets by weight (at least one each). */
export function runsPerTarget(total: number): Map<FuzzTarget, number> {
  const sum = TARGETS.reduce((s, t) => s + t.weight, 0);
  return new Map(TARGETS.map((t) => [t, Math.max(1, Math.round((total * t.weight) / sum))]));
}

/** A short, readable description of a case for a crash report. */
export function describeCase(c: Case, max = 2_000): string {
  const shown = c.kind === 'bytes' ? { ...c, bytes: `<${c.bytes.length} bytes> ${Buffer.from(c.bytes).toString('base64')}` } : c;
  const json = JSON.stringify(shown);
  return json.length <= max ? json : `${json.slice(0, max)}… (${json.length} chars in all)`;
}
