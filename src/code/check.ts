import { existsSync, lstatSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { courseGraphs, harnessInput, lectureMlp, type GraphCase, type MlpCase } from './cases.js';
import { EXERCISES, judgeGraph, judgeMlp, judgeTrain, type HarnessAnswer, type Exercise, type Failure, type Report } from './judge.js';
import { pythonOf, runHarness, TIME_LIMIT_MS, type HarnessRun } from './run.js';

/** The folder cannot be checked at all (it is missing, not an exercise folder, or there is no Python): one sentence, exit 2. */
export class CannotCheck extends Error {}

/** The tutor's side of every exercise, worked out once per process (the MLP's training is the costly part). */
let tutorSide: { graphs: ReturnType<typeof courseGraphs>; mlp: MlpCase } | undefined;
function tutor() {
  return (tutorSide ??= { graphs: courseGraphs(), mlp: lectureMlp() });
}

/** A link, whether or not it leads anywhere (a path under a file is none). */
export function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Refuses a folder that is not one `code init` made (or one laid out as it does). */
export function exerciseFolder(dir: string): string {
  // existsSync follows a link: one that leads nowhere is not a missing folder init could make.
  if (!existsSync(dir) && isLink(dir))
    throw new CannotCheck(
      `${dir}: is a link to nothing (or to itself) — give the folder that holds micrograd/, or make one with "grad-tutor code init DIR".`,
    );
  if (!existsSync(dir)) throw new CannotCheck(`${dir}: no such folder — make one with "grad-tutor code init ${dir}".`);
  // A file here cannot be made a folder by init either, so the sentence must not send the learner there.
  if (!statSync(dir).isDirectory())
    throw new CannotCheck(
      `${dir}: is a file, not a folder — give the folder that holds micrograd/, or make one with "grad-tutor code init DIR".`,
    );
  if (!existsSync(join(dir, 'micrograd', '__init__.py')))
    throw new CannotCheck(
      `${join(dir, 'micrograd', '__init__.py')}: not there, so ${dir} is not a micrograd exercise folder — give the folder that holds micrograd/, or make one with "grad-tutor code init DIR".`,
    );
  return resolve(dir);
}

export async function checkFolder(
  dir: string,
  env: NodeJS.ProcessEnv,
  { limitMs = TIME_LIMIT_MS, signal }: { limitMs?: number; signal?: AbortSignal } = {},
): Promise<Report> {
  const root = exerciseFolder(dir);
  const { graphs, mlp } = tutor();
  const python = pythonOf(env);
  const run = await runHarness(python, root, harnessInput(graphs.cases, mlp), { env, limitMs, signal });
  if (run.kind === 'no-python')
    throw new CannotCheck(
      `${python} was not found, and the check runs your code with it — install Python 3, or set GRAD_TUTOR_PYTHON to the Python to use.`,
    );
  if (run.kind === 'crashed' && run.lines.length === 0) {
    const last = run.stderr.trim().split('\n').pop() ?? '';
    throw new CannotCheck(
      `${python} stopped (exit code ${run.code}) before checking anything${last ? `: ${last}` : ''} — is it Python 3? Set GRAD_TUTOR_PYTHON to the Python to use.`,
    );
  }
  // A file of the learner's as the message names it: under the folder as they typed it.
  const shownPath = (file: string) => {
    const inside = relative(root, resolve(file));
    return inside.startsWith('..') || inside.startsWith(sep) ? file : join(dir, inside);
  };
  const exercises = judgeAll(graphs.cases, mlp, run, shownPath, limitMs);
  return { exercises, passed: exercises.filter((e) => e.passed).length, total: exercises.length, skipped: graphs.skipped };
}

/** Failures that are a number differing (not an error or a timeout, which say what to do on their own). */
const NUMBERS = new Set(['value', 'grad', 'ypred', 'loss']);

/** Each exercise passed or failed, its first difference named; an exercise the harness never reached says why. */
function judgeAll(graphs: GraphCase[], mlp: MlpCase, run: HarnessRun, shownPath: (file: string) => string, limitMs: number): Exercise[] {
  const lines = (run.kind === 'no-python' ? [] : run.lines) as HarnessAnswer[];
  const imported = lines.find((a) => a.case === 'import');
  const graphAnswer = (id: string) => lines.find((a) => a.case === 'graph' && a.id === id);
  const answerOf = (kind: string) => lines.find((a) => a.case === kind);
  // Where the harness stopped (a timeout or Python dying): the first case with no answer.
  const stoppedAt = [
    ...graphs.map((g) => ({ exercise: 'graphs', answered: graphAnswer(g.id) !== undefined, id: g.id })),
    { exercise: 'mlp', answered: answerOf('mlp') !== undefined, id: '' },
    { exercise: 'train', answered: answerOf('train') !== undefined, id: '' },
  ].find((c) => !c.answered);
  const unanswered = (exercise: string, id = ''): Failure => {
    if (imported) return { what: 'error', sentence: importSentence(imported, shownPath) };
    const here = stoppedAt?.exercise === exercise && (id === '' || stoppedAt.id === id);
    if (run.kind === 'timeout')
      return here
        ? {
            what: 'timeout',
            sentence: `Your code ran for more than ${limitMs / 1000} s${id ? ` on the graph "${id}"` : ''} and was stopped — look for a loop that never ends (in build_topo, a node that is never marked visited).`,
          }
        : { what: 'timeout', sentence: 'Not checked: an exercise before it ran out of time.' };
    const last = run.kind === 'crashed' ? (run.stderr.trim().split('\n').pop() ?? '') : '';
    return { what: 'error', sentence: `Python stopped before this was checked${last ? `: ${last}` : ''}.` };
  };

  const judged: { failure?: Failure }[] = [];
  // Exercise 1: the first graph (in course order) that differs.
  let graphFailure: Failure | undefined;
  for (const g of graphs) {
    const answer = graphAnswer(g.id);
    graphFailure = answer ? judgeGraph(g, answer, shownPath) : unanswered('graphs', g.id);
    if (graphFailure) break;
  }
  judged.push({ failure: graphFailure });
  const mlpAnswer = answerOf('mlp');
  judged.push({ failure: mlpAnswer ? judgeMlp(mlp, mlpAnswer, shownPath) : unanswered('mlp') });
  const trainAnswer = answerOf('train');
  judged.push({ failure: trainAnswer ? judgeTrain(mlp, trainAnswer, shownPath) : unanswered('train') });
  // A later exercise runs on the earlier ones' code: its numbers may differ only because of their mistake.
  const firstFailing = judged.findIndex((j) => j.failure);
  for (const [i, { failure }] of judged.entries())
    if (failure && i > firstFailing && !failure.bug && NUMBERS.has(failure.what))
      failure.sentence += ` Exercise ${firstFailing + 1} fails too: fix it first, as this may be the same mistake.`;
  return EXERCISES.map(({ id, title }, i) => ({
    number: i + 1,
    id,
    title,
    passed: !judged[i].failure,
    ...(judged[i].failure ? { failure: judged[i].failure } : {}),
  }));
}

function importSentence(answer: HarnessAnswer, shownPath: (file: string) => string): string {
  const message = typeof answer.error?.message === 'string' ? answer.error.message : 'an error';
  const at = answer.error?.where;
  const where = at && typeof at.file === 'string' ? `${shownPath(at.file)}:${Number(at.line) || 0}:${Number(at.col) || 0}: ` : '';
  return `${where}${message} (while importing micrograd.engine) — fix this first: nothing else can run until it imports.`;
}
