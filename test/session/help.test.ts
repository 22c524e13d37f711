/**
 * The help lists every key the learner can use where they pressed `?`, read
 * off the key table, in every window the tutor draws in (down to its 40×10
 * minimum, where the help takes pages: Space turns them).
 */
import { describe, expect, it } from 'vitest';
import {
  HELP_KEYS,
  LESSON_KEYS,
  MENU_KEYS,
  QUIZ_KEYS,
  showKey,
  TYPED_KEYS,
  WAITING,
  type Binding,
  type KeyName,
} from '../../src/keys/index.js';
import { buildFrame } from '../../src/session/frame.js';
import { lessonOf, waitingOf, type Session } from '../../src/session/session.js';
import { keys, menu, opened, run } from '../helpers/session.js';

const SIZES = [
  [40, 10],
  [60, 16],
  [80, 24],
  [100, 30],
];

/** Every page of the help opened from `state`, in order; it must close on the key after its last page. */
function helpPages(state: Session): string[][] {
  let help = run(state, ...keys('?')).state;
  const pages: string[][] = [];
  for (;;) {
    const frame = buildFrame(help);
    if (frame.kind !== 'help') throw new Error(`not the help: ${frame.kind}`);
    pages.push(frame.lines);
    for (const line of frame.lines) expect([...line].length).toBeLessThanOrEqual(state.window.columns);
    expect(frame.lines.length).toBeLessThan(state.window.rows);
    help = run(help, ...keys(HELP_KEYS[0].keys[0])).state;
    if (!help.help) return pages;
    expect(pages.length).toBeLessThan(20);
  }
}

/** A binding with the keys of it that still work where it is listed (a waiting question takes ↑ ↓ for its choices). */
type Usable = { binding: Binding<string>; keys: KeyName[] };
const all = (table: Binding<string>[]): Usable[] => table.map((binding) => ({ binding, keys: binding.keys }));

/** Whether some row of the help names the binding (its words up to a bracket or comma) beside each of its keys. */
function listed(lines: string[], { binding, keys }: Usable): boolean {
  const does = binding.does.split(/ \(|;|,/)[0];
  // A row wrapped in a narrow window goes on under its words, the keys' column blank.
  const rows = lines.reduce<string[]>(
    (out, line) => (/^ {3}/.test(line) && out.length ? [...out.slice(0, -1), `${out.at(-1)} ${line.trim()}`] : [...out, line]),
    [],
  );
  return rows.some((line) => {
    const [column, ...rest] = line.split(/ {2,}/);
    if (!rest.join(' ').includes(does)) return false;
    const names = column.split(' ');
    // A binding written as one short form (wasd, 0-9) is listed by that form.
    if (binding.shown) return names.includes(binding.shown.help.split(' ')[0]);
    return keys.every((key) => names.includes(showKey(key)));
  });
}

/** What a learner can use in a lesson with no question waiting: every lesson key, z only where the lesson trains. */
function lessonUsable(state: Session): Usable[] {
  return all([...LESSON_KEYS, ...(lessonOf(state)!.training ? [TRAIN_Z] : [])]);
}

/** The Train phase's own key, as a learner reads it in the README. */
const TRAIN_Z = { action: 'zeroGrad', keys: ['z'], does: 'Train: the run without zero_grad, beside it' };

/** While a question waits: its keys, the typing keys where a number can be typed (a rule's once t is pressed), the lesson keys that still work. */
function questionUsable(state: Session): Usable[] {
  const question = waitingOf(state)!;
  const typed = question.question.kind !== 'nudge-direction';
  const quiz = all(QUIZ_KEYS).filter((u) => (u.binding.action !== 'type' || typed) && (u.binding.action !== 'skip' || !question.again));
  const taken = new Set(quiz.flatMap((u) => u.keys));
  const still = all([...LESSON_KEYS, ...(lessonOf(state)!.training ? [TRAIN_Z] : [])])
    .filter((u) => !WAITING.includes(u.binding.action as never))
    .map((u) => ({ ...u, keys: u.keys.filter((k) => !taken.has(k)) }))
    .filter((u) => u.keys.length > 0);
  const typing = all(TYPED_KEYS).filter((u) => u.binding.action !== 'rule' && u.binding.action !== 'quit');
  return [...quiz, ...(typed ? typing : []), ...still];
}

/** The typing keys: a rule's only where the question takes one. */
const typingKeys = (state: Session): Usable[] =>
  all(TYPED_KEYS).filter((u) => u.binding.action !== 'rule' || waitingOf(state)!.question.rule !== undefined);

/** While an answer is typed every other key waits: the typing keys, and ? for the help. */
function typingUsable(state: Session): Usable[] {
  return [...typingKeys(state), ...all(LESSON_KEYS.filter((b) => b.action === 'help'))];
}

function firstStep(id: string, predict: boolean, where: (state: Session) => boolean): Session {
  const steps = lessonOf(opened(id))!.steps.length;
  for (let step = 0; step < steps; step++) {
    const state = opened(id, step, predict);
    if (where(state)) return state;
  }
  throw new Error(`no such step in ${id}`);
}

const phase = (state: Session) => lessonOf(state)!.steps[state.open!.step].phase;

const CONTEXTS: [string, () => Session, (state: Session) => Usable[]][] = [
  ['the menu', menu, () => all(MENU_KEYS)],
  ['a lesson that does not train', () => opened('neuron', 3), lessonUsable],
  ['the Train phase', () => firstStep('neuron-learns', false, (s) => phase(s) === 'train'), lessonUsable],
  ['predict mode, in the Train phase', () => firstStep('neuron-learns', true, (s) => phase(s) === 'train'), lessonUsable],
  ['a question waiting in a lesson that trains', () => firstStep('neuron-learns', true, (s) => !!waitingOf(s)), questionUsable],
  ['the nudge question', () => firstStep('neuron-learns', true, (s) => waitingOf(s)?.question.kind === 'nudge-direction'), questionUsable],
  [
    'a number being typed',
    () =>
      run(
        firstStep('forgot-zero-grad', true, (s) => !!waitingOf(s)),
        ...keys('t', '1'),
      ).state,
    typingUsable,
  ],
  ['a local derivative waiting, which takes a rule', () => opened('mul', 3, true), questionUsable],
  ['a rule being typed', () => run(opened('mul', 3, true), ...keys('t', 'b')).state, typingUsable],
];

describe('the help lists every key usable where it was opened', () => {
  for (const [name, make, usable] of CONTEXTS)
    for (const [columns, rows] of SIZES)
      it(`${name}, at ${columns}×${rows}`, () => {
        const state = { ...make(), window: { columns, rows } };
        const pages = helpPages(state);
        const lines = pages.flat();
        // The one-page table that pairs opposite keys to fit leaves out the help's own row, the key just pressed.
        const paired = pages.length === 1 && lines.some((l) => l.includes('first step, last step') || l.includes('next phase, previous'));
        const missing = usable(state)
          .filter((u) => !(paired && u.binding.action === 'help'))
          .filter((u) => !listed(lines, u))
          .map((u) => u.binding.action);
        expect(missing).toEqual([]);
      });
});

describe('the help while an answer is typed', () => {
  it('says q types itself and Ctrl+C quits, and lists no key that waits (q, the arrows)', () => {
    const lines = helpPages({ ...run(opened('mul', 3, true), ...keys('t', 'b')).state, window: { columns: 80, rows: 24 } }).flat();
    expect(lines[0]).toBe('Keys while an answer is typed — any key closes this');
    expect(lines).toContain('Ctrl+C         typing: quit (q does not: a rule may hold it)');
    expect(lines.some((l) => l.startsWith('a-z ( ) * / ^'))).toBe(true);
    expect(lines.some((l) => /^q\b|^← /.test(l))).toBe(false);
    // Where only a number is asked, letters wait: no rule row.
    const number = helpPages({ ...run(opened('reuse-add', 7, true), ...keys('t', '1')).state, window: { columns: 80, rows: 24 } }).flat();
    expect(number.some((l) => l.startsWith('a-z'))).toBe(false);
  });
});

describe('the help in pages', () => {
  it('at 40×10 in predict mode: a page counter, the key that turns it, z on a later page', () => {
    const state = { ...firstStep('neuron-learns', true, (s) => phase(s) === 'train'), window: { columns: 40, rows: 10 } };
    const pages = helpPages(state);
    // 6 quiz rows, 16 lesson rows and the legend's lines, 7 to a page (9 rows: the title and the turning line).
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil((6 + 16) / 7));
    expect(pages[0][0]).toBe(`Keys in predict mode (1/${pages.length})`);
    expect(pages[0].at(-1)).toBe('Space more, any other key closes');
    expect(pages.at(-1)!.at(-1)).toBe('any key closes');
    expect(pages.findIndex((p) => p.some((l) => l.startsWith('z ')))).toBeGreaterThan(0);
  });

  it('closes on any key but Space ↓ j, on any page', () => {
    const state = { ...opened('neuron-learns', 0), window: { columns: 40, rows: 10 } };
    expect(run(state, ...keys('?', 'x')).state.help).toBe(false);
    expect(run(state, ...keys('?', 'space', 'x')).state.help).toBe(false);
    expect(run(state, ...keys('?', 'space')).state).toMatchObject({ help: true, helpPage: 1 });
  });
});
