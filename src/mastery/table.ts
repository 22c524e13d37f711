import { localDay } from '../io/clock.js';
import { dueDate } from './record.js';
import type { SkillRecords } from './schedule.js';

/** One skill's row, as `grad-tutor progress` shows it and `--json` gives it. */
export interface SkillRow {
  id: string;
  title?: string;
  mastered: boolean;
  streak: number;
  /** The local days the streak's right answers fell on. */
  days: string[];
  /** When its next review is due (ISO), absent for a skill never practised. */
  nextReview?: string;
  /** Due at the clock's time. */
  due: boolean;
}

/**
 * A row per skill: every skill of `skills` in its order (titles and all, a
 * skill not practised yet too), then any other skill with a record.
 */
export function skillRows(records: SkillRecords, when: Date, skills: readonly { id: string; title: string }[] = []): SkillRow[] {
  const listed = skills.map(({ id, title }) => ({ id, title }));
  const others = Object.keys(records)
    .filter((id) => !skills.some((s) => s.id === id))
    .sort()
    .map((id) => ({ id, title: undefined }));
  return [...listed, ...others].map(({ id, title }) => {
    const record = records[id];
    const next = record && dueDate(record);
    return {
      id,
      ...(title === undefined ? {} : { title }),
      mastered: record?.mastered ?? false,
      streak: record?.streak ?? 0,
      days: record?.days ?? [],
      ...(next ? { nextReview: next.toISOString() } : {}),
      due: next !== undefined && next.getTime() <= when.getTime(),
    };
  });
}

/** The rows as a table: skill, mastered, streak, next review (a local date, or "due now"), title. */
export function skillTable(rows: SkillRow[]): string[] {
  const cells = rows.map((row) => [
    row.id,
    row.mastered ? 'yes' : 'no',
    String(row.streak),
    row.nextReview === undefined ? 'not practised' : row.due ? 'due now' : localDay(new Date(row.nextReview)),
    row.title ?? '',
  ]);
  const header = ['skill', 'mastered', 'streak', 'next review', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  return [header, ...cells].map((c) =>
    c
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
}
