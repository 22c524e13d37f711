import { describe, expect, it } from 'vitest';
import { skillRows, skillTable } from '../../src/mastery/index.js';
import { SKILLS } from '../../src/practice/index.js';

const when = new Date('2026-12-07T12:00:00Z');
const rows = skillRows({}, when, SKILLS);

/** The titles read back from the table: the text after the fourth column, lines joined by a space. */
function titlesOf(lines: string[], start: number): string {
  return lines
    .slice(1)
    .map((line) => line.slice(start).trim())
    .filter(Boolean)
    .join(' ');
}

describe('the skills table', () => {
  it('keeps every line within the width, wrapping the long titles at spaces', () => {
    const lines = skillTable(rows, 78);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(78);
    // Wider than 78 unwrapped: the longest title does need wrapping here.
    expect(Math.max(...skillTable(rows, 1000).map((l) => l.length))).toBeGreaterThan(78);
    const start = lines[0].length + 2;
    expect(titlesOf(lines, start)).toBe(SKILLS.map((s) => s.title).join(' '));
  });

  it('puts each title on its own indented line where the columns leave too little room', () => {
    const lines = skillTable(rows, 50);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(50);
    expect(lines[1]).toMatch(/^sum-rule +no +0 +not practised$/);
    expect(lines.filter((l) => l.startsWith('    ')).join(' ')).toContain('The sum rule: a + passes the gradient');
  });

  it('is one line a skill where the window is wide', () => {
    expect(skillTable(rows, 1000)).toHaveLength(rows.length + 1);
  });
});
