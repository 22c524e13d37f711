/**
 * A practice round in the session model: the order of its problems (due
 * reviews first, then the weakest, mixed), answering with a pick, a typed
 * number or after every hint, saying how sure, the verdict, a miss coming
 * back with new numbers, and each answer recorded for its skill.
 */
import { describe, expect, it } from 'vitest';
import { recordAnswer } from '../../src/mastery/index.js';
import { problemSet, roundProblems, selfTestProblems, type Problem } from '../../src/practice/index.js';
import { buildFrame, type LessonFrame } from '../../src/session/frame.js';
import { questionOf } from '../../src/session/practice.js';
import { initialSession, lessonOf, type Action, type Effect, type Session } from '../../src/session/session.js';
import { keys, opened, run } from '../helpers/session.js';
import { questionAt } from '../../src/lesson/index.js';

const DAY1 = new Date(2026, 11, 7, 9);
const start = (problems: Problem[], window = { columns: 80, rows: 24 }): Session =>
  run(initialSession({ window }), { type: 'practice', problems, seed: 5 }).state;

/** The digit that picks the right choice of the problem's question. */
const rightKey = (p: Problem) => String(questionOf(p).choices.findIndex((c) => c.right) + 1);
const wrongKey = (p: Problem) => String(questionOf(p).choices.findIndex((c) => !c.right) + 1);
const practiced = (effects: Effect[]) => effects.filter((e) => e.type === 'practiced');
const text = (s: Session) => (buildFrame(s) as LessonFrame).text.lines.join('\n');

describe('a practice round', () => {
  it('mixes the skills: no two neighbours of the same skill in a round of ten for a new learner', () => {
    const problems = roundProblems({}, { count: 10, seed: 5 }, DAY1);
    expect(problems).toHaveLength(10);
    expect(new Set(problems.map((p) => p.skill)).size).toBe(10);
    for (let k = 1; k < 10; k++) expect(problems[k].skill).not.toBe(problems[k - 1].skill);
  });

  it('with a seed from the command line, asks the set practice --json prints for it, whatever is due', () => {
    const records = { 'product-rule': recordAnswer(undefined, { outcome: 'right', sure: true }, DAY1) };
    const later = new Date(2026, 11, 12, 9);
    const fixed = roundProblems(records, { count: 5, seed: 9, fixed: true }, later);
    expect(fixed.map((p) => p.source)).toEqual(problemSet({ count: 5, seed: 9 }).map((p) => p.source));
    expect(roundProblems(records, { count: 5, seed: 9 }, later)[0].skill).toBe('product-rule');
  });

  it('puts a due review first: a skill answered on day 1 is due again later and leads the round', () => {
    const records = { 'product-rule': recordAnswer(undefined, { outcome: 'right', sure: true }, DAY1) };
    const later = new Date(2026, 11, 12, 9);
    expect(roundProblems(records, { count: 4, seed: 9 }, later)[0].skill).toBe('product-rule');
    // Right after the answer it is not due: the new skills come first.
    expect(roundProblems(records, { count: 4, seed: 9 }, DAY1)[0].skill).not.toBe('product-rule');
  });

  it('asks, asks how sure, then tells; the answer is recorded for its skill with the confidence', () => {
    const problems = roundProblems({}, { skill: 'sum-rule', count: 2, seed: 5 }, DAY1);
    let state = start(problems);
    expect(buildFrame(state)).toMatchObject({ kind: 'lesson', phase: 'practice', counter: 'problem 1/2' });
    expect(text(state)).toContain(questionOf(problems[0]).prompt);
    let result = run(state, ...keys(rightKey(problems[0])));
    expect(result.state.practice!.stage).toBe('sure');
    expect(text(result.state)).toContain('were you sure? y sure, n not sure');
    expect(practiced(result.effects)).toEqual([]);
    result = run(result.state, ...keys('y'));
    expect(practiced(result.effects)).toEqual([{ type: 'practiced', skill: 'sum-rule', answer: { outcome: 'right', sure: true } }]);
    expect(text(result.state)).toMatch(/Correct: /);
    state = run(result.state, ...keys('enter')).state;
    expect(state.practice!.at).toBe(1);
    expect(state.practice!.stage).toBe('ask');
  });

  it('a miss comes back at the end of the round, once, with new numbers', () => {
    const problems = roundProblems({}, { skill: 'product-rule', count: 2, seed: 11 }, DAY1);
    const { state, effects } = run(start(problems), ...keys(wrongKey(problems[0]), 'n'));
    expect(practiced(effects)).toEqual([{ type: 'practiced', skill: 'product-rule', answer: { outcome: 'wrong', sure: false } }]);
    const round = state.practice!;
    expect(round.problems).toHaveLength(3);
    expect(round.problems[2].skill).toBe('product-rule');
    expect(round.problems[2].source).not.toBe(problems[0].source);
    expect(text(state)).toContain('It comes back at the end of this round, with new numbers.');
    // The second miss of the same skill adds none.
    const second = run(state, ...keys('enter', wrongKey(round.problems[1]), 'y')).state;
    expect(second.practice!.problems).toHaveLength(3);
  });

  it('an answer after every hint is helped, not right', () => {
    const problems = roundProblems({}, { skill: 'chain', count: 1, seed: 3 }, DAY1);
    const hints = questionOf(problems[0]).hints.length;
    expect(hints).toBeGreaterThan(0);
    const { state, effects } = run(start(problems), ...keys(...Array<string>(hints).fill('H'), rightKey(problems[0]), 'y'));
    expect(practiced(effects)).toEqual([{ type: 'practiced', skill: 'chain', answer: { outcome: 'helped', sure: true } }]);
    expect(text(state)).toContain('Correct, with all the hints');
  });

  it('takes a typed number, judged as the lessons judge one', () => {
    const problems = roundProblems({}, { skill: 'sum-rule', count: 1, seed: 5 }, DAY1);
    const answer = Number(questionOf(problems[0]).answer);
    const { effects } = run(start(problems), ...keys('t', ...String(answer), 'enter', 'n'));
    expect(practiced(effects)).toEqual([{ type: 'practiced', skill: 'sum-rule', answer: { outcome: 'right', sure: false } }]);
  });

  it("takes a local derivative's rule, judged as the lessons judge one: tanh's from its output is right, from its input wrong", () => {
    // A tanh problem whose question is the slope ∂t/∂n of t = tanh(n): 1 - t².
    const problem = Array.from({ length: 6 }, (_, k) => roundProblems({}, { skill: 'tanh', count: 1, seed: k }, DAY1)[0]).find(
      (p) => questionOf(p).kind === 'local-derivative',
    )!;
    const typed = (rule: string) =>
      run(start([problem]), ...keys('t', ...[...rule].map((ch) => (ch === ' ' ? 'space' : ch)), 'enter', 'n'));
    expect(practiced(typed('1 - t^2').effects)).toEqual([{ type: 'practiced', skill: 'tanh', answer: { outcome: 'right', sure: false } }]);
    const wrong = typed('1 - n^2');
    expect(practiced(wrong.effects)).toEqual([{ type: 'practiced', skill: 'tanh', answer: { outcome: 'wrong', sure: false } }]);
    // The verdict wraps at 80 columns: read it as one line.
    expect(text(wrong.state).replace(/\n\s*/g, ' ')).toContain(
      "Not quite: that is 1 - n² with the input n; tanh's slope reads its output: ∂t/∂n = 1 - t².",
    );
  });

  it('keeps the record the shell worked out, which progress then saves', () => {
    const record = recordAnswer(undefined, { outcome: 'right', sure: true }, DAY1);
    const { state, effects } = run(start([]), { type: 'recorded', skill: 'exp', record } as Action);
    expect(state.skills.exp).toEqual(record);
    expect(effects).toContainEqual({ type: 'save' });
  });

  it('ends with the score and each skill’s standing', () => {
    const problems = roundProblems({}, { skill: 'sum-rule', count: 1, seed: 5 }, DAY1);
    const record = recordAnswer(undefined, { outcome: 'right', sure: true }, DAY1);
    let state = run(start(problems), ...keys(rightKey(problems[0]), 'y')).state;
    state = run(state, { type: 'recorded', skill: 'sum-rule', record }, ...keys('enter')).state;
    expect(state.practice!.stage).toBe('done');
    expect(text(state)).toMatch(/1 right, 0 with every hint, 0 missed, of 1\./);
    // FSRS's first step for a new skill answered right: ten minutes (2026-12-07 09:00 → 09:10, local time).
    expect(text(state)).toMatch(/streak 1, next review\s+2026-12-07 09:10/);
    expect(run(state, ...keys('q')).state.quit).toBe(true);
  });

  it('shows a forward question’s inputs on the graph, never its answer, before the verdict', () => {
    for (let seed = 0; seed < 40; seed++) {
      const problems = roundProblems({}, { skill: 'product-rule', count: 1, seed }, DAY1);
      const question = questionOf(problems[0]);
      if (question.kind !== 'forward-value') continue;
      const frame = buildFrame(start(problems, { columns: 140, rows: 40 })) as LessonFrame;
      const drawn = frame.drawing!.lines.map((spans) => spans.map((s) => s.text).join('')).join('\n');
      const values = [...drawn.matchAll(/v +(-?[\d.]+)/g)].map((m) => Number(m[1]));
      const { graph } = problems[0].scenario;
      // Every input's value is there to work from; no operation's, so not the answer.
      expect(values.sort()).toEqual(graph.inputs.map((name) => graph.nodes.find((n) => n.name === name)!.value!).sort());
      expect(values).not.toContain(Number(question.answer));
      return;
    }
    throw new Error('no forward question in 40 seeds');
  });

  it('at 60×16, with no room for the graph, gives its values in a line, so the question can still be worked', () => {
    const problems = roundProblems({}, { skill: 'sum-rule', count: 1, seed: 3 }, DAY1);
    const small = buildFrame(start(problems, { columns: 60, rows: 16 })) as LessonFrame;
    expect(small.drawing).toBeUndefined();
    const { graph } = problems[0].scenario;
    const values = small.text.lines.find((l) => l.startsWith('Values: '))!;
    for (const name of graph.inputs) expect(values).toContain(`${name} = ${graph.nodes.find((n) => n.name === name)!.value}`);
    for (const line of small.text.lines) expect([...line].length).toBeLessThanOrEqual(60);
    // With room for the graph, the line is not needed.
    const wide = buildFrame(start(problems, { columns: 80, rows: 24 })) as LessonFrame;
    expect(wide.drawing).toBeDefined();
    expect(wide.text.lines.some((l) => l.startsWith('Values: '))).toBe(false);
  });
});

describe('the course feeds the same record', () => {
  it('a first answer in predict mode counts for its question’s skills, on the lesson’s numbers (not fresh)', () => {
    // add-then-mul in predict mode, step 2: the forward value of c = a + b (the sum rule), answered right.
    const state = opened('add-then-mul', 1, true);
    const question = questionAt(lessonOf(state)!, 1)!;
    const right = String(question.choices.findIndex((c) => c.right) + 1);
    const { effects } = run(state, ...keys(right));
    expect(effects.filter((e) => e.type === 'practiced')).toEqual([
      { type: 'practiced', skill: 'sum-rule', answer: { outcome: 'right', sure: false, fresh: false } },
    ]);
    // Asked again at the summary or moved past, nothing more is recorded for it.
    expect(run(state, ...keys('right')).effects.filter((e) => e.type === 'practiced')).toEqual([]);
  });

  it('such a right answer schedules the review but adds nothing to the streak; a miss resets it', () => {
    const fresh = recordAnswer(undefined, { outcome: 'right', sure: true }, DAY1);
    expect(fresh.streak).toBe(1);
    const later = new Date(2026, 11, 8, 9);
    const lesson = recordAnswer(fresh, { outcome: 'right', sure: false, fresh: false }, later);
    expect(lesson.streak).toBe(1);
    expect(lesson.days).toEqual(fresh.days);
    expect(lesson.card.reps).toBe(fresh.card.reps + 1);
    expect(recordAnswer(fresh, { outcome: 'wrong', sure: false, fresh: false }, later).streak).toBe(0);
  });
});

describe("a lesson's summary", () => {
  it('offers practice, with fresh numbers, of the skills its questions exercised', () => {
    const last = lessonOf(opened('reuse-mul'))!.steps.length - 1;
    const frame = buildFrame(opened('reuse-mul', last)) as LessonFrame;
    const offer = frame.text.lines.join(' ').replace(/\s+/g, ' ');
    // (a + b) · b: a sum, a product, a chain, b along two paths, and the nudge.
    expect(offer).toContain(
      'Practice these with fresh numbers: grad-tutor practice sum-rule (also: product-rule, chain, two-paths, nudge-direction).',
    );
    // Not on the steps before it.
    expect((buildFrame(opened('reuse-mul', last - 1)) as LessonFrame).text.lines.join(' ')).not.toContain('Practice these');
  });
});

describe('the self-test round', () => {
  const startTest = (state: Session = initialSession({ window: { columns: 80, rows: 24 } })) =>
    run(state, { type: 'practice', problems: selfTestProblems(4), seed: 4, test: true }).state;

  it('takes no hint, tells at once, records each answer, and ends with its score for progress', () => {
    let state = startTest();
    const problems = state.practice!.problems;
    expect(run(state, ...keys('H')).state.hints).toBe(0);
    let result = run(state, ...keys(rightKey(problems[0])));
    expect(result.state.practice!.stage).toBe('told');
    expect(practiced(result.effects)).toEqual([{ type: 'practiced', skill: problems[0].skill, answer: { outcome: 'right', sure: false } }]);
    state = run(result.state, ...keys('enter')).state;
    for (let k = 1; k < problems.length; k++) {
      result = run(state, ...keys(wrongKey(problems[k]), 'enter'));
      state = result.state;
    }
    expect(state.practice!.problems).toHaveLength(12);
    expect(result.effects).toContainEqual({ type: 'tested', score: 1, of: 12 });
    expect(text(state)).toContain('Self-test: 1 of 12 right.');
  });

  it('shows the gain since the first test', () => {
    const first = { when: new Date(2026, 11, 7, 10).toISOString(), score: 1, of: 12 };
    let state = startTest({ ...initialSession({ window: { columns: 80, rows: 24 } }), tests: [first] });
    for (const p of state.practice!.problems) state = run(state, ...keys(rightKey(p), 'enter')).state;
    const shown = text(state).replace(/\s+/g, ' ');
    expect(shown).toContain('Self-test: 12 of 12 right.');
    expect(shown).toContain('Your first self-test (2026-12-07): 1 of 12.');
    expect(shown).toContain('Gain: (12 − 1) / (12 − 1) = 1');
  });
});

describe('the menu', () => {
  it('offers the self-test on the row under the list when it is time, without taking a row from the list', () => {
    const offer = 'New here? "grad-tutor test" first shows what you know.';
    const plain = buildFrame(initialSession({ window: { columns: 60, rows: 16 }, course: [] }));
    const offered = buildFrame(initialSession({ window: { columns: 60, rows: 16 }, course: [], offer }));
    expect(offered.kind === 'menu' && offered.detail).toBe(offer);
    expect(offered.kind === 'menu' && plain.kind === 'menu' && offered.limit).toBe(plain.kind === 'menu' && plain.limit);
  });
});

describe('how a practice question says to answer', () => {
  it('names the keys of up and down as the shuffled choices have them', () => {
    for (let seed = 0; seed < 20; seed++) {
      const problems = roundProblems({}, { skill: 'nudge-direction', count: 1, seed }, DAY1);
      const question = questionOf(problems[0]);
      const up = question.choices.findIndex((c) => c.value === 'up') + 1;
      const down = question.choices.findIndex((c) => c.value === 'down') + 1;
      expect(text(start(problems))).toContain(`Press ${up} for up or ${down} for down.`);
    }
  });
});
