import { visibleLine } from '../io/visible.js';
import { jsonNumber } from '../lesson/render.js';
import { BUGS, TOLERANCE, type Exercise, type Report } from './judge.js';

/** The learner's Python wrote some of this (an error's text): every line passes through visibleLine. */
export function exerciseLines(exercise: Exercise): string[] {
  const head = `${exercise.passed ? '✓' : '✗'} ${exercise.number}. ${exercise.title}`;
  const { failure } = exercise;
  if (!failure) return [head];
  const lines = [head, `    ${failure.sentence}`];
  if (failure.bug) lines.push(`    This looks like the "${failure.bug}" bug: ${BUGS[failure.bug]}`);
  return lines.map(visibleLine);
}

/** The whole report as `code check` prints it: every exercise, the first difference of each that fails. */
export function reportText(report: Report): string {
  const lines = report.exercises.flatMap(exerciseLines);
  if (report.skipped.length > 0) lines.push(`Skipped: ${report.skipped.map((s) => `${s.id} (${s.why})`).join('; ')}.`);
  lines.push(
    `${report.passed} of ${report.total} exercises pass (every value, gradient and loss compared with the tutor's to ${TOLERANCE}).`,
  );
  return lines.map(visibleLine).join('\n') + '\n';
}

/** `--json`: the same report; JSON escapes what the learner's Python wrote. Numbers as `show --json` writes them (NaN as "NaN"). */
export function reportJson(report: Report): string {
  return JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' ? jsonNumber(value) : value), 2) + '\n';
}
