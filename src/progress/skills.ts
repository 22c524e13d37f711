import { DAYS, MAX_STREAK, type SkillRecord } from '../mastery/index.js';

/**
 * The progress file's two fields for practice: the record of each skill
 * (mastery and its FSRS card) and the self-test scores. Their checks and
 * their merge; format.ts owns the file and calls these.
 */

/** A self-test taken: when (ISO date-time), and its score out of `of`. */
export interface SelfTestScore {
  when: string;
  score: number;
  of: number;
}

export const SKILL_LIMITS = {
  /** Skills kept: the course has about a dozen. */
  skills: 50,
  /** Characters in a skill's id. */
  id: 64,
  /** Self-test scores kept: the most recent. */
  tests: 50,
  /** Items in one self-test. */
  items: 1000,
  /** Any count on a card (reps, lapses, days since the last review): years 0 to 9999 are 3.7 million days. */
  count: 10_000_000,
  /** FSRS's largest stability, in days (ts-fsrs's S_MAX), and its difficulty's range. */
  stability: 36_500,
  difficulty: 10,
};

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const inRange = (x: unknown, top: number, whole = true): boolean =>
  typeof x === 'number' && Number.isFinite(x) && (!whole || Number.isInteger(x)) && x >= 0 && x <= top;
/** A moment as the tutor writes it (Date.toISOString), and only that. */
const isMoment = (x: unknown): boolean =>
  typeof x === 'string' && x.length <= 30 && !Number.isNaN(Date.parse(x)) && new Date(x).toISOString() === x;
/** A local date as localDay writes it, and one that exists (no 2026-02-30). */
const isDay = (x: unknown): x is string =>
  typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x) && new Date(`${x}T00:00:00Z`).toISOString().slice(0, 10) === x;
/** Skill ids are kebab-case (sum-rule): nothing in one can act on a terminal. */
const SKILL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What is wrong with `skills`, or undefined when it is records the tutor could have written. */
export function skillsProblem(x: unknown): string | undefined {
  if (!isObject(x)) return 'skills is not an object';
  const ids = Object.keys(x);
  if (ids.length > SKILL_LIMITS.skills) return `skills has ${ids.length} skills, more than ${SKILL_LIMITS.skills}`;
  for (const id of ids) {
    if (id.length > SKILL_LIMITS.id || !SKILL_ID.test(id))
      return 'skills names a skill by something other than an id like sum-rule (lowercase words joined by -)';
    const problem = recordProblem(x[id]);
    if (problem) return `skills.${id}${problem}`;
  }
  return undefined;
}

/** What is wrong with one record, as the rest of a sentence after its field's name. */
function recordProblem(r: unknown): string | undefined {
  if (!isObject(r) || !isObject(r.card)) return ' is not a skill record with a card';
  const { card } = r;
  if (!isMoment(card.due) || (card.last_review !== undefined && !isMoment(card.last_review))) return '.card has a date that is not one';
  if (!inRange(card.stability, SKILL_LIMITS.stability, false) || !inRange(card.difficulty, SKILL_LIMITS.difficulty, false))
    return `.card has a stability or difficulty outside FSRS's range`;
  for (const count of ['elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses'])
    if (!inRange(card[count], SKILL_LIMITS.count)) return `.card.${count} is not a count up to ${SKILL_LIMITS.count}`;
  if (!inRange(card.state, 3)) return '.card.state is not 0 to 3 (new, learning, review, relearning)';
  if (!inRange(r.streak, MAX_STREAK)) return `.streak is not a count up to ${MAX_STREAK}`;
  const { days } = r;
  if (!Array.isArray(days) || days.length > DAYS || !days.every(isDay) || days.some((d, i) => i > 0 && d <= days[i - 1]))
    return `.days is not at most ${DAYS} dates (YYYY-MM-DD) in order`;
  if (days.length > (r.streak as number)) return '.days has more days than the streak has answers';
  if (typeof r.mastered !== 'boolean') return '.mastered is neither true nor false';
  if (r.sureMiss !== undefined && r.sureMiss !== true) return '.sureMiss is not true';
  return undefined;
}

/** What is wrong with `tests`, or undefined. */
export function testsProblem(x: unknown): string | undefined {
  if (!Array.isArray(x) || x.length > SKILL_LIMITS.tests) return `tests is not a list of at most ${SKILL_LIMITS.tests} scores`;
  for (const t of x)
    if (!isObject(t) || !isMoment(t.when) || !inRange(t.of, SKILL_LIMITS.items) || !inRange(t.score, t.of as number) || t.of === 0)
      return `tests holds something other than a score out of 1 to ${SKILL_LIMITS.items} items with its date`;
  return undefined;
}

const lastAnswered = (r: SkillRecord) => Date.parse(r.card.last_review ?? r.card.due);

/** Per skill, the record answered last (this tutor's on a tie); the LIMITS most recently answered. */
export function mergeSkills(disk: Record<string, SkillRecord> = {}, mine: Record<string, SkillRecord> = {}): Record<string, SkillRecord> {
  const merged = { ...disk };
  for (const [id, record] of Object.entries(mine)) if (!merged[id] || lastAnswered(record) >= lastAnswered(merged[id])) merged[id] = record;
  const kept = Object.entries(merged)
    .sort(([, a], [, b]) => lastAnswered(b) - lastAnswered(a))
    .slice(0, SKILL_LIMITS.skills);
  return Object.fromEntries(kept);
}

/** Both tutors' scores, each once, oldest first; the LIMITS most recent. */
export function mergeTests(disk: SelfTestScore[] = [], mine: SelfTestScore[] = []): SelfTestScore[] {
  const key = (t: SelfTestScore) => `${t.when} ${t.score} ${t.of}`;
  const all = [...disk, ...mine].filter((t, i, list) => list.findIndex((o) => key(o) === key(t)) === i);
  return all.sort((a, b) => Date.parse(a.when) - Date.parse(b.when)).slice(-SKILL_LIMITS.tests);
}
