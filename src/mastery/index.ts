/**
 * Mastery and spaced review, per skill, pure: each answer updates the skill's
 * record (its FSRS card, its streak, whether it is mastered), and the records
 * say what is due and what a practice round asks. The time comes in as an
 * argument, read from the one clock (src/io/clock.ts) by the caller.
 */
export { ratingOf, type Rating, type SkillAnswer } from './rating.js';
export { DAYS, dueDate, isMastered, MASTERY_DAYS, MAX_STREAK, recordAnswer, STREAK, type SkillRecord, type StoredCard } from './record.js';
export { dueSkills, order, weakestSkills, type SkillRecords } from './schedule.js';
export { skillRows, skillTable, type SkillRow } from './table.js';
