// The menu in a real terminal at 60×16: ten rows of a list of 19 entries. The
// `❯` that ink-select-input draws moves with ↓ and ↑, and the list scrolls only
// when the highlight would leave it. It used to sit on the bottom row after any
// scroll, so that every ↑ scrolled the whole list.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, DOWN, UP } from './pty.js';
import { trackedTuis } from './tracked.js';

const tui = trackedTuis();

/** The lesson numbers of the list's rows, top to bottom, and the number of the one the `❯` is on. */
function list(screen: string): { numbers: number[]; highlighted: number } {
  const rows = screen.split('\n').filter((line) => /^[❯ ] [ ✓▸] +\d+\./.test(line));
  const number = (row: string) => Number(/(\d+)\./.exec(row)![1]);
  return { numbers: rows.map(number), highlighted: number(rows.find((row) => row.startsWith('❯')) ?? ' 0.') };
}

const highlighting = (n: number) => new RegExp(`^❯ [ ✓▸] +${n}\\.`, 'm');

describe('the menu at 60×16, in a terminal', () => {
  beforeAll(() => assertBuilt());

  it('↓ moves the highlight to the bottom row and then scrolls; ↑ moves it back up without scrolling', async () => {
    const home = mkdtempSync(join(tmpdir(), 'menu-window-'));
    const env = { HOME: home, XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache') };
    const t = await tui([], { env, cols: 60, rows: 16 });
    let screen = await t.waitFor(highlighting(1));
    expect(list(screen)).toEqual({ numbers: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], highlighted: 1 });

    t.write(DOWN.repeat(9));
    screen = await t.waitFor(highlighting(10));
    expect(list(screen).numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    t.write(DOWN.repeat(3));
    screen = await t.waitFor(highlighting(13));
    expect(list(screen).numbers).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);

    // Up: the highlight climbs the rows, the list stays, until it has reached the top row.
    for (const n of [12, 11, 10, 9, 8, 7, 6, 5, 4]) {
      t.write(UP);
      screen = await t.waitFor(highlighting(n));
      expect(list(screen).numbers).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    }
    t.write(UP);
    screen = await t.waitFor(highlighting(3));
    expect(list(screen).numbers).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

    t.write('q');
    expect((await t.exit()).code).toBe(0);
  }, 30_000);
});
