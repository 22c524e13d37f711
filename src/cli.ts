import { parseArgs } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { bundledScenarios, resolveScenario } from './catalog.js';
import { loadScenarioFile, ScenarioError, type Scenario } from './scenario/index.js';
import { buildLesson, lessonToJson, lessonToText } from './lesson/index.js';
import { themeFrom } from './ui/theme.js';
import { backprop } from './engine/index.js';
import { drawGraph, drawingToText, layoutGraph, toDot, toMermaid } from './layout/index.js';

declare const GRAD_TUTOR_VERSION: string | undefined;

/** A mistake in how the command was typed: one sentence, exit 2. */
export class UsageError extends Error {}

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export const HELP = `grad-tutor — the chain rule as backpropagation uses it, one step at a time

Usage
  grad-tutor                       the menu of bundled lessons
  grad-tutor <scenario>            open one lesson (a bundled id or a file)
  grad-tutor list [--json]         the bundled lessons: id and title
  grad-tutor show <scenario> [--json]
                                   every step as plain text (or a JSON document)
  grad-tutor graph <scenario> [--format text|dot|mermaid]
                                   the drawing with values and gradients after
                                   the backward pass, or Graphviz DOT, or Mermaid
  grad-tutor check <file>...       validate scenario files: "ok" per good file
  grad-tutor --help | --version

Options
  --json          machine-readable output for list and show
  --format F      for graph: text (the default), dot or mermaid
  --no-color      no colour (so does the NO_COLOR environment variable)
  -h, --help      this help
  -v, --version   the version

Without a terminal on stdin and stdout, "grad-tutor" prints the list and
"grad-tutor <scenario>" prints what "show" prints.

Exit codes: 0 success, 2 bad usage or a bad scenario file (the message names
the file, line and column), 1 anything unexpected.
`;

function version(): string {
  if (typeof GRAD_TUTOR_VERSION === 'string') return GRAD_TUTOR_VERSION;
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function loadScenario(idOrPath: string): Scenario {
  const file = resolveScenario(idOrPath);
  if (!existsSync(file)) {
    const ids = bundledScenarios().map((e) => e.id).join(', ');
    throw new UsageError(`no scenario "${idOrPath}": it is neither a bundled id (${ids}) nor a file — run "grad-tutor list" to see the ids.`);
  }
  return loadScenarioFile(file);
}

function listCommand(io: Io, json: boolean): void {
  const entries = bundledScenarios().map((entry) => ({ ...entry, title: loadScenarioFile(entry.file).title }));
  if (json) {
    io.stdout.write(JSON.stringify(entries.map(({ id, title, file }) => ({ id, title, file })), null, 2) + '\n');
    return;
  }
  const width = Math.max(...entries.map((e) => e.id.length));
  for (const e of entries) io.stdout.write(`${e.id.padEnd(width)}  ${e.title}\n`);
}

function showCommand(io: Io, idOrPath: string, json: boolean): void {
  const lesson = buildLesson(loadScenario(idOrPath));
  io.stdout.write(json ? JSON.stringify(lessonToJson(lesson), null, 2) + '\n' : lessonToText(lesson));
}

const FORMATS = ['text', 'dot', 'mermaid'] as const;

function graphCommand(io: Io, idOrPath: string, format: string): void {
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" — use --format text, dot or mermaid.`);
  }
  const scenario = loadScenario(idOrPath);
  const { graph } = scenario;
  const { values, grads } = backprop(graph);
  if (format === 'dot') io.stdout.write(toDot(graph, values, grads));
  else if (format === 'mermaid') io.stdout.write(toMermaid(graph, values, grads));
  else io.stdout.write(drawingToText(drawGraph(layoutGraph(graph), { values, grads })) + '\n');
}

function checkCommand(io: Io, files: string[]): number {
  if (files.length === 0) throw new UsageError('check needs at least one file — e.g. "grad-tutor check my-graph.yaml".');
  let bad = 0;
  for (const file of files) {
    try {
      if (!existsSync(file)) throw new UsageError(`${file}: no such file — check the path.`);
      loadScenarioFile(file);
      io.stdout.write(`ok ${file}\n`);
    } catch (error) {
      if (!(error instanceof ScenarioError || error instanceof UsageError)) throw error;
      io.stderr.write(`${error.message}\n`);
      bad++;
    }
  }
  return bad > 0 ? 2 : 0;
}

function need(positionals: string[], command: string): string {
  const scenario = positionals[1];
  if (scenario === undefined) throw new UsageError(`${command} needs a scenario — e.g. "grad-tutor ${command} add-then-mul"; "grad-tutor list" shows the ids.`);
  if (positionals.length > 2) throw new UsageError(`${command} takes one scenario, not ${positionals.length - 1} — drop "${positionals[2]}".`);
  return scenario;
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        format: { type: 'string' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
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
    const [command] = positionals;
    switch (command) {
      case 'list':
        listCommand(io, json);
        return 0;
      case 'show':
        showCommand(io, need(positionals, 'show'), json);
        return 0;
      case 'graph':
        graphCommand(io, need(positionals, 'graph'), values.format ?? 'text');
        return 0;
      case 'check':
        return checkCommand(io, positionals.slice(1));
      default: {
        if (positionals.length > 1) throw new UsageError(`unknown command "${command}" — the commands are list, show, graph, check; "grad-tutor --help" says more.`);
        // Without a terminal on both ends there is nothing to step through: print instead.
        if (json || !io.stdin.isTTY || !io.stdout.isTTY) {
          if (command === undefined) listCommand(io, json);
          else showCommand(io, command, json);
          return 0;
        }
        const scenario = command === undefined ? undefined : loadScenario(command);
        const { runTutor } = await import('./ui/run.js');
        await runTutor({ scenario, theme: themeFrom(io.env, values['no-color'] === true), env: io.env, stderr: io.stderr });
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof ScenarioError || error instanceof UsageError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (isParseArgsError(error)) {
      io.stderr.write(`grad-tutor: ${error.message} — "grad-tutor --help" lists the options.\n`);
      return 2;
    }
    const detail = error instanceof Error ? (io.env.GRAD_TUTOR_DEBUG ? error.stack : error.message) : String(error);
    io.stderr.write(`grad-tutor: something unexpected went wrong: ${detail}\nPlease report it, with the command you ran.\n`);
    return 1;
  }
}

/** node:util parseArgs throws these for an unknown option or a missing value: the user's mistake. */
function isParseArgsError(error: unknown): error is Error {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
