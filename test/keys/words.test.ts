/**
 * Every key the tutor names in a sentence, a footer or the help comes from the
 * key table, the one the reducer reads: rebind a key here and the words follow,
 * and the key named does what the words say. Before, the sentences wrote their
 * keys by hand ('Pick 1–4, or t to type it', 'Enter opens it; m goes back…',
 * '(Esc: the choices)', 'q quits.'), the quiz's digits were a pattern in the
 * reducer, and the help's compact rows were found by their wording.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { inCourse } from '../../src/course.js';
import {
  bindingOf,
  HELP_KEYS,
  keysFor,
  LESSON_KEYS,
  MENU_KEYS,
  NEXT_LESSON,
  PROMPT_KEYS,
  QUIZ_KEYS,
  TYPED_KEYS,
  WORKING_KEYS,
  type Binding,
  type KeyName,
} from '../../src/keys/index.js';
import { stepText } from '../../src/lesson/index.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { buildFrame, type Frame } from '../../src/session/frame.js';
import { lessonOf, situationOf, waitingOf, type Session } from '../../src/session/session.js';
import { catalog, keys, menu, opened, run } from '../helpers/session.js';

/** Bindings changed by a test, as they were: put back after it. */
const changed: [Binding<string>, Binding<string>][] = [];
afterEach(() => {
  for (const [binding, was] of changed.splice(0).reverse()) {
    delete binding.named;
    Object.assign(binding, was);
  }
});

/** Rebind an action for this test: its keys, and the key a sentence names. */
function rebind<A extends string>(table: Binding<A>[], action: A, change: { keys?: KeyName[]; named?: KeyName; does?: string }) {
  const binding = bindingOf(table, action);
  changed.push([binding, { ...binding }]);
  Object.assign(binding, change);
}

const lines = (state: Session) => stepText(lessonOf(state)!, situationOf(state)).lines;

function frameOf<K extends Frame['kind']>(state: Session, kind: K): Extract<Frame, { kind: K }> {
  const frame = buildFrame(state);
  if (frame.kind !== kind) throw new Error(`not ${kind}: ${frame.kind}`);
  return frame as Extract<Frame, { kind: K }>;
}

/** A bundled lesson as the tutor opens it: in the course, so its summary names the next lesson. */
function inTheCourse(id: string, step: number): Session {
  const file = catalog.find((e) => e.id === id)!.file;
  const scenario = inCourse(loadScenarioFile(file), file, catalog);
  return run(menu(), { type: 'opened', lesson: { kind: 'bundled', id }, scenario, step, from: 'menu' }).state;
}

describe('a waiting question names its keys from the table', () => {
  // reuse-add step 8 (index 7), in predict mode: four choices, the answer 2 (the second choice here).
  const waiting = () => opened('reuse-add', 7, true);

  it('as the table has them: Pick 1–4, or t to type it', () => {
    const count = waitingOf(waiting())!.question.choices.length;
    expect(count).toBe(4);
    expect(lines(waiting())).toContain('Pick 1–4, or t to type it (to 3 significant digits).');
  });

  it('rebound: the choices on letters, typing on y', () => {
    rebind(QUIZ_KEYS, 'pick', { keys: [...'abcdefghi'] });
    rebind(QUIZ_KEYS, 'type', { keys: ['y', '-', '.'] });
    expect(lines(waiting())).toContain('Pick a–d, or y to type it (to 3 significant digits).');
    const question = waitingOf(waiting())!.question;
    // b answers with the second choice; 2 no longer does; y starts an empty number.
    expect(run(waiting(), ...keys('b')).state.answers['reuse-add']).toEqual({ 7: { given: question.choices[1].value, hints: 0 } });
    expect(run(waiting(), ...keys('2')).state.answers['reuse-add']).toBeUndefined();
    expect(run(waiting(), ...keys('y')).state.typed).toEqual({ text: '' });
  });

  it('the nudge’s up-or-down question: Press a for up or b for down', () => {
    // add-then-mul's nudge (index 9) asks whether z goes up or down.
    const nudge = opened('add-then-mul', 9, true);
    expect(waitingOf(nudge)!.question.kind).toBe('nudge-direction');
    expect(lines(nudge)).toContain('Press 1 for up or 2 for down.');
    rebind(QUIZ_KEYS, 'pick', { keys: [...'abcdefghi'] });
    expect(lines(nudge)).toContain('Press a for up or b for down.');
  });

  it('a typed answer that is no number names the key back to the choices', () => {
    rebind(TYPED_KEYS, 'cancel', { keys: ['tab'] });
    const state = run(waiting(), ...keys('t', 'e', 'enter')).state;
    expect(state.typed?.error).toBe('“e” is not a number: type one such as -1.5 (Tab: the choices).');
    expect(run(state, ...keys('tab')).state.typed).toBeUndefined();
  });

  it('the help lists the digits that answer, from the table', () => {
    const help = frameOf({ ...run(waiting(), ...keys('?')).state }, 'help').lines;
    expect(help.some((l) => /^1-9 +answer with the choice of that number$/.test(l))).toBe(true);
  });
});

describe('a course lesson’s summary: one rule for the key that opens the next lesson', () => {
  // add's summary (its last step, index 8) names the next lesson, mul.
  const summary = () => inTheCourse('add', lessonOf(opened('add'))!.steps.length - 1);

  it('as the table has it: Enter opens it; m goes back to the menu', () => {
    expect(lines(summary())).toContain('Enter opens it; m goes back to the menu.');
    expect(frameOf(summary(), 'lesson').footer).toMatch(/^Enter next lesson {2}← back/);
  });

  it('rebound to x, and the menu named M: the sentence, the footer, the help and the reducer follow', () => {
    rebind([NEXT_LESSON], 'nextLesson', { keys: ['x'] });
    rebind(LESSON_KEYS, 'menu', { keys: ['escape', 'M'], named: 'M' });
    expect(lines(summary())).toContain('x opens it; M goes back to the menu.');
    expect(frameOf(summary(), 'lesson').footer).toMatch(/^x next lesson {2}← back/);
    const help = frameOf(run(summary(), ...keys('?')).state, 'help').lines;
    expect(help.some((l) => /^x +on a summary: open the next lesson it names$/.test(l))).toBe(true);
    expect(run(summary(), ...keys('x')).effects).toEqual([{ type: 'open', lesson: { kind: 'bundled', id: 'mul' }, step: 0, from: 'menu' }]);
    expect(run(summary(), ...keys('enter')).effects).toEqual([]);
    expect(run(summary(), ...keys('M')).state.screen).toBe('menu');
  });

  it('elsewhere the key is no lesson’s: x does nothing, and the footer has → next', () => {
    rebind([NEXT_LESSON], 'nextLesson', { keys: ['x'] });
    const first = inTheCourse('add', 0);
    expect(run(first, ...keys('x')).effects).toEqual([]);
    expect(frameOf(first, 'lesson').footer).toMatch(/^→ next/);
  });
});

describe('the other sentences that name a key', () => {
  it('the prompt’s empty path names the key that goes back', () => {
    rebind(PROMPT_KEYS, 'cancel', { keys: ['tab'] });
    const prompt = run(menu(), ...keys('up', 'up', 'enter', 'enter')).state;
    expect(prompt.prompt?.error).toBe('Type the path of a .yaml or .json file (Tab goes back).');
  });

  it('a window too small says how to quit where the learner is: q, but Ctrl+C while a path is typed (q types itself)', () => {
    const small = (state: Session) => frameOf({ ...state, window: { columns: 30, rows: 8 } }, 'too-small').text;
    expect(small(menu())).toBe('Make the window at least 40×10 (it is 30×8). q quits.');
    const prompt = run(menu(), ...keys('up', 'up', 'enter')).state;
    expect(small(prompt)).toBe('Make the window at least 40×10 (it is 30×8). Ctrl+C quits.');
    expect(run(prompt, ...keys('q')).state).toMatchObject({ quit: false, prompt: { text: 'q' } });
    rebind(MENU_KEYS, 'quit', { keys: ['Q', 'escape', 'ctrl-c'] });
    expect(small(menu())).toBe('Make the window at least 40×10 (it is 30×8). Q quits.');
  });

  it('while a lesson opens in the background, the key that quits is the table’s', () => {
    rebind(WORKING_KEYS, 'quit', { keys: ['Q', 'ctrl-c'] });
    const working = run(menu(), { type: 'working', what: 'Working…' }).state;
    expect(frameOf(working, 'working').text).toEqual(['Working…', 'Q quits.']);
    expect(run(working, ...keys('q')).state.quit).toBe(false);
    expect(run(working, ...keys('Q')).state.quit).toBe(true);
  });

  it('the menu’s hint while a number is typed names the key that opens', () => {
    rebind(MENU_KEYS, 'open', { keys: ['l', 'enter', 'right', 'space'] });
    expect(frameOf(run(menu(), ...keys('1')).state, 'menu').hint).toBe('l opens lesson 1; 0-7 open 10-17.');
  });

  it('the help’s page-turning line names the table’s key', () => {
    rebind(HELP_KEYS, 'more', { keys: ['n'] });
    const help = run({ ...opened('neuron-learns', 0), window: { columns: 40, rows: 10 } }, ...keys('?')).state;
    expect(frameOf(help, 'help').lines.at(-1)).toBe('n more, any other key closes');
    expect(run(help, ...keys('n')).state.helpPage).toBe(1);
  });

  it('keysFor writes two actions’ keys as a sentence does: + / - for a larger and a smaller step', () => {
    expect(keysFor(LESSON_KEYS, 'more', 'less')).toBe('+ / -');
    // The nudge's line, still written by hand, says the same.
    expect(lines(opened('add-then-mul', 9))).toContain(
      `${keysFor(LESSON_KEYS, 'more', 'less')} take a larger / smaller step; the rate keeps its sign.`,
    );
  });
});

describe('the help’s compact rows pair opposite keys by their actions, not their words', () => {
  // At 60×16 a lesson's whole table and legend fit only with the pairs on one row each.
  const help = () => frameOf(run({ ...opened('neuron', 3), window: { columns: 60, rows: 16 } }, ...keys('?')).state, 'help').lines;

  it('pairs first and last, and the phases, whatever their words', () => {
    expect(help().filter((l) => /^g Home G End +first step, last step$/.test(l))).toHaveLength(1);
    rebind(LESSON_KEYS, 'first', { does: 'to the very start' });
    rebind(LESSON_KEYS, 'last', { does: 'to the very end' });
    rebind(LESSON_KEYS, 'nextPhase', { does: 'on a phase' });
    rebind(LESSON_KEYS, 'previousPhase', { does: 'back a phase' });
    const lines = help();
    expect(lines.filter((l) => /^g Home G End +first step, last step$/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^Tab Shift\+Tab +next phase, previous phase$/.test(l))).toHaveLength(1);
  });
});
