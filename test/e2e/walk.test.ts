// Every step of every bundled lesson, through the built CLI in a pseudo-terminal,
// at 80×24 and at 140×40, read off the screen a learner sees. One tutor per
// lesson; each → waits for the step counter. The frame the session builds for
// the same keys (in process) says where the drawing is cut and where the text
// column starts; the screen must show it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/catalog.js';
import { courseEntries, openLesson } from '../../src/course.js';
import { titleOf } from '../../src/layout/box.js';
import { kindOf } from '../../src/lesson/index.js';
import { buildFrame, type LessonFrame } from '../../src/session/frame.js';
import { GAP } from '../../src/session/plan.js';
import { initialSession, lessonOf, reduce, type Session } from '../../src/session/session.js';
import { assertBuilt, RIGHT } from './pty.js';
import { trackedTuis } from './tracked.js';

const tui = trackedTuis();
const catalog = bundledScenarios();
const course = courseEntries(catalog);

const SIDES = '║╟╢╫';
const TOPS = '═╤╪';
const BOTTOMS = '═╧╪';

/** What is wrong with the current node's box on screen: its double border whole, ▸ and its name on top, v and g (or →) inside. */
function boxProblems(lines: string[], title: string): string[] {
  const cells = lines.map((line) => [...line]);
  const row = cells.findIndex((line) => line.join('').includes(`╔▸${title}`));
  if (row === -1) return [`no ╔▸${title} on screen`];
  const left = cells[row].join('').indexOf(`╔▸${title}`);
  const col = [...cells[row].join('').slice(0, left)].length;
  const right = cells[row].indexOf('╗', col);
  if (right === -1) return ['the top border has no ╗'];
  const out: string[] = [];
  for (let c = col + 2 + [...title].length; c < right; c++) if (!TOPS.includes(cells[row][c])) out.push(`top border broken at column ${c}`);
  let bottom = row + 1;
  while (bottom < cells.length && cells[bottom][col] !== '╚') {
    if (!SIDES.includes(cells[bottom][col]) || !SIDES.includes(cells[bottom][right])) return [...out, `side broken on row ${bottom}`];
    bottom++;
  }
  if (bottom >= cells.length || cells[bottom][right] !== '╝') return [...out, 'no bottom border'];
  for (let c = col + 1; c < right; c++) if (!BOTTOMS.includes(cells[bottom][c])) out.push(`bottom border broken at column ${c}`);
  const inside = cells.slice(row + 1, bottom).map((line) => line.slice(col + 1, right).join(''));
  // Narrow boxes (a drawing that fits 80 columns only so, as lesson 1's) have no blank between the border and v.
  if (!inside.some((l) => /(^| )v /.test(l))) out.push('no value');
  if (!inside.some((l) => /(^| )g |→/.test(l))) out.push('no gradient');
  return out;
}

/** What the screen lacks of the markers the frame has where the drawing is cut. */
function markerProblems(lines: string[], frame: LessonFrame): string[] {
  const beyond = frame.drawing?.beyond;
  if (!beyond) return [];
  const drawn = lines.slice(2, 2 + frame.drawing!.height).map((l) => [...l].slice(0, frame.drawing!.width).join('').trimEnd());
  const out: string[] = [];
  if (beyond.above !== undefined && !drawn[0].includes('▴')) out.push('cut above without ▴');
  if (beyond.below !== undefined && !drawn[drawn.length - 1].includes('▾')) out.push('cut below without ▾');
  if (beyond.left !== undefined && !drawn.some((l) => l.startsWith('◂'))) out.push('cut on the left without ◂');
  if (beyond.right !== undefined && !drawn.some((l) => l.endsWith('more ▸'))) out.push('cut on the right without ▸');
  return out;
}

/** Drawing and text side by side: the text's title on the first row under the phase bar, right of the drawing, whose rows start there too. */
function sharesRows(lines: string[], frame: LessonFrame): boolean {
  const column = frame.drawing!.width + GAP;
  const rows = lines.slice(2, 2 + frame.drawing!.height).map((line) => [...line]);
  return (
    rows[0]?.slice(column).join('').startsWith('▸ ') === true &&
    rows.some((cells) => /[─│╭╮╰╯━┃┏┓┗┛═║╔╗╚╝]/.test(cells.slice(0, column).join('')))
  );
}

function walk(columns: number, rows: number, beside: boolean) {
  describe.each(catalog.map((e) => e.id))(`%s at ${columns}×${rows}`, (id) => {
    it('every step shows its current node whole, no internal id, markers where cut, within the window', { timeout: 120_000 }, async () => {
      // As the CLI opens it: in the course, so its summary names the next lesson.
      const opened = openLesson({ kind: 'bundled', id }, catalog);
      if (!('scenario' in opened)) throw new Error(opened.error);
      const { scenario } = opened;
      const byName = new Map(scenario.graph.nodes.map((n) => [n.name, n]));
      let state: Session = initialSession({ window: { columns, rows }, course });
      state = reduce(state, { type: 'opened', lesson: { kind: 'bundled', id }, scenario, step: 0, from: 'menu' }).state;
      const lesson = lessonOf(state)!;
      const count = lesson.steps.length;
      const home = mkdtempSync(join(tmpdir(), 'gt-walk-'));
      const t = await tui([id], { cols: columns, rows, env: { HOME: home, XDG_STATE_HOME: join(home, 'state'), NO_COLOR: '1' } });
      const found: string[] = [];
      let sideBySide = 0;
      for (let k = 0; k < count; k++) {
        if (k > 0) {
          t.write(RIGHT);
          state = reduce(state, { type: 'key', key: 'right' }).state;
        }
        const screen = await t.waitFor(new RegExp(`step ${k + 1}/${count}$`, 'm'));
        const lines = screen.split('\n');
        const frame = buildFrame(state) as LessonFrame;
        const step = lesson.steps[k];
        const say = (p: string) => found.push(`step ${k + 1} (${step.title}): ${p}`);
        if (lines.length >= rows) say(`${lines.length} rows on a ${rows}-row screen`);
        if (!lines[0].endsWith(`step ${k + 1}/${count}`)) say('the header is not on the first row');
        for (const [r, line] of lines.entries()) if ([...line].length > columns) say(`row ${r} is wider than ${columns}`);
        if (/#\d/.test(screen)) say(`an internal id: ${/.*#\d.*/.exec(screen)![0]}`);
        const current = step.highlight.current;
        // A phase shown as its text alone (the Train phase's chart, the Slope phase's picture) has no drawing to check.
        const shown = kindOf(step.phase).screen?.drawing ?? 'graph';
        if (shown !== 'none') {
          // The text comes first: a step with no node of its own (the summary's table, say) may leave the drawing out.
          if (!frame.drawing && (current !== undefined || shown === 'always')) say('no drawing');
          else if (current !== undefined) for (const p of boxProblems(lines, titleOf(byName.get(current)!))) say(p);
          for (const p of markerProblems(lines, frame)) say(p);
        }
        if (beside && frame.drawing) {
          if (frame.arrangement !== 'beside') say('not side by side');
          else if (!sharesRows(lines, frame)) say('drawing and text do not share rows');
          else sideBySide++;
        }
      }
      expect(found).toEqual([]);
      if (beside) expect(sideBySide).toBeGreaterThan(0);
      t.write('q');
      await t.exit();
    });
  });
}

describe('the checks of the walk', () => {
  const whole = ['┏━a━━┓  ╔▸× c════╗', '┃ v 3┠─▶║ v -2   ║', '┗━━━━┛  ║ g  ·   ╟─▶', '        ╚════════╝'];
  it('pass a whole box and name what is wrong with a cut or unnamed one', () => {
    expect(boxProblems(whole, '× c')).toEqual([]);
    expect(boxProblems(whole.slice(0, 3), '× c')).toEqual(['no bottom border']);
    expect(
      boxProblems(
        whole.map((l) => l.replace('║ v -2   ║', '║ v -2    ')),
        '× c',
      ),
    ).toEqual(['side broken on row 1']);
    expect(boxProblems(whole, '+ c')).toEqual(['no ╔▸+ c on screen']);
    expect(
      boxProblems(
        whole.map((l) => l.replace(' g  · ', ' x  · ')),
        '× c',
      ),
    ).toEqual(['no gradient']);
  });
});

describe('walking every lesson', () => {
  beforeAll(() => assertBuilt());
  walk(80, 24, false);
  walk(140, 40, true);
});
