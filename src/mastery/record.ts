import { createEmptyCard, fsrs, Rating as Grade, type Card, type FSRS, type Grade as GradeValue } from 'ts-fsrs';
import { localDay } from '../io/clock.js';
import { ratingOf, type Rating, type SkillAnswer } from './rating.js';

/**
 * A skill's record, as the progress file keeps it: plain JSON, dates as ISO
 * text. Reviews are scheduled by FSRS (the scheduler Anki uses) through
 * ts-fsrs, with its defaults: we do not invent intervals.
 */
export interface SkillRecord {
  /** The FSRS card as ts-fsrs keeps it, its dates as ISO text. */
  card: StoredCard;
  /** Right answers in a row on fresh problems, since the last miss or help. */
  streak: number;
  /** The distinct days (the learner's local dates, YYYY-MM-DD, oldest first) the streak's right answers fell on; the last DAYS. */
  days: string[];
  /** Three right in a row on at least two days, and no miss since. */
  mastered: boolean;
  /** The last answer was wrong and the learner had said they were sure: it comes first in the next round. */
  sureMiss?: boolean;
}

/** ts-fsrs's Card with its dates as text, so it survives JSON. */
export interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs's State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  last_review?: string;
}

/** The rule: mastered after this many right in a row... */
export const STREAK = 3;
/** ...falling on at least this many different days. */
export const MASTERY_DAYS = 2;
/** How many of the streak's days a record keeps: the rule needs two, and a month says what happened. */
export const DAYS = 31;
/** A streak stops counting here, so a record stays the same size however long the learner practises. */
export const MAX_STREAK = 100_000;

/** Made when first needed: the commands that only print (list, show) never schedule. */
let scheduler: FSRS | undefined;
const GRADES: Record<Rating, GradeValue> = { again: Grade.Again, hard: Grade.Hard, good: Grade.Good, easy: Grade.Easy };

/** One more answer for the skill (on a fresh problem, unless `fresh` is false), given `when` (from the clock). */
export function recordAnswer(record: SkillRecord | undefined, answer: SkillAnswer, at: Date): SkillRecord {
  const card = record ? cardOf(record.card) : createEmptyCard(at);
  // A clock set back (GRAD_TUTOR_NOW, or the system's) cannot answer before the last answer: FSRS refuses a negative interval.
  const when = card.last_review && card.last_review > at ? card.last_review : at;
  const next = (scheduler ??= fsrs()).next(card, when, GRADES[ratingOf(answer)]).card;
  const right = answer.outcome === 'right';
  // A right answer on numbers seen before (a lesson's) keeps the streak and its days as they were: no fresh problem.
  if (right && answer.fresh === false)
    return { card: stored(next), streak: record?.streak ?? 0, days: record?.days ?? [], mastered: record?.mastered ?? false };
  // A miss puts the skill back to learning; help breaks the run of right answers but is no miss.
  const streak = right ? Math.min((record?.streak ?? 0) + 1, MAX_STREAK) : 0;
  const days = right ? [...new Set([...(record?.days ?? []), localDay(when)])].sort().slice(-DAYS) : [];
  const mastered = answer.outcome === 'wrong' ? false : (record?.mastered ?? false) || (streak >= STREAK && days.length >= MASTERY_DAYS);
  return {
    card: stored(next),
    streak,
    days,
    mastered,
    ...(answer.outcome === 'wrong' && answer.sure ? { sureMiss: true } : {}),
  };
}

export function isMastered(record: SkillRecord | undefined): boolean {
  return record?.mastered ?? false;
}

/** When the skill's next review is due. */
export function dueDate(record: SkillRecord): Date {
  return new Date(record.card.due);
}

export function cardOf(card: StoredCard): Card {
  const { last_review, ...rest } = card;
  return { ...rest, due: new Date(card.due), ...(last_review ? { last_review: new Date(last_review) } : {}) };
}

function stored(card: Card): StoredCard {
  const { due, last_review, ...rest } = card;
  return { ...rest, due: due.toISOString(), ...(last_review ? { last_review: last_review.toISOString() } : {}) };
}
