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

/**
 * The rows as a table: skill, mastered, streak, next review (a local date, or "due now"), title. The title column
 * wraps at spaces to keep each line within `width` (an 80-column terminal: the titles run to 55 characters, and a
 * wrapped table is hard to read); where fewer than MIN_TITLE columns are left, each title goes on a line of its own.
 */
export function skillTable(rows: SkillRow[], width = 80): string[] {
  const cells = rows.map((row) => [
    row.id,
    row.mastered ? 'yes' : 'no',
    String(row.streak),
    row.nextReview === undefined ? 'not practised' : row.due ? 'due now' : localDay(new Date(row.nextReview)),
  ]);
  const header = ['skill', 'mastered', 'streak', 'next review'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const before = widths.reduce((sum, w) => sum + w + 2, 0);
  const room = width - before;
  const line = (c: string[], title: string) => [...c.map((cell, i) => cell.padEnd(widths[i])), title].join('  ').trimEnd();
  return [
    line(header, ''),
    ...cells.flatMap((c, k) => {
      const title = rows[k].title ?? '';
      if (room < MIN_TITLE) return [line(c, ''), ...(title ? wrap(title, width - 4).map((part) => `    ${part}`) : [])];
      const [first, ...rest] = wrap(title, room);
      return [line(c, first ?? ''), ...rest.map((part) => `${' '.repeat(before)}${part}`)];
    }),
  ];
}

/** The narrowest title column worth keeping beside the others. */
const MIN_TITLE = 16;

/** Words into lines of at most `width` characters; a word longer than that is a line of its own. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}
