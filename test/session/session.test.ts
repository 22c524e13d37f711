import { describe, expect, it } from 'vitest';
import { inCourse } from '../../src/course.js';
import { questionAt } from '../../src/lesson/index.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { LESSON_KEYS, MENU_KEYS, PAN, PROMPT_KEYS, QUIZ_KEYS, TYPED_KEYS, type Binding, type KeyName } from '../../src/keys/index.js';
import { lessonKeysOf } from '../../src/session/lesson-keys.js';
import { buildFrame } from '../../src/session/frame.js';
import { lessonOf, scoresOf, seenOf, waitingOf, type Session } from '../../src/session/session.js';
import { recordAnswer } from '../../src/mastery/index.js';
import { catalog, course, keys, menu, opened, run, scenario, step } from '../helpers/session.js';

/** One check per action of a table, run for every key bound to it: a binding without a check fails the test below. */
type Checks<A extends string> = Record<A, (key: KeyName) => void>;
function everyKey<A extends string>(table: Binding<A>[], checks: Checks<A>) {
  for (const binding of table) for (const key of binding.keys) it(`${binding.action}: ${key}`, () => checks[binding.action](key));
}

describe("a phase kind's own keys", () => {
  // The Train phase's z, in a lesson that trains: the lesson's key table has it after the knobs.
  const own = lessonKeysOf(lessonOf(opened('neuron-learns', 25))).filter((b) => b.phase !== undefined);
  it('are in the lesson that has the phase, and only there', () => {
    expect(own.map((b) => [b.action, b.phase])).toEqual([['zeroGrad', 'train']]);
    expect(lessonKeysOf(lessonOf(opened('add-then-mul', 4))).some((b) => b.phase !== undefined)).toBe(false);
  });
  everyKey(own, {
    zeroGrad: (key) => {
      // neuron-learns, update 3 (index 25): z forgets zero_grad, z again remembers it; the learner stays on the update.
      const off = run(opened('neuron-learns', 25), ...keys(key)).state;
      expect(off.options).toEqual({ zeroGrad: false });
      expect(lessonOf(off)!.training!.run.zeroGrad).toBe(false);
      expect(step(off)).toBe(25);
      expect(run(off, ...keys(key)).state.options).toEqual({ zeroGrad: true });
      // A lesson without training has no zero_grad to forget: nothing changes.
      expect(run(opened('add-then-mul', 4), ...keys(key)).state.options).toEqual({});
    },
  });
});

describe('the lesson keys', () => {
  // add-then-mul: overview, forward c and z, seed, four backward edges, check, nudge, summary (11 steps).
  everyKey(LESSON_KEYS, {
    next: (key) => expect(step(run(opened('add-then-mul', 4), ...keys(key)).state)).toBe(5),
    previous: (key) => expect(step(run(opened('add-then-mul', 4), ...keys(key)).state)).toBe(3),
    first: (key) => expect(step(run(opened('add-then-mul', 4), ...keys(key)).state)).toBe(0),
    last: (key) => {
      const state = run(opened('add-then-mul', 4), ...keys(key)).state;
      expect(step(state)).toBe(10);
      // Jumping to the end is not seeing every step.
      expect(state.finished).toEqual([]);
    },
    nextPhase: (key) => expect(step(run(opened('add-then-mul', 1), ...keys(key)).state)).toBe(3),
    previousPhase: (key) => expect(step(run(opened('add-then-mul', 4), ...keys(key)).state)).toBe(3),
    predict: (key) => expect(run(opened('add-then-mul', 4), ...keys(key)).state.predict).toBe(true),
    overwrite: (key) => expect(run(opened('add-then-mul', 4), ...keys(key)).state.overwrite).toBe(true),
    ask: (key) => {
      // The sum rule mastered (three right on two days): c = a + b is shown worked in predict mode; A asks it.
      const at = (day: number) => new Date(2026, 11, day, 9);
      let record = recordAnswer(undefined, { outcome: 'right', sure: true }, at(1));
      record = recordAnswer(record, { outcome: 'right', sure: true }, at(2));
      record = recordAnswer(record, { outcome: 'right', sure: true }, at(3));
      const worked = { ...opened('add-then-mul', 1, true), skills: { 'sum-rule': record } };
      expect(waitingOf(worked)).toBeUndefined();
      const said = (buildFrame(worked) as { text: { lines: string[] } }).text.lines.join(' ').replace(/\s+/g, ' ');
      expect(said).toContain('Shown worked: you have mastered sum-rule. A asks it anyway.');
      expect(said).toContain('c = a + b = 3 + (-5) = -2');
      expect(waitingOf(run(worked, ...keys(key)).state)?.question.kind).toBe('forward-value');
      // Not mastered: asked as ever, and A changes nothing.
      expect(waitingOf(opened('add-then-mul', 1, true))?.question.kind).toBe('forward-value');
    },
    more: (key) => {
      // On the nudge step the rate climbs 0.01 → 0.02; on the check step h climbs 0.001 → 0.01.
      expect(run(opened('add-then-mul', 9), ...keys(key)).state.options).toEqual({ rate: 0.02 });
      expect(run(opened('add-then-mul', 8), ...keys(key)).state.options).toEqual({ h: 0.01 });
    },
    less: (key) => {
      expect(run(opened('add-then-mul', 9), ...keys(key)).state.options).toEqual({ rate: 0.005 });
      expect(run(opened('add-then-mul', 8), ...keys(key)).state.options).toEqual({ h: 1e-4 });
    },
    scroll: (key) => {
      // The nudge of (a · b) · d at 60×16 is two lines too long: one ↓ shows the end (a marker takes the top row), so ↓ stops at 1.
      const small = { ...opened('mul-mul', 9), window: { columns: 60, rows: 16 } };
      const down = ['down', 'j'].includes(key);
      const start = down ? small : run(small, ...keys('down')).state;
      expect(start.scroll).toBe(down ? 0 : 1);
      expect(run(start, ...keys(key, key, key)).state.scroll).toBe(down ? 1 : 0);
    },
    pan: (key) => {
      // The MLP at 80×24, step 20: its window lies inside the 700×71 drawing, with room to move every way.
      const before = run(opened('mlp', 19), { type: 'resize', columns: 80, rows: 24 }).state;
      const after = run(before, ...keys(key)).state;
      expect(Math.sign(after.origin!.row - before.origin!.row)).toBe(PAN[key].row);
      expect(Math.sign(after.origin!.col - before.origin!.col)).toBe(PAN[key].col);
      expect(after.panned).toBe(true);
    },
    edit: (key) => {
      // mul (z = a · b, a = 3, b = -5), step 3 of the backward pass: a set to 4 by e, a, 4, Enter.
      const state = run(opened('mul', 3), ...keys(key, 'a', '4', 'enter')).state;
      expect(lessonOf(state)!.trace.values.z).toBe(4 * -5);
      expect(step(state)).toBe(3);
    },
    restore: (key) => {
      const edited = run(opened('mul', 3), ...keys('e', 'a', '4', 'enter')).state;
      const back = run(edited, ...keys(key)).state;
      expect(lessonOf(back)!.trace.values.z).toBe(3 * -5);
      // The file's own scenario again, not a copy: the lesson built for it is the one the file opened with.
      expect(back.open!.scenario).toBe(edited.open!.explore!.file);
      expect(back.open!.explore?.file).toBeUndefined();
    },
    help: (key) => expect(run(opened('add', 1), ...keys(key)).state.help).toBe(true),
    menu: (key) => {
      const { state, effects } = run({ ...opened('add', 1), course: undefined }, ...keys(key));
      expect(state.screen).toBe('menu');
      // The course's titles are read by the shell the first time the menu shows.
      expect(effects).toContainEqual({ type: 'read-course' });
    },
    quit: (key) => expect(run(opened('add', 1), ...keys(key)).state.quit).toBe(true),
    // Explore (test/session/inspect.test.ts has the rest): step 7 is the edge c → b, so b's paths come first.
    follow: (key) => expect(run(opened('add-then-mul', 7), ...keys(key)).state.inspect?.follow).toEqual({ at: '7 add-then-mul', index: 0 }),
    find: (key) => expect(run(opened('add-then-mul', 7), ...keys(key)).state.inspect?.find).toEqual({ text: '' }),
    code: (key) => {
      const on = run(opened('add-then-mul', 7), ...keys(key)).state;
      expect(on.inspect?.code).toBe(true);
      expect(run(on, ...keys(key)).state.inspect?.code).toBe(false);
    },
  });

  it('every step seen finishes the lesson, by its key', () => {
    const state = run(opened('add'), ...keys(...Array(20).fill('right'))).state;
    expect(state.finished).toEqual(['add']);
  });

  it('a step change asks for progress to be saved; a key that changes nothing asks nothing', () => {
    expect(run(opened('add'), ...keys('right')).effects).toContainEqual({ type: 'save' });
    expect(run(opened('add'), ...keys('left')).effects).toEqual([]);
  });
});

describe('the keys while a question waits', () => {
  // reuse-add step 8 (index 7): the edge c → b that adds b's second path; the answer is 2.
  const waiting = () => opened('reuse-add', 7, true);
  const question = () => questionAt(lessonOf(waiting())!, 7)!;
  everyKey(QUIZ_KEYS, {
    down: (key) => expect(run(waiting(), ...keys(key)).state.cursor).toBe(1),
    up: (key) => expect(run(waiting(), ...keys(key)).state.cursor).toBe(question().choices.length - 1),
    answer: (key) =>
      expect(run(waiting(), ...keys('down', key)).state.answers['reuse-add']).toEqual({
        7: { given: question().choices[1].value, hints: 0 },
      }),
    pick: (key) => {
      // Digit n answers with choice n; past the last choice it does nothing.
      const n = Number(key);
      const answers = run(waiting(), ...keys(key)).state.answers['reuse-add'];
      expect(answers).toEqual(n <= question().choices.length ? { 7: { given: question().choices[n - 1].value, hints: 0 } } : undefined);
    },
    type: (key) => {
      // t starts an empty number; a leading - or . is the number's first character.
      expect(run(waiting(), ...keys(key)).state.typed).toEqual({ text: key === 't' ? '' : key });
      expect(run(waiting(), ...keys(key, '2', 'enter')).state.answers['reuse-add']).toEqual({
        7: { given: Number(`${key === 't' ? '' : key}2`), hints: 0 },
      });
    },
    hint: (key) => {
      expect(run(waiting(), ...keys(key)).state.hints).toBe(1);
      expect(run(waiting(), ...keys(key, key, key, key)).state.hints).toBe(3);
    },
    skip: (key) => {
      // On to the next phase, the check (index 8), leaving the question unanswered (test/ui/ux.test.ts).
      const skipped = run(waiting(), ...keys(key)).state;
      expect(lessonOf(skipped)!.steps[step(skipped)!].phase).toBe('check');
      expect(skipped.answers['reuse-add']).toBeUndefined();
    },
  });

  it('a digit answers with that choice', () => {
    expect(run(waiting(), ...keys('2')).state.answers['reuse-add']).toEqual({ 7: { given: question().choices[1].value, hints: 0 } });
  });

  it('→, G and o reveal nothing: the step and the replay wait for the answer', () => {
    for (const key of ['right', 'G', 'o'] as KeyName[]) {
      const state = run(waiting(), ...keys(key)).state;
      expect(step(state), key).toBe(7);
      expect(state.overwrite, key).toBe(false);
    }
  });

  it('← still goes back', () => {
    expect(step(run(waiting(), ...keys('left')).state)).toBe(6);
  });

  it('a right answer is not asked again; a wrong one is listed to come back, once', () => {
    const right = run(waiting(), ...keys('t', '2', 'enter')).state;
    expect(right.again).toEqual([]);
    const wrong = run(waiting(), ...keys('t', '1', 'enter')).state;
    expect(wrong.answers['reuse-add']).toEqual({ 7: { given: 1, hints: 0 } });
    expect(wrong.again).toEqual([{ lesson: { kind: 'bundled', id: 'reuse-add' }, step: 7 }]);
    expect(run(waiting(), ...keys('t', '1', 'enter')).effects).toContainEqual({ type: 'save' });
  });
});

describe('typing an answer', () => {
  const typing = (text: string) => run(opened('reuse-add', 7, true), ...keys('t', ...text.split(''))).state;
  everyKey(TYPED_KEYS, {
    type: (key) => expect(run(typing('1'), ...keys(key)).state.typed).toEqual({ text: `1${key}` }),
    submit: (key) => {
      // 2.01 is within 0.5% of 2: 3 significant digits.
      expect(run(typing('2.01'), ...keys(key)).state.answers['reuse-add']).toEqual({ 7: { given: 2.01, hints: 0 } });
      const bad = run(typing('-'), ...keys(key)).state;
      expect(bad.answers['reuse-add']).toBeUndefined();
      expect(bad.typed?.error).toMatch(/is not a number/);
    },
    erase: (key) => expect(run(typing('12'), ...keys(key)).state.typed).toEqual({ text: '1' }),
    cancel: (key) => {
      const state = run(typing('12'), ...keys(key)).state;
      expect(state.typed).toBeUndefined();
      expect(step(state)).toBe(7);
    },
    rule: (key) => {
      // mul, step 4 (index 3): the local derivative ∂z/∂a of z = a · b takes a rule, so the key types itself there.
      const char = key === 'space' ? ' ' : key;
      expect(run(opened('mul', 3, true), ...keys('t', 'b', key)).state.typed).toEqual({ text: `b${char}` });
      // A running sum takes only a number: the key waits, and the number typed is kept.
      expect(run(typing('1'), ...keys(key)).state.typed).toEqual({ text: '1' });
    },
    quit: (key) => {
      expect(run(typing('1'), ...keys(key)).state.quit).toBe(true);
      expect(run(opened('mul', 3, true), ...keys('t', 'b', key)).state.quit).toBe(true);
    },
  });

  describe('a rule, where a local derivative is asked', () => {
    // mul: z = a · b with a = 3, b = -5; step 4 (index 3) asks ∂z/∂a, which is b = -5.
    const typingRule = (...typed: KeyName[]) => run(opened('mul', 3, true), ...keys('t', ...typed)).state;
    const said = (state: Session) => {
      const frame = buildFrame(state);
      return frame.kind === 'lesson' ? frame.text.lines.join('\n') : '';
    };

    it('a right rule scores as a right answer, kept as typed', () => {
      const state = run(typingRule('b'), ...keys('enter')).state;
      expect(state.answers.mul).toEqual({ 3: { given: { rule: 'b' }, hints: 0 } });
      expect(state.again).toEqual([]);
      expect(scoresOf(state).mul).toEqual({ right: 1, asked: 1 });
      expect(said(state)).toContain('Correct: -5, and b is the rule itself: it holds at other values too.');
    });

    it('a common wrong rule is wrong, with its own reason, and comes back at the summary', () => {
      const state = run(typingRule('a'), ...keys('enter')).state;
      expect(state.again).toEqual([{ lesson: { kind: 'bundled', id: 'mul' }, step: 3 }]);
      expect(said(state)).toContain('Not quite: that is a itself; a product hands each factor the other one: ∂z/∂a = b. The answer is -5.');
    });

    it('a number is still a number there: -5 typed is right', () => {
      expect(run(typingRule('-', '5'), ...keys('enter')).state.answers.mul).toEqual({ 3: { given: -5, hints: 0 } });
    });

    it('a rule that cannot be read stays typed, with one sentence, and answers nothing', () => {
      const state = run(typingRule('b', '*'), ...keys('enter')).state;
      expect(state.answers.mul).toBeUndefined();
      expect(state.typed).toEqual({
        text: 'b*',
        error: 'Not a rule: the expression ends after `*` at character 2; add what `*` applies to, or remove it.',
      });
      // Fixed where it stands: the error goes with the next key.
      expect(run(state, ...keys('a', 'enter')).state.answers.mul).toEqual({ 3: { given: { rule: 'b*a' }, hints: 0 } });
    });

    it('q types itself in a rule and Esc leaves it for the choices; neither quits', () => {
      const state = typingRule('q');
      expect(state).toMatchObject({ typed: { text: 'q' }, quit: false });
      const told = run(state, ...keys('enter')).state;
      expect(told.typed?.error).toBe('There is no q here: the rule reads a, b and z.');
      expect(run(told, ...keys('escape')).state).toMatchObject({ typed: undefined, quit: false });
    });
  });

  it('digits, - . e type themselves; other keys wait, and q does not quit mid-number', () => {
    const state = run(typing('-1.5e'), ...keys('q', 'x', 'right')).state;
    expect(state.typed).toEqual({ text: '-1.5e' });
    expect(state.quit).toBe(false);
  });

  it('the nudge’s up-or-down question has no number to type: - is no number there, and waits like the rate knob it is', () => {
    // reuse-add: the nudge is step 10 (index 9).
    const nudge = opened('reuse-add', 9, true);
    expect(questionAt(lessonOf(nudge)!, 9)!.kind).toBe('nudge-direction');
    expect(run(nudge, ...keys('t')).state.typed).toBeUndefined();
    const footer = (state: Session) => (buildFrame(state) as { footer: string }).footer;
    expect(footer(nudge)).not.toContain('t type');
    expect(footer(opened('reuse-add', 7, true))).toContain('t type');
    // The rate would change the question under the learner (test/ui/ux.test.ts): it waits for the answer.
    expect(run(nudge, ...keys('-')).state.options).toEqual({});
    expect(run(nudge, ...keys('-')).state.typed).toBeUndefined();
    expect(run(nudge, ...keys('1')).state.answers['reuse-add']).toEqual({ 9: { given: 'up', hints: 0 } });
  });
});

describe('wrong answers come back', () => {
  it('at the summary, before the score: the missed question is asked again, its answer kept apart', () => {
    const wrong = run(opened('reuse-add', 7, true), ...keys('t', '1', 'enter', 'G')).state;
    const lesson = lessonOf(wrong)!;
    expect(lesson.steps[step(wrong)!].phase).toBe('summary');
    const frame = buildFrame(wrong);
    expect(frame.kind === 'lesson' && frame.text.lines.join('\n')).toContain('One you missed earlier in this lesson (Backward: c → b):');
    const again = run(wrong, ...keys('t', '2', 'enter')).state;
    expect(again.retries['reuse-add']).toEqual({ 7: { given: 2, hints: 0 } });
    // The first answer stays what it was: the score counts first tries.
    expect(again.answers['reuse-add']).toEqual({ 7: { given: 1, hints: 0 } });
    const lines = buildFrame(again).kind === 'lesson' ? (buildFrame(again) as { text: { lines: string[] } }).text.lines.join('\n') : '';
    expect(lines).toContain('Predict mode: 0 of 1 right.');
    expect(lines).toContain('By kind: running sum 0/1.');
    expect(lines).toContain('Asked again: 1 of 1 right the second time.');
  });

  it('right only after the last hint: kept with its hints, scored as helped, asked again at the summary and next time', () => {
    // reuse-add, step 7: b's running sum, 2. Three hints (H) are all of them: the last shows the numbers.
    const helped = run(opened('reuse-add', 7, true), ...keys('H', 'H', 'H', 't', '2', 'enter')).state;
    expect(helped.answers['reuse-add']).toEqual({ 7: { given: 2, hints: 3 } });
    expect(helped.hints).toBe(0);
    expect(helped.again).toEqual([{ lesson: { kind: 'bundled', id: 'reuse-add' }, step: 7 }]);
    expect(scoresOf(helped)['reuse-add']).toEqual({ right: 0, asked: 1, helped: 1 });
    const text = (state: Session) => {
      const frame = buildFrame(state);
      return frame.kind === 'lesson' ? frame.text.lines.join('\n') : '';
    };
    expect(text(helped)).toContain('Correct, with all the hints: 2.');
    const summary = run(helped, ...keys('G')).state;
    expect(text(summary)).toContain('One you needed all the hints for earlier in this lesson (Backward: c → b):');
    // On its own the second time: off the list; the first try's score stays helped.
    const again = run(summary, ...keys('t', '2', 'enter')).state;
    expect(again.again).toEqual([]);
    expect(text(again)).toContain('Predict mode: 0 of 1 right (1 with all the hints).');
    expect(text(again)).toContain('By kind: running sum 0/1 (1 with all the hints).');
    expect(text(again)).toContain('Asked again: 1 of 1 right the second time.');
    // Two hints leave the learner something to work out: right, as before.
    const right = run(opened('reuse-add', 7, true), ...keys('H', 'H', 't', '2', 'enter')).state;
    expect(right.answers['reuse-add']).toEqual({ 7: { given: 2, hints: 2 } });
    expect(right.again).toEqual([]);
    expect(scoresOf(right)['reuse-add']).toEqual({ right: 1, asked: 1 });
  });

  it('review: the questions missed last time open one by one, asked even outside predict mode, then the lesson left off', () => {
    const item = { lesson: { kind: 'bundled' as const, id: 'reuse-add' }, step: 7 };
    const then = { lesson: { kind: 'bundled' as const, id: 'add' }, step: 2 };
    const start = { ...menu(), again: [item] };
    const asked = run(start, { type: 'review', items: [item], then });
    expect(asked.effects).toEqual([{ type: 'open', lesson: item.lesson, step: 7, from: 'review' }]);
    const open = run(asked.state, { type: 'opened', lesson: item.lesson, scenario: scenario('reuse-add'), step: 7, from: 'review' }).state;
    expect(open.predict).toBe(false);
    const frame = buildFrame(open);
    expect(frame.kind === 'lesson' && frame.text.lines[1]).toBe('One you missed last time: A reused input in a sum, Backward: c → b.');
    // A wrong answer keeps it for next time; a right one clears it.
    expect(run(open, ...keys('t', '1', 'enter')).state.again).toEqual([item]);
    // Right only with every hint out: it stays for next time too.
    expect(run(open, ...keys('H', 'H', 'H', 't', '2', 'enter')).state.again).toEqual([item]);
    const answered = run(open, ...keys('t', '2', 'enter')).state;
    expect(answered.again).toEqual([]);
    expect(answered.cleared).toEqual([item]);
    expect(run(answered, ...keys('right')).effects).toContainEqual({ type: 'open', ...then, from: 'resume' });
  });

  it('review: a step that asks nothing any more (its lesson edited since) is dropped, and the review goes on', () => {
    // add's step 1 (index 0) is the overview: no question there.
    const item = { lesson: { kind: 'bundled' as const, id: 'add' }, step: 0 };
    const asked = run({ ...menu(), again: [item] }, { type: 'review', items: [item] }).state;
    const result = run(asked, { type: 'opened', lesson: item.lesson, scenario: scenario('add'), step: 0, from: 'review' });
    expect(result.state).toMatchObject({ screen: 'menu', again: [], review: undefined });
    expect(result.state.cleared).toEqual([item]);
  });

  it('review: a lesson that cannot be opened any more is dropped, and the next start goes to the menu', () => {
    const item = { lesson: { kind: 'file' as const, path: '/gone.yaml' }, step: 3 };
    const asked = run({ ...menu(), again: [item] }, { type: 'review', items: [item] }).state;
    const failed = run(asked, { type: 'open-failed', lesson: item.lesson, error: 'gone', from: 'review' }).state;
    expect(failed).toMatchObject({ screen: 'menu', again: [], review: undefined });
  });
});

describe('the steps seen', () => {
  it('a resumed lesson counts only the steps seen before (kept in progress) and the one it opens at', () => {
    const fresh = opened('add', 4);
    expect(fresh.open!.seen.map((s, i) => (s ? i : -1)).filter((i) => i >= 0)).toEqual([4]);
    const restored = run(
      { ...menu(), seen: { add: '0-3' } },
      { type: 'opened', lesson: { kind: 'bundled', id: 'add' }, scenario: scenario('add'), step: 4, from: 'resume' },
    ).state;
    expect(restored.open!.seen.slice(0, 6)).toEqual([true, true, true, true, true, false]);
    // The rest seen one by one finishes it; G alone would not.
    expect(run(restored, ...keys('right', 'right', 'right')).state.finished).toEqual(['add']);
    expect(run(restored, ...keys('G')).state.finished).toEqual([]);
  });

  it('another lesson opened keeps the first one’s steps seen, by its key', () => {
    const first = run(opened('add', 0), ...keys('right', 'right')).state;
    const second = run(first, {
      type: 'opened',
      lesson: { kind: 'bundled', id: 'mul' },
      scenario: scenario('mul'),
      step: 0,
      from: 'menu',
    }).state;
    expect(seenOf(second)).toEqual({ add: '0-2', mul: '0' });
  });
});

describe('the menu keys', () => {
  // The course's lessons, then "open a file" and "type a graph".
  everyKey(MENU_KEYS, {
    down: (key) => expect(run(menu(), ...keys(key)).state.menuIndex).toBe(1),
    up: (key) => expect(run(menu(), ...keys(key)).state.menuIndex).toBe(course.length + 1),
    open: (key) => {
      expect(run(menu(), ...keys('down', key)).effects).toEqual([
        { type: 'open', lesson: { kind: 'bundled', id: catalog[1].id }, step: 0, from: 'menu' },
      ]);
      expect(run(menu(), ...keys('up', 'up', key)).state.prompt).toEqual({ kind: 'file', text: '' });
      expect(run(menu(), ...keys('up', key)).state.prompt).toEqual({ kind: 'expr', text: '' });
    },
    number: (key) => {
      const number = Number(key);
      const { state, effects } = run(menu(), ...keys(key));
      // No lesson 0: nothing happens. With 17 lessons, 1 highlights lesson 1 and waits (10-17 start with it); 2-9 open.
      if (number === 0) expect({ index: state.menuIndex, effects }).toEqual({ index: 0, effects: [] });
      else if (number * 10 <= course.length) expect({ index: state.menuIndex, effects }).toEqual({ index: number - 1, effects: [] });
      else expect(effects).toEqual([{ type: 'open', lesson: course[number - 1].lesson, step: 0, from: 'menu' }]);
    },
    help: (key) => expect(run(menu(), ...keys(key)).state.help).toBe(true),
    quit: (key) => expect(run(menu(), ...keys(key)).state.quit).toBe(true),
  });

  it('a number typed reaches every lesson of the course: its digits, then Enter where a longer number starts with it', () => {
    expect(course.length).toBeGreaterThan(9);
    for (let number = 1; number <= course.length; number++) {
      const digits = [...String(number)];
      const waits = number * 10 <= course.length;
      const { effects } = run(menu(), ...keys(...digits, ...(waits ? ['enter'] : [])));
      expect([number, effects]).toEqual([number, [{ type: 'open', lesson: course[number - 1].lesson, step: 0, from: 'menu' }]]);
    }
  });

  it('1 waits: another key does what it does from lesson 1, and a digit that makes no lesson starts a new number', () => {
    const one = run(menu(), ...keys('1')).state;
    expect(buildFrame(one)).toMatchObject({ hint: `Enter opens lesson 1; 0-${course.length - 10} open 10-${course.length}.` });
    // Whole in the narrowest window the tutor draws in.
    expect(buildFrame({ ...one, window: { columns: 40, rows: 10 } })).toMatchObject({
      hint: `Enter opens lesson 1; 0-${course.length - 10} open 10-${course.length}.`,
    });
    expect(run(menu(), ...keys('1', 'down'))).toMatchObject({ state: { menuIndex: 1, lessonNumber: undefined }, effects: [] });
    // 1 8 of 17 lessons: no lesson 18, so the 8 is lesson 8.
    expect(run(menu(), ...keys('1', String(course.length + 1).at(-1)!)).effects).toEqual([
      { type: 'open', lesson: course[((course.length + 1) % 10) - 1].lesson, step: 0, from: 'menu' },
    ]);
  });

  it('a digit opens that lesson of the course, and any key closes the help', () => {
    expect(run(menu(), ...keys('3')).effects).toEqual([
      { type: 'open', lesson: { kind: 'bundled', id: catalog[2].id }, step: 0, from: 'menu' },
    ]);
    expect(run(menu(), ...keys('?', 'x')).state.help).toBe(false);
  });

  it('a learner’s own lesson is listed after the course, which keeps its numbers', () => {
    const own = { kind: 'file' as const, path: '/home/me/add.yaml' };
    const state = run(menu(), { type: 'opened', lesson: own, scenario: scenario('add'), step: 0, from: 'prompt' }, ...keys('escape')).state;
    expect(state.own.map((e) => e.lesson)).toEqual([own]);
    expect(state.menuIndex).toBe(course.length);
    expect(run(state, ...keys('1', 'enter')).effects[0]).toEqual({
      type: 'open',
      lesson: { kind: 'bundled', id: catalog[0].id },
      step: 0,
      from: 'menu',
    });
  });
});

describe('the prompt keys', () => {
  const typing = (kind: 'file' | 'expr', text: string): Session => ({ ...menu(), screen: 'prompt', prompt: { kind, text } });
  everyKey(PROMPT_KEYS, {
    submit: (key) => {
      expect(run(typing('file', 'my.yaml'), ...keys(key)).effects).toEqual([
        { type: 'open', lesson: { kind: 'file', path: 'my.yaml' }, step: 0, from: 'prompt' },
      ]);
      const values = run(typing('expr', 'z = a * b'), ...keys(key)).state;
      expect(values.prompt).toEqual({ kind: 'values', text: '', expression: 'z = a * b' });
      expect(run(values, ...keys('a', '=', '2', 'space', 'b', '=', '3', key)).effects).toEqual([
        { type: 'open', lesson: { kind: 'typed', expression: 'z = a * b', values: ['a=2', 'b=3'] }, step: 0, from: 'prompt' },
      ]);
    },
    erase: (key) => expect(run(typing('file', 'ab'), ...keys(key)).state.prompt?.text).toBe('a'),
    cancel: (key) => expect(run(typing('file', 'ab'), ...keys(key)).state.screen).toBe('menu'),
    quit: (key) => expect(run(typing('file', 'ab'), ...keys(key)).state.quit).toBe(true),
  });

  it('every other key types itself', () => {
    expect(run(typing('file', ''), ...keys('x', 'space', 'G')).state.prompt?.text).toBe('x G');
  });
});

describe('actions that are not keys', () => {
  it('resize keeps the new window, and the frame settles scroll and origin in the state', () => {
    const state = run(opened('neuron', 12), { type: 'resize', columns: 80, rows: 24 }).state;
    expect(state.window).toEqual({ columns: 80, rows: 24 });
    expect(state.origin).toBeDefined();
  });

  it('course fills the menu', () => {
    expect(run({ ...menu(), course: undefined }, { type: 'course', entries: course }).state.course).toHaveLength(catalog.length);
  });

  it('opened opens at the step asked for, clamped to the lesson', () => {
    expect(step(opened('add', 99))).toBe(lessonOf(opened('add'))!.steps.length - 1);
  });

  it('open-failed on a resume shows the menu with the sentence; at a prompt it stays there with it', () => {
    const lesson = { kind: 'file' as const, path: '/gone.yaml' };
    const resumed = run(menu(), { type: 'open-failed', lesson, error: '/gone.yaml:1:1: no such file.', from: 'resume' }).state;
    expect(resumed).toMatchObject({ screen: 'menu', notice: '/gone.yaml:1:1: no such file.' });
    const prompt: Session = { ...menu(), screen: 'prompt', prompt: { kind: 'file', text: 'gone.yaml' } };
    const stayed = run(prompt, { type: 'open-failed', lesson, error: 'gone.yaml:1:1: no such file.', from: 'prompt' }).state;
    expect(stayed.prompt).toEqual({ kind: 'file', text: 'gone.yaml', error: 'gone.yaml:1:1: no such file.' });
  });

  it('a bad expression at the values prompt goes back to the expression', () => {
    const values: Session = { ...menu(), screen: 'prompt', prompt: { kind: 'values', text: 'a=1', expression: 'z = a +' } };
    const state = run(values, {
      type: 'open-failed',
      lesson: { kind: 'typed', expression: 'z = a +', values: ['a=1'] },
      error: 'your graph, column 8: …',
      from: 'prompt',
    }).state;
    expect(state.prompt).toEqual({ kind: 'expr', text: 'z = a +', error: 'your graph, column 8: …' });
  });

  it('so does a graph too large to teach with; a bad value stays at the values', () => {
    const values: Session = { ...menu(), screen: 'prompt', prompt: { kind: 'values', text: 'a=1', expression: 'z = a + 1' } };
    const failed = (error: string) =>
      run(values, { type: 'open-failed', lesson: { kind: 'typed', expression: 'z = a + 1', values: ['a=1'] }, error, from: 'prompt' }).state
        .prompt;
    const tooLarge = 'your graph has 100,001 nodes, more than the 100,000 the tutor can teach with — type a smaller one.';
    expect(failed(tooLarge)).toEqual({ kind: 'expr', text: 'z = a + 1', error: tooLarge });
    const badValue = 'your values: `b=` is not name=number — write it like a=3.';
    expect(failed(badValue)).toEqual({ kind: 'values', text: 'a=1', expression: 'z = a + 1', error: badValue });
  });
});

describe('the keys in the Train phase', () => {
  // neuron-learns: the nudge at index 22, updates 1 … 20 at 23 … 42, the Train summary at 43, the lesson's summary at 44.
  it('Tab goes to the last update first, then on to the next phase; Shift+Tab back to the first update', () => {
    const lesson = lessonOf(opened('neuron-learns'))!;
    expect(lesson.steps[42].update).toBe(20);
    expect(lesson.steps[42].title).toBe('Train: update 20 of 20');
    const last = run(opened('neuron-learns', 25), ...keys('tab')).state;
    expect(step(last)).toBe(42);
    expect(lesson.steps[step(run(last, ...keys('tab')).state)!].phase).toBe('summary');
    expect(step(run(last, ...keys('shift-tab')).state)).toBe(23);
    // From the nudge, Tab enters the Train phase at its first update, as every phase starts.
    expect(step(run(opened('neuron-learns', 22), ...keys('tab')).state)).toBe(23);
  });

  it('+ and - make the training step larger and smaller, sign kept, and the run is trained again at it', () => {
    const slower = run(opened('neuron-learns', 25), ...keys('-')).state;
    expect(slower.options).toEqual({ rate: -0.02 });
    expect(lessonOf(slower)!.training!.run.rate).toBe(-0.02);
    const faster = run(opened('neuron-learns', 25), ...keys('+', '+')).state;
    expect(lessonOf(faster)!.training!.run.rate).toBe(-0.2);
    // The first update by hand: w1 += rate × ∂L/∂w1 with ∂L/∂w1 = 2(o − y)(1 − o²)·x1 at o = tanh(0.8813735870195432) = 1/√2, y = 0, x1 = 2: √2.
    const o = Math.SQRT1_2;
    const dw1 = 2 * (o - 0) * (1 - o * o) * 2;
    expect(dw1).toBeCloseTo(Math.SQRT2, 12);
    expect(lessonOf(faster)!.training!.history[1].params.w1).toBeCloseTo(-3 + -0.2 * dw1, 12);
    expect(lessonOf(slower)!.training!.history[1].params.w1).toBeCloseTo(-3 + -0.02 * dw1, 12);
  });
});

describe('the phase bar', () => {
  it('names Train only in a lesson that trains', () => {
    const phasesOf = (id: string) => {
      const frame = buildFrame(opened(id));
      return frame.kind === 'lesson' ? frame.phases : [];
    };
    expect(phasesOf('add-then-mul')).toEqual(['overview', 'forward', 'backward', 'check', 'nudge', 'summary']);
    expect(phasesOf('neuron-learns')).toEqual(['overview', 'forward', 'backward', 'check', 'nudge', 'train', 'summary']);
  });
});

describe('Enter on the summary', () => {
  // As the shell opens a bundled lesson: in its place in the course.
  const inPlace = (id: string, step: number): Session => {
    const entry = catalog.find((e) => e.id === id)!;
    const placed = inCourse(loadScenarioFile(entry.file), entry.file, catalog);
    return run(menu(), { type: 'opened', lesson: { kind: 'bundled', id }, scenario: placed, step, from: 'menu' }).state;
  };
  const last = (id: string) => lessonOf(inPlace(id, 0))!.steps.length - 1;

  it('opens the next lesson of the course, which the summary names', () => {
    const index = catalog.findIndex((e) => e.id === 'add-self');
    const next = catalog[index + 1];
    const state = inPlace('add-self', last('add-self'));
    expect(lessonOf(state)!.steps.at(-1)!.lines.at(-1)).toBe(`Next in the course: ${index + 2}. ${scenario(next.id).title}.`);
    const { state: after, effects } = run(state, ...keys('enter'));
    expect(effects.filter((e) => e.type === 'open')).toEqual([
      { type: 'open', lesson: { kind: 'bundled', id: next.id }, step: 0, from: 'menu' },
    ]);
    expect(after.open?.step).toBe(last('add-self'));
  });

  it('→ and space stay on the summary, Enter elsewhere is the next step, and the last lesson has no next', () => {
    const summary = inPlace('slope', last('slope'));
    expect(run(summary, ...keys('right')).effects.some((e) => e.type === 'open')).toBe(false);
    expect(run(summary, ...keys('space')).effects.some((e) => e.type === 'open')).toBe(false);
    expect(step(run(inPlace('slope', 1), ...keys('enter')).state)).toBe(2);
    const end = catalog.at(-1)!.id;
    const final = inPlace(end, last(end));
    expect(run(final, ...keys('enter')).effects.some((e) => e.type === 'open')).toBe(false);
    expect(lessonOf(final)!.steps.at(-1)!.lines.at(-1)).toBe(`That was lesson ${catalog.length}, the last of the course.`);
  });

  it('a lesson from a file has no next, even with the same text as a bundled one', () => {
    const own = { kind: 'file' as const, path: '/home/me/add.yaml' };
    const state = run(menu(), { type: 'opened', lesson: own, scenario: scenario('add'), step: 99, from: 'prompt' }).state;
    expect(run(state, ...keys('enter')).effects.some((e) => e.type === 'open')).toBe(false);
  });
});

describe('a sentence about the progress file', () => {
  const footer = (s: Session) => {
    const frame = buildFrame(s);
    return frame.kind === 'lesson' ? frame.footer : undefined;
  };
  const moved = 'could not read your progress file; it was moved aside';
  const full = 'Progress is not being saved: the disk is full';

  it('shows in place of the footer until a key, is not shown again for the same sentence, and a new one shows', () => {
    const told = run(opened('mul'), { type: 'progress-trouble', sentence: moved }).state;
    expect(footer(told)).toBe(moved);
    const read = run(told, ...keys('next')).state;
    expect(footer(read)).not.toBe(moved);
    expect(footer(run(read, { type: 'progress-trouble', sentence: moved }).state)).not.toBe(moved);
    expect(footer(run(read, { type: 'progress-trouble', sentence: full }).state)).toBe(full);
  });

  it('is the menu notice when the menu shows', () => {
    const frame = buildFrame(run(menu(), { type: 'progress-trouble', sentence: moved }).state);
    expect(frame.kind === 'menu' && frame.notice.join(' ')).toContain(moved);
  });
});
