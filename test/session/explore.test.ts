import { describe, expect, it } from 'vitest';
import { scenarioFromTyped } from '../../src/scenario/index.js';
import { buildLesson, type Lesson } from '../../src/lesson/index.js';
import { changeLine, inputValue, roleOf, sameStep, SAID_OF_FILE, withValue } from '../../src/session/explore.js';
import { buildFrame, type LessonFrame } from '../../src/session/frame.js';
import { layoutFor } from '../../src/session/lessons.js';
import { lessonOf, scoresOf, waitingOf, type Session } from '../../src/session/session.js';
import { keys, opened, run, scenario, step } from '../helpers/session.js';

const frameOf = (state: Session) => buildFrame(state) as LessonFrame;
const z = (state: Session) => lessonOf(state)!.trace.values.z;

describe('an edit, worked out', () => {
  // mul: z = a · b with a = 3, b = -5. By hand, with a = 4: z = 4 · (-5) = -20, a.grad = b = -5 (as before), b.grad = a = 4.
  const file = scenario('mul');
  const edited = withValue(file, 'a', 4);
  const before = buildLesson(file);
  const after = buildLesson(edited);

  it('recomputes every value and gradient from the new value', () => {
    expect(after.trace.values.z).toBe(-20);
    expect(after.trace.grads.a).toBe(-5);
    expect(after.trace.grads.b).toBe(4);
    // The nudge moves each input by 0.01 × its gradient: b by 0.04, to -4.96, and z to 4.05 · (-4.96) = -20.088.
    expect(after.nudge.moves.find((m) => m.input === 'b')!.after).toBeCloseTo(-5 + 0.01 * 4, 12);
    expect(after.nudge.after).toBeCloseTo((4 + 0.01 * -5) * (-5 + 0.01 * 4), 12);
  });

  it('leaves the file’s scenario as it was', () => {
    expect(inputValue(file, 'a')).toBe(3);
    expect(file.graph.nodes.find((n) => n.name === 'a')!.value).toBe(3);
    expect(inputValue(edited, 'a')).toBe(4);
  });

  it('keeps the drawing’s layout: no box’s size depends on a value, and a large graph takes seconds to lay out', () => {
    const laidOut = layoutFor(file.graph, false);
    expect(layoutFor(withValue(file, 'a', 4).graph, false)).toBe(laidOut);
    // A style not laid out yet when the edit was made: laid out once, for both.
    const other = scenario('add');
    const edited = withValue(other, 'a', 7).graph;
    expect(layoutFor(edited, true)).toBe(layoutFor(other.graph, true));
  });

  it('says what changed: the input, the output, the gradients that moved (a.grad did not)', () => {
    expect(changeLine(before, after)).toBe('a: 3 → 4. z: -15 → -20; b.grad: 3 → 4.');
    expect(changeLine(after, before)).toBe('a: 4 → 3. z: -20 → -15; b.grad: 4 → 3.');
  });

  it('fits the window, a cut marked', () => {
    const line = changeLine(before, after, 20);
    expect([...line]).toHaveLength(20);
    expect(line).toBe('a: 3 → 4. z: -15 → …');
  });

  it('names at most three gradients on a large graph, then how many more moved', () => {
    // z = c · (a1 + … + a30): each ai.grad is c, so c = 1 → 2 moves all thirty; c.grad = Σ ai = 30 stays.
    const names = Array.from({ length: 30 }, (_, i) => `a${i + 1}`);
    const big = scenarioFromTyped(`z = c * (${names.join(' + ')})`, ['c=1', ...names.map((n) => `${n}=1`)]);
    const line = changeLine(buildLesson(big), buildLesson(withValue(big, 'c', 2)));
    expect(line).toBe('c: 1 → 2. z: 30 → 60; a1.grad: 1 → 2; a2.grad: 1 → 2; a3.grad: 1 → 2; 27 more.');
  });

  it('says so when no gradient moved', () => {
    // z = a + b: every gradient is 1 whatever the values.
    const sum = scenarioFromTyped('z = a + b', ['a=1', 'b=2']);
    expect(changeLine(buildLesson(sum), buildLesson(withValue(sum, 'a', 5)))).toBe('a: 1 → 5. z: 3 → 7; no input’s gradient moved.');
  });
});

describe('the file’s words on an edited lesson', () => {
  it('a note or description with a number is marked as said of the file’s values, once; one without, left as it is', () => {
    // slope: the note on x works out 6 · 3 − 4 = 14 at the file's x = 3; at x = 4 the slope is 6 · 4 − 4 = 20.
    const file = scenario('slope');
    const once = withValue(file, 'x', 4);
    const twice = withValue(once, 'x', 5);
    const note = (s: typeof file) => s.graph.nodes.find((n) => n.name === 'x')!.note!;
    expect(note(once)).toBe(`${note(file)} ${SAID_OF_FILE}`);
    expect(note(twice)).toBe(note(once));
    expect(once.description).toBe(`${file.description!.trimEnd()} ${SAID_OF_FILE}`);
    expect(buildLesson(once).slope!.exact).toBe(6 * 4 - 4);
    // mul's note on b holds no number: the rule it states holds for any values.
    const mul = scenario('mul');
    expect(withValue(mul, 'a', 4).graph.nodes.find((n) => n.name === 'b')!.note).toBe(mul.graph.nodes.find((n) => n.name === 'b')!.note);
  });
});

describe('a lesson with params and data', () => {
  it('tells a param from data, and data set by the examples from data that is not', () => {
    const neuron = scenario('neuron-learns');
    expect(roleOf(neuron, 'w1')).toBe('param');
    expect(roleOf(neuron, 'y')).toBe('data');
    expect(roleOf(scenario('mlp'), 'x1')).toBe('data, example 1');
    // Every input a param: nothing to tell apart.
    expect(roleOf(scenario('mul'), 'a')).toBeUndefined();
  });

  it('a param: the loss and its gradients follow, by an independent computation', () => {
    // n = x1·w1 + x2·w2 + b, o = tanh(n), loss = (o − y)², with x1 = 2, x2 = 0, w2 = 1, y = 0, and w1 set to -2.
    const b = 6.8813735870195432;
    const n = 2 * -2 + 0 * 1 + b;
    const o = Math.tanh(n);
    const lesson = buildLesson(withValue(scenario('neuron-learns'), 'w1', -2));
    expect(lesson.trace.values.loss).toBeCloseTo(o * o, 12);
    // ∂loss/∂w1 = 2(o − y) · (1 − o²) · x1.
    expect(lesson.trace.grads.w1).toBeCloseTo(2 * o * (1 - o * o) * 2, 12);
  });

  it('a data value of the examples: set in the first row (the one the steps show), the others as they were', () => {
    const mlp = scenario('mlp');
    const edited = withValue(mlp, 'x1', 0.5);
    expect(edited.examples![0].x1).toBe(0.5);
    expect(edited.examples!.slice(1)).toEqual(mlp.examples!.slice(1));
    expect(mlp.examples![0].x1).toBe(2);
    const lesson = buildLesson(edited);
    expect(lesson.trace.values.x1).toBe(0.5);
  });
});

describe('the same step after an edit', () => {
  const lesson = (...phases: string[]) => ({ steps: phases.map((phase) => ({ phase })) }) as unknown as Lesson;

  it('the same phase, as far into it', () => {
    expect(sameStep(lesson('overview', 'forward', 'forward', 'backward'), lesson('overview', 'forward', 'forward', 'backward'), 2)).toBe(2);
    // One forward step more before the backward pass: the second backward step is still the second.
    expect(sameStep(lesson('forward', 'backward', 'backward'), lesson('forward', 'forward', 'backward', 'backward'), 2)).toBe(3);
  });

  it('clamped where the phase has fewer steps now, or is gone', () => {
    expect(sameStep(lesson('forward', 'check', 'check', 'check', 'summary'), lesson('forward', 'check', 'summary'), 3)).toBe(1);
    expect(sameStep(lesson('forward', 'train', 'train', 'summary'), lesson('forward', 'summary'), 2)).toBe(1);
  });
});

describe('e and E in a lesson', () => {
  it('e, a name, a value and Enter: the lesson on the new value, on the same step, marked edited, the change said', () => {
    const state = run(opened('mul', 3), ...keys('e', 'a', '4', 'enter')).state;
    expect(z(state)).toBe(-20);
    expect(step(state)).toBe(3);
    const frame = frameOf(state);
    expect(frame.counter).toBe('edited · step 4/8');
    expect(frame.editing).toBe('a: 3 → 4. z: -15 → -20; b.grad: 3 → 4.');
    // The line is read by the next key; the mark stays until E.
    const on = run(state, ...keys('right')).state;
    expect(frameOf(on).editing).toBeUndefined();
    expect(frameOf(on).counter).toBe('edited · step 5/8');
    const back = run(on, ...keys('E')).state;
    expect(z(back)).toBe(-15);
    expect(frameOf(back).counter).toBe('step 5/8');
    expect(frameOf(back).editing).toBe('The file’s values: a: 4 → 3. z: -20 → -15; b.grad: 4 → 3.');
  });

  it('the drawing shows the new value', () => {
    const state = run(opened('mul', 1), ...keys('e', 'b', '7', 'enter')).state;
    const drawn = frameOf(state)
      .drawing!.lines.map((line) => line.map((run) => run.text).join(''))
      .join('\n');
    // a · b = 3 · 7 = 21.
    expect(drawn).toContain('21');
    expect(drawn).toContain(' 7');
  });

  it('an edit on an edit: E puts back the file’s values, not the first edit’s', () => {
    const twice = run(opened('mul', 3), ...keys('e', 'a', '4', 'enter', 'e', 'b', '2', 'enter')).state;
    expect(z(twice)).toBe(8);
    const back = run(twice, ...keys('E')).state;
    expect(z(back)).toBe(-15);
    expect(frameOf(back).editing).toBe('The file’s values: a: 4 → 3; b: 2 → -5. z: 8 → -15; a.grad: 2 → -5; b.grad: 4 → 3.');
  });

  it('picking: Tab moves among the names that match, Enter picks the one shown', () => {
    // neuron-learns' inputs: x1 x2 w1 w2 b y. x matches x1 and x2; Tab moves to x2.
    const picking = run(opened('neuron-learns', 3), ...keys('e', 'x')).state;
    expect(frameOf(picking).editing).toMatch(/^Change which input\? x▏ ▸x1 \(data\) = 2 x2/);
    const tabbed = run(picking, ...keys('tab')).state;
    expect(frameOf(tabbed).editing).toMatch(/▸x2 \(data\) = 0 x1/);
    const valued = run(tabbed, ...keys('enter')).state;
    expect(frameOf(valued).editing).toMatch(/^x2 \(data\) = 0, new value: ▏/);
    // A name picked as soon as typed, then Enter from habit: it waits for the value.
    expect(run(opened('neuron-learns', 3), ...keys('e', 'w', '1', 'enter')).state.open!.explore!.typing).toEqual({
      input: 'w1',
      text: '',
      choice: 0,
    });
  });

  it('a comma is a decimal point', () => {
    expect(z(run(opened('mul', 3), ...keys('e', 'a', '0', ',', '5', 'enter')).state)).toBe(0.5 * -5);
  });

  it('bad text: one clear line, the text kept, nothing changed; Esc cancels', () => {
    const bad = run(opened('mul', 3), ...keys('e', 'a', '1', 'e', 'enter')).state;
    expect(frameOf(bad).editing).toBe('“1e” is not a number: type one such as -1.5 (Esc: cancel).');
    expect(bad.open!.explore!.typing!.text).toBe('1e');
    expect(z(bad)).toBe(-15);
    // Fixed: 1e1 = 10.
    expect(z(run(bad, ...keys('1', 'enter')).state)).toBe(-50);
    const cancelled = run(bad, ...keys('escape')).state;
    expect(cancelled.open!.explore).toBeUndefined();
    expect(z(cancelled)).toBe(-15);
    expect(cancelled.screen).toBe('lesson');
  });

  it('a value past what a number holds is refused, as the loader refuses it', () => {
    const huge = run(opened('mul', 3), ...keys('e', 'a', ...'1e999', 'enter')).state;
    expect(frameOf(huge).editing).toContain('“1e999” is not a number');
    expect(z(huge)).toBe(-15);
  });

  it('a name no input has: said, and Backspace takes it back', () => {
    const wrong = run(opened('mul', 3), ...keys('e', 'q')).state;
    expect(frameOf(wrong).editing).toBe('No input starts with “q”: Backspace erases, Esc cancels.');
    expect(wrong.quit).toBe(false);
    expect(frameOf(run(wrong, ...keys('backspace')).state).editing).toMatch(/^Change which input\? ▏ ▸a = 3 b/);
  });

  it('the value it has already: said, and the lesson not marked edited', () => {
    const same = run(opened('mul', 3), ...keys('e', 'a', '3', 'enter')).state;
    expect(frameOf(same).editing).toBe('a is 3 already: nothing changed.');
    expect(frameOf(same).counter).toBe('step 4/8');
  });

  it('E with nothing edited says so', () => {
    expect(frameOf(run(opened('mul', 3), ...keys('E')).state).editing).toBe('Nothing to put back: these are the file’s values.');
  });

  it('? while a name is typed opens the help with the edit’s keys (no name holds ?); any key closes it, the name kept', () => {
    const picking = run(opened('neuron-learns', 3), ...keys('e', 'x')).state;
    const helped = run(picking, ...keys('?')).state;
    const help = buildFrame(helped);
    expect(help.kind).toBe('help');
    const lines = help.kind === 'help' ? help.lines : [];
    expect(lines[0]).toBe('Keys while an input is picked by name — any key closes this');
    // Every binding of the edit is listed by what it does, and no lesson key (a name takes q, e and the rest).
    for (const does of [
      'the next input the name matches',
      'the one before',
      'change the input shown',
      'erase a character',
      'cancel, nothing changed',
    ])
      expect(lines.some((l) => l.includes(`editing: ${does}`))).toBe(true);
    expect(lines.some((l) => l.includes('next step'))).toBe(false);
    expect(lines.some((l) => /^Ctrl\+C +editing: quit \(q types itself in a name\)/.test(l))).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(16);
    const closed = run(helped, ...keys('space')).state;
    expect(closed.help).toBe(false);
    expect(closed.open!.explore!.typing).toEqual({ text: 'x', choice: 0 });
    expect(frameOf(closed).editing).toMatch(/^Change which input\? x▏ ▸x1/);
  });

  it('? while the new value is typed opens the help with the value’s keys; any key closes it, the value kept', () => {
    const typing = run(opened('mul', 3), ...keys('e', 'a', '-', '2')).state;
    const helped = run(typing, ...keys('?')).state;
    const help = buildFrame(helped);
    const lines = help.kind === 'help' ? help.lines : [];
    expect(lines[0]).toBe('Keys while an input’s new value is typed — any key closes this');
    expect(lines.some((l) => /^Enter +editing: set the input to the value typed/.test(l))).toBe(true);
    expect(lines.some((l) => /^Esc +editing: cancel, nothing changed/.test(l))).toBe(true);
    // No picking among names here, and no answer to give.
    expect(lines.some((l) => l.includes('the next input the name matches') || l.includes('answer'))).toBe(false);
    const closed = run(helped, ...keys('space')).state;
    expect(closed.open!.explore!.typing).toEqual({ input: 'a', text: '-2', choice: 0 });
    // Then Enter sets it: z = -2 · (-5) = 10.
    expect(z(run(closed, ...keys('enter')).state)).toBe(10);
  });

  it('the pick line at 60 columns lists what fits, then how many more', () => {
    const state = run({ ...opened('mlp', 3), window: { columns: 60, rows: 16 } }, ...keys('e')).state;
    const line = frameOf(state).editing!;
    expect([...line].length).toBeLessThanOrEqual(60);
    expect(line).toMatch(/^Change which input\? ▏ ▸x1 \(data, example 1\) = 2 x2 x3 y \+41$/);
  });
});

describe('predict mode on an edited lesson', () => {
  // mul in predict mode, edited on the seed (index 2, no question): the backward edge z → a (index 3) asks a.grad,
  // with a = 4 still b = -5, and z → b (index 4) asks b.grad = a = 4, where the file's answer is 3.
  const edited = () => run(opened('mul', 2, true), ...keys('e', 'a', '4', 'enter')).state;

  it('asks and judges on the edited numbers', () => {
    const state = run(edited(), ...keys('right', 't', '-', '5', 'enter', 'right')).state;
    expect(step(state)).toBe(4);
    expect(waitingOf(state)!.question.answer).toBe(4);
  });

  it('keeps the answers out of progress and mastery, and the summary says so', () => {
    const start = edited();
    const answered = run(start, ...keys('right', 't', '-', '5', 'enter', 'right', 't', '4', 'enter'));
    expect(answered.state.answers).toEqual({});
    expect(answered.effects.filter((e) => e.type === 'practiced')).toEqual([]);
    expect(answered.state.open!.explore!.answers).toEqual({ 3: { given: -5, hints: 0 }, 4: { given: 4, hints: 0 } });
    expect(scoresOf(answered.state)).toEqual({});
    const summary = run(answered.state, ...keys('G')).state;
    expect(frameOf(summary).text.lines.join(' ').replace(/\s+/g, ' ')).toContain(
      'You changed this lesson’s values (e): answers in predict mode are judged on yours and not kept in your progress; E puts the file’s back.',
    );
  });

  it('E: the answers given on the file’s numbers are the ones that count again', () => {
    const first = run(opened('mul', 3, true), ...keys('t', '-', '5', 'enter')).state;
    expect(first.answers.mul[3]).toEqual({ given: -5, hints: 0 });
    const edited = run(first, ...keys('e', 'b', '2', 'enter')).state;
    // a.grad is b = 2 now: asked again on the edited numbers.
    expect(waitingOf(edited)?.question.answer).toBe(2);
    const restored = run(edited, ...keys('t', '2', 'enter', 'E')).state;
    expect(waitingOf(restored)).toBeUndefined();
    expect(restored.answers.mul).toEqual({ 3: { given: -5, hints: 0 } });
  });

  it('the score kept for the lesson is of the file’s numbers while it is edited', () => {
    // a.grad = b: -5 in the file, right; 2 once b = 2, where -5 would be wrong.
    const first = run(opened('mul', 3, true), ...keys('t', '-', '5', 'enter')).state;
    expect(scoresOf(first).mul).toEqual({ right: 1, asked: 1 });
    const edited = run(first, ...keys('e', 'b', '2', 'enter')).state;
    expect(scoresOf(edited).mul).toEqual({ right: 1, asked: 1 });
  });

  it('a review of last time’s misses asks on the file’s numbers: e says so and changes nothing', () => {
    const item = { lesson: { kind: 'bundled' as const, id: 'mul' }, step: 3 };
    const asked = run(
      { ...opened('add'), screen: 'menu' as const, predict: true },
      { type: 'review', items: [item] },
      { type: 'opened', lesson: item.lesson, scenario: scenario('mul'), step: 3, from: 'review' },
      ...keys('1'),
    ).state;
    expect(asked.review?.answer).toBeDefined();
    const pressed = run(asked, ...keys('e', 'a')).state;
    expect(frameOf(pressed).editing).toBeUndefined();
    expect(frameOf(run(asked, ...keys('e')).state).editing).toBe('Finish the review first: it asks on the file’s numbers.');
    expect(z(pressed)).toBe(-15);
  });

  it('e waits while a question does, as the knobs do', () => {
    const waiting = opened('mul', 3, true);
    expect(run(waiting, ...keys('e')).state).toBe(waiting);
  });
});
