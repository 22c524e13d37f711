/**
 * The menu's window onto its list is session state: ↑ ↓ move the highlight,
 * and the list scrolls only when the highlight would leave the window, at
 * every size, wrapping at both ends. At 60×16 it used to stick the highlight
 * to the bottom row, so every ↑ scrolled the whole list.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildFrame, type Frame } from '../../src/session/frame.js';
import type { Action, Session } from '../../src/session/session.js';
import { course, keys, menu, run } from '../helpers/session.js';

type MenuFrame = Extract<Frame, { kind: 'menu' }>;

/** The course, then the two prompts: the whole list. */
const COUNT = course.length + 2;

const at = (columns: number, rows: number): Session => ({ ...menu(), window: { columns, rows } });

function menuFrame(state: Session): MenuFrame {
  const frame = buildFrame(state);
  if (frame.kind !== 'menu') throw new Error(`not the menu: ${frame.kind}`);
  return frame;
}

/** The lesson numbers in view, top to bottom (0 for a prompt entry). */
const numbersInView = (frame: MenuFrame) => frame.items.map((item) => Number(/^.\s+(\d+)\./.exec(item.label)?.[1] ?? 0));

describe('the menu at 60×16', () => {
  // Title, blank, the list, the detail row, hint, footer and a free row: 16 - 6 rows of list.
  const ROWS = 16 - 6;

  it('has 10 rows of list for 19 entries, so it must scroll', () => {
    expect(menuFrame(at(60, 16)).items).toHaveLength(ROWS);
    expect(COUNT).toBeGreaterThan(ROWS);
  });

  it('↓ moves the highlight down the rows, and scrolls one entry only past the bottom row', () => {
    let state = at(60, 16);
    for (let i = 1; i < ROWS; i++) {
      state = run(state, ...keys('down')).state;
      expect([state.menuIndex, state.menuTop]).toEqual([i, 0]);
    }
    state = run(state, ...keys('down')).state;
    expect([state.menuIndex, state.menuTop]).toEqual([ROWS, 1]);
    expect(numbersInView(menuFrame(state))).toEqual(Array.from({ length: ROWS }, (_, i) => i + 2));
  });

  it('↑ then moves the highlight up without scrolling, until it is on the top row', () => {
    let state = run(at(60, 16), ...keys(...Array<'down'>(ROWS).fill('down'))).state;
    const top = state.menuTop;
    for (let i = ROWS - 1; i >= top; i--) {
      state = run(state, ...keys('up')).state;
      const frame = menuFrame(state);
      expect([frame.index, frame.top]).toEqual([i, top]);
      // The highlighted entry is lesson i + 1, on row i - top of the rows in view.
      expect(numbersInView(frame)[frame.index - frame.top]).toBe(i + 1);
    }
    state = run(state, ...keys('up')).state;
    expect([state.menuIndex, state.menuTop]).toEqual([top - 1, top - 1]);
  });

  it('wraps at both ends: ↑ from the first entry shows the list’s last rows, ↓ from the last its first', () => {
    const last = run(at(60, 16), ...keys('up')).state;
    expect([last.menuIndex, last.menuTop]).toEqual([COUNT - 1, COUNT - ROWS]);
    expect(menuFrame(last).items.at(-1)!.label).toContain('Type your own graph');
    const first = run(last, ...keys('down')).state;
    expect([first.menuIndex, first.menuTop]).toEqual([0, 0]);
  });

  it('a lesson’s number moves the window onto it', () => {
    // From the last rows, 1 (waiting for the 5 of 15) highlights lesson 1.
    const state = run(at(60, 16), ...keys('up', '1')).state;
    expect([state.menuIndex, state.menuTop, state.lessonNumber]).toEqual([0, 0, '1']);
  });

  it('a resize keeps the highlight in view, and the window never past the list’s end', () => {
    const low = run(at(60, 16), ...keys('up', 'up')).state;
    expect(low.menuIndex).toBe(COUNT - 2);
    // 100×30 holds the whole list.
    const tall = run(low, { type: 'resize', columns: 100, rows: 30 }).state;
    expect([tall.menuTop, menuFrame(tall).items.length]).toEqual([0, COUNT]);
    // 40×10: four rows, the highlight on the last of them.
    const short = run(low, { type: 'resize', columns: 40, rows: 10 }).state;
    expect([short.menuTop, menuFrame(short).items.length]).toEqual([COUNT - 2 - 3, 4]);
  });
});

describe('the menu at any size, after any keys', () => {
  const key = fc.constantFrom<Action>(...keys('down', 'up', 'j', 'k', 'shift-down', '0', '2', '9', 'x'));
  const resize = fc.record({
    type: fc.constant('resize' as const),
    columns: fc.integer({ min: 40, max: 120 }),
    rows: fc.integer({ min: 10, max: 40 }),
  });

  it('shows the highlight, and scrolls only where the highlight would otherwise leave the view', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(key, key, key, resize), { maxLength: 60 }), (actions) => {
        let state = at(60, 16);
        for (const action of actions) {
          const before = menuFrame(state);
          state = run(state, action).state;
          if (state.screen !== 'menu') return;
          const frame = menuFrame(state);
          expect(frame.top).toBe(state.menuTop);
          expect(frame.index).toBe(state.menuIndex);
          expect(frame.index - frame.top).toBeGreaterThanOrEqual(0);
          expect(frame.index - frame.top).toBeLessThan(frame.items.length);
          expect(frame.top + frame.items.length).toBeLessThanOrEqual(COUNT);
          // The window that was there still shows the highlight (and fits): then it stays.
          const stays = frame.index >= before.top && frame.index < before.top + frame.limit && before.top + frame.limit <= COUNT;
          if (stays) expect(frame.top).toBe(before.top);
        }
      }),
      { seed: 0x6d656e75, numRuns: 200 },
    );
  });
});
