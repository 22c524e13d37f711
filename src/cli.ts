import { parseArgs } from 'node:util';
import { existsSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { bundledScenarios, resolveScenario } from './catalog.js';
import {
  loadScenarioFile,
  refusalAt,
  scenarioFromBytes,
  scenarioFromTyped,
  ScenarioError,
  tooLargeToTeach,
  type Scenario,
} from './scenario/index.js';
import { readPiped } from './io/read-file.js';
import { inCourse, lessonKey, tooLargeForTheTutor, type LessonRef } from './course.js';
import { EMPTY, loadProgress, NOWHERE, progressPath } from './progress/index.js';
import { buildLesson, lessonJsonPieces, lessonToText } from './lesson/index.js';
import { themeFrom } from './ui/theme.js';
import { backprop } from './engine/index.js';
import { visible, visibleLine } from './io/visible.js';
import { layoutGraph, toDot, toMermaid, tooLargeToDraw, tooLargeToLayOut } from './layout/index.js';
import { exportLesson, isExportFormat } from './export/index.js';
import { quizHandout } from './export/markdown.js';
import { writeAnswerKey } from './export/answers-file.js';
import { BadClock, localDay, now } from './io/clock.js';
import { skillRows, skillTable } from './mastery/index.js';
import { practiceCommand, seedOf, wholeNumber } from './practice/command.js';
import { drawWithin, TooNarrow } from './layout/bands.js';
import type { RunOptions } from './ui/run.js';
import { SKILLS } from './practice/index.js';
import { codeCommand } from './code/command.js';

declare const GRAD_TUTOR_VERSION: string | undefined;

/** A mistake in how the command was typed: one sentence, exit 2. */
export class UsageError extends Error {}

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export const HELP = `grad-tutor — the chain rule as backpropagation uses it, one step at a time

Usage
  grad-tutor                       the menu of lessons, or where you left off
  grad-tutor <scenario>            open one lesson (a bundled id or a file)
  grad-tutor --expr "z = (a + b) * b" --set a=3 --set b=-5
                                   open a graph you type (works with show and
                                   graph too)
  grad-tutor list [--json]         the bundled lessons: id and title
  grad-tutor show <scenario> [--json]
                                   every step as plain text (or a JSON document)
  grad-tutor graph <scenario> [--format text|dot|mermaid] [--width N]
                                   the graph after the backward pass, drawn in N
                                   columns (terminal's or 80; too few: exit 2)
  grad-tutor check <file>...       validate scenario files: "ok" per file the
                                   other commands take (/dev/stdin: from a pipe)
  grad-tutor export <scenario> --format pytorch|python|markdown
                                   the lesson as a runnable script or a handout
  grad-tutor export <scenario> --format markdown --quiz [--answers FILE]
                                   a handout of questions, then the answer key
                                   (in FILE with --answers)
  grad-tutor practice [SKILL]      a round of fresh problems: due reviews first
  grad-tutor practice --skills     the skills practice trains: id, then title
  grad-tutor practice --json | --format markdown [--skill S] [--count N]
                      [--seed K]   the problems as one JSON array, or a
                                   worksheet with its answer key at the end
  grad-tutor test [--seed K]       a self-test of 12 questions; its score kept
  grad-tutor progress [--json]     your progress; each skill's streak and review
  grad-tutor reset [--yes]         delete your progress (asks first)
  grad-tutor code init|check|watch DIR  write micrograd yourself (code --help)
  grad-tutor --help | --version

Options
  --json          machine-readable output for list, show, practice and progress
  --format F      graph: text (the default), dot, mermaid; others: see above
  --quiz          predict mode: answer each question before the step tells it
                  (show, or no terminal: each question before its answer)
  --answers FILE  a handout's or a worksheet's answer key in FILE, the questions
                  alone on stdout (FILE must not be where stdout goes)
  --skill S       practice: one skill (--skills lists them); --count N: 1-200;
                  --seed K: the same problems again (default: from the clock)
  --expr E        a graph to open instead of a scenario: "name = expression"
  --set N=V       a value for a name in --expr (once per name)
  -y, --yes       for reset: do not ask
  --no-color      no colour (so does the NO_COLOR environment variable)
  -h, --help      this help
  -v, --version   the version

GRAD_TUTOR_NOW=2026-12-24 (an ISO date, or a date-time such as
2026-12-24T09:30) sets the tutor's clock: what is due, and which day it is.

Without a terminal on stdin and stdout, "grad-tutor" prints the list and
"grad-tutor <scenario>" prints what "show" prints.

A scenario asking for too much (over 100,000 nodes, 1,000 steps or 1,000
examples, or too much together) is refused up front; the README lists limits.

Exit codes: 0 success, 2 bad usage or a bad scenario file (the message names
the file, line and column), 1 anything unexpected.
`;

function version(): string {
  if (typeof GRAD_TUTOR_VERSION === 'string') return GRAD_TUTOR_VERSION;
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Where a scenario piped in is read from: `cat f.yaml | grad-tutor check /dev/stdin`. */
const STDIN = '/dev/stdin';

/** Reads a scenario file by its path; /dev/stdin gives what was piped in, read before the command ran. */
type Read = (path: string) => Scenario;

function loadScenario(idOrPath: string, read: Read): Scenario {
  const file = resolveScenario(idOrPath);
  if (!existsSync(file)) {
    const ids = bundledScenarios()
      .map((e) => e.id)
      .join(', ');
    throw new UsageError(
      `no scenario "${idOrPath}": it is neither a bundled id (${ids}) nor a file — run "grad-tutor list" to see the ids.`,
    );
  }
  // A bundled lesson knows its place in the course: its summary names the next one.
  return inCourse(read(file), file);
}

function listCommand(io: Io, json: boolean): void {
  const entries = bundledScenarios().map((entry) => ({ ...entry, title: loadScenarioFile(entry.file).title }));
  if (json) {
    io.stdout.write(
      JSON.stringify(
        entries.map(({ id, title, file }) => ({ id, title, file })),
        null,
        2,
      ) + '\n',
    );
    return;
  }
  const width = entries.reduce((widest, e) => Math.max(widest, e.id.length), 0);
  for (const e of entries) io.stdout.write(`${visibleLine(e.id.padEnd(width))}  ${visibleLine(e.title)}\n`);
}

function showCommand(io: Io, scenario: Scenario, json: boolean, quiz = false): void {
  const lesson = buildLesson(scenario);
  // Scenario text is untrusted: a title could hold an escape sequence. JSON keeps it exact (and escaped).
  if (!json) return void io.stdout.write(visible(lessonToText(lesson, { quiz })));
  // Piece by piece: the document of 100,000 nodes as one string took gigabytes.
  for (const piece of lessonJsonPieces(lesson)) io.stdout.write(piece);
  io.stdout.write('\n');
}

const FORMATS = ['text', 'dot', 'mermaid'] as const;

/** The most columns --width takes: wider than any terminal, and the bands' arithmetic stays small. */
const MAX_WIDTH = 100_000;

/** The columns `graph` draws in: --width N, else the terminal's, else 80 (a pipe, a file). */
function widthOf(io: Io, given: string | undefined): number {
  if (given !== undefined) return wholeNumber('width', given, [1, MAX_WIDTH, '80'], (m) => new UsageError(m));
  return io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80;
}

function graphCommand(io: Io, scenario: Scenario, format: string, width: number): void {
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" — use --format text, dot or mermaid.`);
  }
  const { graph } = scenario;
  const { values, grads } = backprop(graph);
  if (format === 'dot') io.stdout.write(visible(toDot(graph, values, grads)));
  else if (format === 'mermaid') io.stdout.write(visible(toMermaid(graph, values, grads)));
  else {
    // Refused from its layers when it can be, before the layout takes the time and memory; then from the layout.
    const refused = tooLargeToLayOut(graph, true);
    if (refused) throw new UsageError(`${scenario.file}: ${refused} — use --format dot or --format mermaid for a graph this large.`);
    const layout = layoutGraph(graph);
    const tooLarge = tooLargeToDraw(layout);
    if (tooLarge) throw new UsageError(`${scenario.file}: ${tooLarge} — use --format dot or --format mermaid for a graph this large.`);
    try {
      io.stdout.write(visible(drawWithin(graph, { values, grads }, width, layout)) + '\n');
    } catch (error) {
      if (!(error instanceof TooNarrow)) throw error;
      throw new UsageError(
        `${scenario.file}: its drawing needs at least ${error.needed} columns (a column of boxes, with the lines into it), more than --width ${width} — give --width ${error.needed} or more.`,
      );
    }
  }
}

function checkCommand(io: Io, files: string[], read: Read): number {
  if (files.length === 0) throw new UsageError('check needs at least one file — e.g. "grad-tutor check my-graph.yaml".');
  let bad = 0;
  for (const file of files) {
    try {
      if (!existsSync(file)) throw new UsageError(`${file}: no such file — check the path.`);
      // What the other commands would refuse is not ok: the same limits, the same sentence.
      teachable(read(file));
      io.stdout.write(`ok ${visibleLine(file)}\n`);
    } catch (error) {
      if (!(error instanceof ScenarioError || error instanceof UsageError)) throw error;
      io.stderr.write(`${visibleLine(error.message)}\n`);
      bad++;
    }
  }
  return bad > 0 ? 2 : 0;
}

type Options = { expr?: string; set?: string[] };

/** The scenario a command is about: a positional id or path, or a graph typed with --expr and --set. */
function scenarioFrom(rest: string[], command: string, options: Options, read: Read): Scenario | undefined {
  if (options.expr !== undefined) {
    if (rest.length > 0) throw new UsageError(`give a scenario or --expr, not both — drop "${rest[0]}".`);
    return scenarioFromTyped(options.expr, options.set ?? []);
  }
  if (options.set) throw new UsageError('--set gives values to the names of --expr — add --expr "z = …", or drop --set.');
  if (rest.length > 1) throw new UsageError(`${command} takes one scenario, not ${rest.length} — drop "${rest[1]}".`);
  return rest[0] === undefined ? undefined : loadScenario(rest[0], read);
}

function need(scenario: Scenario | undefined, command: string): Scenario {
  if (!scenario)
    throw new UsageError(
      `${command} needs a scenario — e.g. "grad-tutor ${command} add-then-mul", or --expr; "grad-tutor list" shows the ids.`,
    );
  return teachable(scenario);
}

/** Refused up front, with the limit: the same sentence the tutor gives for its file prompt and a resumed lesson. */
function teachable<S extends Scenario | undefined>(scenario: S): S {
  const refused = scenario && tooLargeToTeach(scenario);
  if (refused) throw new UsageError(visibleLine(refused));
  return scenario;
}

function progressCommand(io: Io, json: boolean, when: Date): void {
  const path = progressPath(io.env);
  if (!path && !json) {
    io.stdout.write(`${NOWHERE.replace(/^grad-tutor: /, '')}\n`);
    return;
  }
  const { progress, warning } = path ? loadProgress(path) : { progress: EMPTY, warning: undefined };
  if (warning) io.stderr.write(`${visibleLine(warning)}\n`);
  // The course is counted against the course: a learner's own files are listed apart.
  const ids = bundledScenarios().map((e) => e.id);
  const course = ids.filter((id) => progress.finished.includes(id));
  const own = progress.finished.filter((key) => !ids.includes(key));
  const skills = skillRows(progress.skills ?? {}, when, SKILLS);
  if (json) {
    const { current, quiz, tests = [] } = progress;
    const summary = { file: path ?? null, now: when.toISOString(), finished: progress.finished, current, quiz, skills, tests };
    io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  io.stdout.write(`${visibleLine(path!)}\n`);
  io.stdout.write(`finished: ${course.length} of ${ids.length} lessons${course.length ? ` (${course.join(', ')})` : ''}\n`);
  if (own.length) io.stdout.write(`finished of your own: ${own.map(visibleLine).join(', ')}\n`);
  if (progress.current) io.stdout.write(`now on: ${visibleLine(lessonKey(progress.current.lesson))}, step ${progress.current.step + 1}\n`);
  for (const [id, { right, asked }] of Object.entries(progress.quiz))
    io.stdout.write(`predict mode, ${visibleLine(id)}: ${right} of ${asked} right\n`);
  if (Object.keys(progress.skills ?? {}).length === 0)
    io.stdout.write('skills: none practised yet ("grad-tutor practice" starts a round)\n');
  else
    io.stdout.write(
      `skills, on ${localDay(when)}:\n${skillTable(skills, 78 /* the two columns of indent */)
        .map((line) => `  ${visibleLine(line)}\n`)
        .join('')}`,
    );
  for (const { when: taken, score, of } of progress.tests ?? [])
    io.stdout.write(`self-test on ${localDay(new Date(taken))}: ${score} of ${of}\n`);
}

async function resetCommand(io: Io, yes: boolean): Promise<number> {
  const path = progressPath(io.env);
  if (!path) {
    io.stdout.write('nothing to reset: HOME is empty and XDG_STATE_HOME is not set, so no progress was ever saved\n');
    return 0;
  }
  const shown = visibleLine(path);
  if (!existsSync(path)) {
    io.stdout.write(`nothing to reset: ${shown} does not exist\n`);
    return 0;
  }
  if (!statSync(path).isFile())
    throw new UsageError(`${shown} is not a file, so reset leaves it alone — remove it yourself if it is yours.`);
  if (!yes) {
    if (!io.stdin.isTTY)
      throw new UsageError(
        'reset asks before it deletes, and there is no terminal to ask in — add --yes to delete your progress without asking.',
      );
    const answer = await ask(io, `Delete your progress in ${shown}? [y/N] `);
    if (answer === undefined || !/^y(es)?$/i.test(answer.trim())) {
      io.stdout.write(answer === undefined ? '\nnothing was deleted\n' : 'kept\n');
      return 0;
    }
  }
  rmSync(path);
  io.stdout.write(`deleted ${shown}\n`);
  return 0;
}

/** One line from the terminal; undefined when the learner cancels with Ctrl+D or Ctrl+C. */
async function ask(io: Io, question: string): Promise<string | undefined> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: io.stdin, output: io.stdout });
  const controller = new AbortController();
  const cancel = () => controller.abort();
  rl.on('SIGINT', cancel);
  rl.on('close', cancel);
  try {
    return await rl.question(question, { signal: controller.signal });
  } catch {
    return undefined;
  } finally {
    rl.off('close', cancel);
    rl.close();
  }
}

/** Which lesson the command line names, as the tutor keeps track of it. */
function lessonNamed(rest: string[], options: Options): LessonRef | undefined {
  if (options.expr !== undefined) return { kind: 'typed', expression: options.expr, values: options.set ?? [] };
  const [named] = rest;
  if (named === undefined) return undefined;
  return bundledScenarios().some((e) => e.id === named) ? { kind: 'bundled', id: named } : { kind: 'file', path: resolvePath(named) };
}

export async function main(argv: string[], io: Io): Promise<number> {
  // `code` has its own options and help page (src/code/).
  if (argv[0] === 'code') return await codeCommand(argv.slice(1), io);
  try {
    const { values, positionals } = parseArgs({
      args: negativeValuesJoined(argv),
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        format: { type: 'string' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        quiz: { type: 'boolean' },
        answers: { type: 'string' },
        expr: { type: 'string' },
        set: { type: 'string', multiple: true },
        yes: { type: 'boolean', short: 'y' },
        skills: { type: 'boolean' },
        skill: { type: 'string' },
        count: { type: 'string' },
        seed: { type: 'string' },
        width: { type: 'string' },
      },
    });
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (values.version) {
      io.stdout.write(`${version()}\n`);
      return 0;
    }
    const json = values.json === true;
    // The one clock, read once, so a bad GRAD_TUTOR_NOW is one sentence here rather than an error deep inside.
    const when = now(io.env);
    const [command] = positionals;
    refuseExtras(command, positionals.slice(1), values);
    // A pipe is read once, before anything else: a stream cannot be read again. A terminal is not waited on.
    const piped = positionals.includes(STDIN) && !io.stdin.isTTY ? await readPiped(io.stdin, refusalAt(STDIN)) : undefined;
    const read: Read = (path) => (path === STDIN && piped ? scenarioFromBytes(piped, path) : loadScenarioFile(path));
    switch (command) {
      case 'list':
        listCommand(io, json);
        return 0;
      case 'show':
        showCommand(io, need(scenarioFrom(positionals.slice(1), command, values, read), 'show'), json, values.quiz === true);
        return 0;
      case 'graph':
        graphCommand(
          io,
          need(scenarioFrom(positionals.slice(1), command, values, read), 'graph'),
          values.format ?? 'text',
          widthOf(io, values.width),
        );
        return 0;
      case 'check':
        return checkCommand(io, positionals.slice(1), read);
      case 'export': {
        const scenario = need(scenarioFrom(positionals.slice(1), command, values, read), 'export');
        const format = values.format;
        if (!isExportFormat(format)) {
          const given = format === undefined ? 'export needs a format' : `unknown format "${visibleLine(format)}"`;
          throw new UsageError(
            `${given} — use --format pytorch, python or markdown, e.g. "grad-tutor export add-then-mul --format python".`,
          );
        }
        if (values.quiz && format !== 'markdown')
          throw new UsageError('--quiz is for the handout — use it with --format markdown, or drop it.');
        if (values.answers !== undefined) {
          if (!values.quiz)
            throw new UsageError('--answers is where a --quiz handout puts its answer key — add --quiz, or drop --answers.');
          const { student, key } = quizHandout(scenario, true);
          const problem = writeAnswerKey(values.answers, key, io.stdout as { fd?: unknown });
          if (problem) throw new UsageError(problem);
          io.stdout.write(student);
          return 0;
        }
        io.stdout.write(exportLesson(scenario, format, { quiz: values.quiz === true, version: version() }));
        return 0;
      }
      case 'practice': {
        const skill = positionals[1];
        if (skill !== undefined && values.skill !== undefined)
          throw new UsageError(`give the skill once — "${visibleLine(skill)}" or --skill ${visibleLine(values.skill)}.`);
        const done = practiceCommand(io, { ...values, skill: skill ?? values.skill }, (sentence) => new UsageError(sentence));
        if (typeof done === 'number') return done;
        return await runRound(
          io,
          values['no-color'],
          done.round,
          'a practice round needs a terminal to answer in — "grad-tutor practice --json" or "--format markdown" prints the problems instead.',
        );
      }
      case 'test': {
        const { seed } = seedOf({ seed: values.seed }, io, (sentence) => new UsageError(sentence));
        return await runRound(
          io,
          values['no-color'],
          { test: true, seed },
          'the self-test needs a terminal to answer in — run "grad-tutor test" in one.',
        );
      }
      case 'progress':
        progressCommand(io, json, when);
        return 0;
      case 'reset':
        return await resetCommand(io, values.yes === true);
      default: {
        if (positionals.length > 1)
          throw new UsageError(
            `unknown command "${command}" — the commands are list, show, graph, check, export, practice, test, progress, reset, code; "grad-tutor --help" says more.`,
          );
        const scenario = teachable(scenarioFrom(positionals, 'grad-tutor', values, read));
        // Without a terminal on both ends there is nothing to step through: print instead.
        // So too on a terminal that cannot move its cursor (TERM=dumb: Emacs' shell, some CI logs).
        if (json || !canDraw(io)) {
          if (scenario) showCommand(io, scenario, json, values.quiz === true);
          else listCommand(io, json);
          return 0;
        }
        const unDrawable = scenario && tooLargeToLayOut(scenario.graph);
        if (unDrawable) throw new UsageError(visibleLine(tooLargeForTheTutor(scenario.file, unDrawable)));
        const { runTutor } = await loadTutor();
        const lesson = lessonNamed(positionals, values);
        const start =
          scenario && lesson
            ? { lesson: lesson.kind === 'file' ? { kind: 'file' as const, path: realpathSync(lesson.path) } : lesson, scenario }
            : undefined;
        return await runTutor({
          start,
          quiz: values.quiz === true,
          theme: themeFrom(io.env, values['no-color'] === true),
          env: io.env,
          stderr: io.stderr,
        });
      }
    }
  } catch (error) {
    // A message quotes what the user gave (a path, an id, an option): shown, never acted on by the terminal.
    if (error instanceof ScenarioError || error instanceof UsageError || error instanceof BadClock) {
      io.stderr.write(`${visibleLine(error.message)}\n`);
      return 2;
    }
    if (isParseArgsError(error)) {
      // Its first sentence: the rest tells of `--` and positionals, which no command of ours takes after options.
      const sentence = (/^[^\n]*?(?=[.](?:\s|$))/.exec(error.message)?.[0] ?? error.message).split('\n')[0];
      io.stderr.write(`grad-tutor: ${visibleLine(sentence)} — "grad-tutor --help" lists the options.\n`);
      return 2;
    }
    const detail = error instanceof Error ? (io.env.GRAD_TUTOR_DEBUG ? error.stack : error.message) : String(error);
    io.stderr.write(`grad-tutor: something unexpected went wrong: ${visible(detail ?? '')}\nPlease report it, with the command you ran.\n`);
    return 1;
  }
}

/**
 * The tutor's screen: Ink, whose layout engine is WebAssembly. Node 20 and
 * 22's V8 reserves a WebAssembly memory's whole address space up front (about
 * 11 GB here), so under a lower `ulimit -v` it cannot load (Node 24 needs no
 * such room); the commands that print do not load it at all.
 */
/** A terminal on both ends that can move its cursor (TERM=dumb cannot: Emacs' shell, some CI logs): the tutor can run. */
function canDraw(io: Io): boolean {
  return io.stdin.isTTY === true && io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

/** A practice round or the self-test in the tutor; without a terminal to draw in, `noTerminal` (exit 2). */
async function runRound(io: Io, noColor: unknown, practice: RunOptions['practice'], noTerminal: string): Promise<number> {
  if (!canDraw(io)) throw new UsageError(noTerminal);
  const { runTutor } = await loadTutor();
  return await runTutor({ practice, theme: themeFrom(io.env, noColor === true), env: io.env, stderr: io.stderr });
}

async function loadTutor(): Promise<typeof import('./ui/run.js')> {
  try {
    return await import('./ui/run.js');
  } catch (error) {
    if (!(error instanceof RangeError && /WebAssembly/.test(error.message))) throw error;
    throw new UsageError(
      'grad-tutor: the tutor could not start, as its screen needs about 11 GB of address space (`ulimit -v`) and less is allowed here — raise the limit (ulimit -v unlimited), or read a lesson as text with "grad-tutor show <lesson>".',
    );
  }
}

/** The options given on the command line, by name. */
type OptionValues = Record<string, unknown>;

/** What each command takes beyond its name: whether any positionals, and which options. A new command adds its row. */
const TAKES: Record<string, { positionals: number; options: string[] }> = {
  list: { positionals: 0, options: ['json'] },
  show: { positionals: 1, options: ['json', 'expr', 'set', 'quiz', 'no-color'] },
  graph: { positionals: 1, options: ['format', 'expr', 'set', 'width', 'no-color'] },
  check: { positionals: Infinity, options: [] },
  export: { positionals: 1, options: ['format', 'expr', 'set', 'quiz', 'answers', 'no-color'] },
  practice: { positionals: 1, options: ['skills', 'json', 'format', 'answers', 'skill', 'count', 'seed'] },
  test: { positionals: 0, options: ['seed'] },
  progress: { positionals: 0, options: ['json'] },
  reset: { positionals: 0, options: ['yes'] },
};
const TUTOR = { positionals: 1, options: ['json', 'expr', 'set', 'quiz', 'no-color'] };

/**
 * An argument a command does not take is a mistake, not something to ignore:
 * `grad-tutor list extra` may be a typo for `show extra`. (A second scenario
 * is refused where the scenario is read, with the same kind of sentence.)
 */
function refuseExtras(command: string | undefined, rest: string[], values: OptionValues): void {
  const known = command !== undefined && command in TAKES;
  // Another word is a command this table does not list (it answers for itself) or an unknown one.
  if (!known && rest.length > 0) return;
  const takes = known ? TAKES[command] : TUTOR;
  const name = known ? `grad-tutor ${command}` : 'grad-tutor';
  if (known && takes.positionals === 0 && rest.length > 0) {
    throw new UsageError(`${name} takes no arguments — drop "${visibleLine(rest[0])}"; "grad-tutor --help" lists the commands.`);
  }
  for (const option of Object.keys(values)) {
    // --no-color is for every command, as usual.
    if (values[option] !== undefined && option !== 'no-color' && !takes.options.includes(option)) {
      throw new UsageError(`${name} does not take --${option} — drop it; "grad-tutor --help" says which command takes it.`);
    }
  }
}

/**
 * `--seed -1` as `--seed=-1`: parseArgs refuses a value that starts with a dash as ambiguous, in three lines that
 * never say what is wrong with -1. No option of ours is a dash and a digit, so a negative number after an option is
 * its value, and the option's own check says what it takes.
 */
function negativeValuesJoined(argv: string[]): string[] {
  const joined: string[] = [];
  for (const arg of argv) {
    const last = joined.length - 1;
    if (/^-\.?\d/.test(arg) && /^--[a-z][a-z-]*$/.test(joined[last] ?? '')) joined[last] += `=${arg}`;
    else joined.push(arg);
  }
  return joined;
}

/** node:util parseArgs throws these for an unknown option or a missing value: the user's mistake. */
function isParseArgsError(error: unknown): error is Error {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
