import { dueDate, type SkillRecord } from './record.js';

/** The records of the skills practised, by skill id. */
export type SkillRecords = Record<string, SkillRecord>;

/**
 * The skills whose review is due at `when`: a confident miss first (it is a
 * misconception to mend), then the most overdue first.
 */
export function dueSkills(records: SkillRecords, when: Date): string[] {
  const due = Object.entries(records).filter(([, record]) => dueDate(record).getTime() <= when.getTime());
  return due
    .sort(([, a], [, b]) => Number(b.sureMiss ?? false) - Number(a.sureMiss ?? false) || dueDate(a).getTime() - dueDate(b).getTime())
    .map(([id]) => id);
}

/**
 * The skills not mastered, weakest first: one never practised, then the
 * shortest run of right answers, then the lowest FSRS stability (the one
 * most likely forgotten). Ties keep the order of `skills`.
 */
export function weakestSkills(records: SkillRecords, skills: readonly string[]): string[] {
  const strength = (id: string) => {
    const record = records[id];
    return record ? [1, record.streak, record.card.stability] : [0, 0, 0];
  };
  return skills
    .filter((id) => !records[id]?.mastered)
    .map((id) => ({ id, key: strength(id) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2])
    .map(({ id }) => id);
}

/**
 * The skills of a practice round of `count` problems: due reviews first, then
 * the weakest, then the mastered ones not due, soonest due first. Taken in
 * turn and the turn repeated, so the round moves across skills rather than
 * dwelling on one (interleaving: Rohrer 2014), even when only one skill is
 * weak.
 */
export function order(records: SkillRecords, skills: readonly string[], when: Date, count: number): string[] {
  const due = dueSkills(records, when).filter((id) => skills.includes(id));
  const weak = weakestSkills(records, skills).filter((id) => !due.includes(id));
  const rest = skills
    .filter((id) => !due.includes(id) && !weak.includes(id))
    .sort((a, b) => dueDate(records[a]).getTime() - dueDate(records[b]).getTime());
  const turn = [...due, ...weak, ...rest];
  return turn.length === 0 ? [] : Array.from({ length: count }, (_, i) => turn[i % turn.length]);
}
