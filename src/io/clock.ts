/**
 * The tutor's one clock. Everything that depends on the time (when a skill's
 * review is due, which day an answer fell on) asks `now`, so a test or a
 * teacher can set the day with GRAD_TUTOR_NOW instead of waiting for it.
 */

/** An ISO date, or a date-time with minutes and optional seconds, fraction and offset. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** GRAD_TUTOR_NOW is set to something that is not a date: one sentence, for the CLI to give with exit 2. */
export class BadClock extends Error {}

/**
 * GRAD_TUTOR_NOW (`2026-12-24`, or a date-time such as `2026-12-24T09:30`), or
 * the real time. A date alone is the start of that day on the local clock, so
 * it names the same day wherever the tutor runs; a date-time without an
 * offset is local time too (as JavaScript reads it).
 */
export function now(env: NodeJS.ProcessEnv = process.env): Date {
  const given = env.GRAD_TUTOR_NOW;
  if (given === undefined || given === '') return new Date();
  const match = ISO.exec(given);
  const [year, month, day, hour, minute, second] = (match ?? []).slice(1, 7).map((part) => Number(part ?? 0));
  const when = match && (match[4] === undefined ? new Date(year, month - 1, day) : new Date(given));
  // new Date rolls 2026-02-30 over into March and reads 24:00 as the next day: a date that does not exist is refused.
  const exists =
    when !== null &&
    !Number.isNaN(when.getTime()) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= new Date(Date.UTC(year, month, 0)).getUTCDate() &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!exists || !when)
    throw new BadClock(
      `GRAD_TUTOR_NOW is ${JSON.stringify(given.slice(0, 40))}, which is not a date — set it to an ISO date such as 2026-12-24 or a date-time such as 2026-12-24T09:30, or unset it for the real time.`,
    );
  return when;
}

/** The day a moment falls on, on the learner's own clock, as YYYY-MM-DD. */
export function localDay(when: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(when.getFullYear(), 4)}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
}
