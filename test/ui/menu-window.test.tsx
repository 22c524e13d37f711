/**
 * The menu as ink-select-input draws it at 60×16: the `❯` highlight moves
 * with ↑ ↓, and the list under it scrolls only at its edges. The component
 * used to be remounted at the highlight with the whole list and a limit, and
 * put the highlight on its bottom row, so every ↑ scrolled the whole list.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, openTutor } from './harness.js';

let tutor: Awaited<ReturnType<typeof openTutor>> | undefined;
afterEach(() => tutor?.unmount());

/** The list as drawn: each row's lesson number (0 for the prompt entries), and the row the `❯` is on. */
function list(frame: string): { numbers: number[]; highlight: number } {
  const rows = frame.split('\n').filter((line) => /^[❯ ] [ ✓▸] +(\d+\.|Open a|Type your)/.test(line));
  return {
    numbers: rows.map((row) => Number(/(\d+)\./.exec(row)?.[1] ?? 0)),
    highlight: rows.findIndex((row) => row.startsWith('❯')),
  };
}

describe('the menu at 60×16, as drawn', () => {
  it('↓ ten times scrolls one row; ↑ then moves the highlight up a row and the list stays', async () => {
    tutor = await openTutor({ size: { columns: 60, rows: 16 } });
    const first = list(tutor.frame());
    // 16 rows: the title, a blank, the list, the detail row, the hint, the footer and one Ink keeps free.
    expect(first).toEqual({ numbers: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], highlight: 0 });

    await tutor.type(...Array(10).fill(KEY.down));
    // Lesson 11 highlighted: it came into view at the bottom as lesson 1 left at the top.
    expect(list(tutor.frame())).toEqual({ numbers: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11], highlight: 9 });

    await tutor.type(KEY.up);
    expect(list(tutor.frame())).toEqual({ numbers: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11], highlight: 8 });
    await tutor.type(...Array(8).fill(KEY.up));
    expect(list(tutor.frame())).toEqual({ numbers: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11], highlight: 0 });
    // Past the top row the list scrolls back one.
    await tutor.type(KEY.up);
    expect(list(tutor.frame())).toEqual({ numbers: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], highlight: 0 });
  });

  it('↑ from the first entry wraps to the last, on the bottom row; Enter still opens what is highlighted', async () => {
    tutor = await openTutor({ size: { columns: 60, rows: 16 } });
    await tutor.type(KEY.up);
    const wrapped = list(tutor.frame());
    // The last ten of the 17 lessons and two prompts: lessons 10-17, then the prompts.
    expect(wrapped).toEqual({ numbers: [10, 11, 12, 13, 14, 15, 16, 17, 0, 0], highlight: 9 });
    expect(tutor.frame()).toMatch(/❯ +Type your own graph/);
    await tutor.type(KEY.up, KEY.up);
    expect(list(tutor.frame())).toEqual({ ...wrapped, highlight: 7 });
    await tutor.type(KEY.enter);
    expect(tutor.state().lessonId).toBe('mlp');
  });

  it('a resize keeps the highlighted lesson in view', async () => {
    tutor = await openTutor({ size: { columns: 60, rows: 16 } });
    await tutor.type(KEY.up, KEY.up, KEY.up);
    await tutor.resize(40, 10);
    const { numbers, highlight } = list(tutor.frame());
    expect(numbers[highlight]).toBe(17);
  });
});
