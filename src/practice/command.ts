/**
 * `grad-tutor practice` on the command line: the skills, a problem set as
 * JSON, or as a worksheet; or, given neither, the round the tutor runs (src/session/practice.ts).
 */

import { BadClock, now } from '../io/clock.js';
import { visibleLine } from '../io/visible.js';
import { writeAnswerKey } from '../export/answers-file.js';
import { jsonNumber } from '../lesson/index.js';
import { MAX_PROBLEMS, MAX_SEED, problemSet, type Problem } from './generate.js';
import { isSkill, SKILLS } from './skills.js';
import { worksheet } from './worksheet.js';
import type { RoundRequest } from './round.js';

export interface PracticeOptions {
  skills?: boolean;
  json?: boolean;
  format?: string;
  answers?: string;
  skill?: string;
  count?: string;
  seed?: string;
}

interface Out {
  stdout: NodeJS.WritableStream & { fd?: unknown };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** The problems in a set when --count is not given: a short round's worth. */
export const DEFAULT_COUNT = 10;

type Usage = (sentence: string) => Error;

/** A whole number from lo to hi as typed; anything else is the sentence that says what is wrong. */
export function wholeNumber(option: string, given: string, range: [number, number, string], usage: Usage): number {
  const [lo, hi, example] = range;
  const value = /^\d{1,10}$/.test(given) ? Number(given) : NaN;
  if (value >= lo && value <= hi) return value;
  throw usage(
    `--${option} takes a whole number from ${lo} to ${hi.toLocaleString('en-US')}, not "${visibleLine(given)}" — e.g. --${option} ${example}.`,
  );
}

/**
 * The seed of a set: the one given, or one from the clock (the seconds of
 * the day and more, six digits a learner can type back), said on stderr so
 * the same set can be asked for again.
 */
export function seedOf(options: Pick<PracticeOptions, 'seed'>, io: Out, usage: Usage): { seed: number; fromClock: boolean } {
  if (options.seed !== undefined) return { seed: wholeNumber('seed', options.seed, [0, MAX_SEED, '42'], usage), fromClock: false };
  try {
    return { seed: Math.floor(now(io.env).getTime() / 1000) % 1_000_000, fromClock: true };
  } catch (error) {
    if (error instanceof BadClock) throw usage(error.message);
    throw error;
  }
}

/** A number as every --json writes it (12 significant digits), a name or a direction as it is. */
const jsonAnswer = (value: number | string) => (typeof value === 'number' ? jsonNumber(value) : value);

/** One element of `practice --json`: the scenario as the YAML text `grad-tutor check` accepts in a file. */
function asJson(problem: Problem) {
  return {
    skill: problem.skill,
    seed: problem.seed,
    scenario: problem.source,
    questions: problem.questions.map((q) => ({
      kind: q.kind,
      prompt: q.prompt,
      answer: jsonAnswer(q.answer),
      choices: q.choices.map((c) => jsonAnswer(c.value)),
      hints: q.hints,
    })),
  };
}

/**
 * Runs the command; a mistake in how it was typed is thrown as `usage(sentence)`
 * (the CLI's own error, exit 2). Without --skills, --json or --format it is
 * the round in the tutor, which is not here yet.
 */
export function practiceCommand(io: Out, options: PracticeOptions, usage: Usage): number | { round: RoundRequest } {
  const given = (['json', 'format', 'skill', 'count', 'seed', 'answers'] as const).filter((o) => options[o] !== undefined);
  if (options.skills) {
    if (given.length > 0) throw usage(`--skills lists the skills and takes no other option — drop --${given[0]}.`);
    const width = Math.max(...SKILLS.map((s) => s.id.length));
    for (const s of SKILLS) io.stdout.write(`${s.id.padEnd(width)}  ${s.title}\n`);
    return 0;
  }
  if (options.json && options.format !== undefined) throw usage('give --json or --format markdown, not both — drop one.');
  if (options.format !== undefined && options.format !== 'markdown')
    throw usage(
      `practice prints a worksheet as --format markdown, not "${visibleLine(options.format)}" — use --format markdown, or --json.`,
    );
  if (options.answers !== undefined && options.format === undefined)
    throw usage('--answers is where a worksheet puts its answer key — add --format markdown, or drop --answers.');
  const { skill } = options;
  if (skill !== undefined && !isSkill(skill))
    throw usage(
      `no skill "${visibleLine(skill)}" — the skills are ${SKILLS.map((s) => s.id).join(', ')} ("grad-tutor practice --skills").`,
    );
  const count = options.count === undefined ? DEFAULT_COUNT : wholeNumber('count', options.count, [1, MAX_PROBLEMS, '10'], usage);
  const seed = seedOf(options, io, usage);
  // Neither printed form: the round in the tutor, which the CLI starts (it needs a terminal).
  if (!options.json && options.format === undefined) return { round: { skill, count, seed: seed.seed, fixed: !seed.fromClock } };
  const problems = problemSet({ skill, count, seed: seed.seed });
  if (seed.fromClock) io.stderr.write(`practice: seed ${seed.seed} (from the clock); --seed ${seed.seed} gives the same problems again\n`);
  if (options.json) {
    io.stdout.write(JSON.stringify(problems.map(asJson), null, 2) + '\n');
    return 0;
  }
  const apart = options.answers !== undefined;
  const { sheet, key } = worksheet(problems, { seed: seed.seed, skill }, apart);
  if (apart) {
    const problem = writeAnswerKey(options.answers!, key, io.stdout);
    if (problem) throw usage(problem);
    io.stdout.write(sheet);
  } else io.stdout.write(`${sheet}\n${key}`);
  return 0;
}
