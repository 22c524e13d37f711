/**
 * The ordering task in lesson 12 (b = a + a, c = b + b at a = 1), driven
 * through the session's reducer as keys: a pick made too early is taken and
 * replayed, u takes it back, the whole order ends set against a right one;
 * the keys are the task's only on its step; the footer and the help say so.
 */
import { describe, expect, it } from 'vitest';
import { stepText } from '../../src/lesson/index.js';
import { buildFrame, type LessonFrame } from '../../src/session/frame.js';
import { lessonOf, situationOf, type Session } from '../../src/session/session.js';
import { keys, opened, run } from '../helpers/session.js';

const ID = 'topological-order';
const lesson = () => lessonOf(opened(ID))!;
const taskAt = () => lesson().steps.findIndex((s) => s.title === 'Your order');
const frame = (s: Session) => buildFrame(s) as LessonFrame;
const text = (s: Session) => frame(s).text.lines.join(' ').replace(/\s+/g, ' ');
const press = (s: Session, ...names: string[]) => run(s, ...keys(...names)).state;

describe('the ordering task in lesson 12', () => {
  it('sits after the wrong order’s replay, lists b and c by number, and its footer leads with its keys', () => {
    const at = taskAt();
    expect(lesson().steps[at - 1].title).toBe('Wrong order: why');
    const s = opened(ID, at);
    expect(frame(s).text.lines).toEqual(expect.arrayContaining(['  1. b', '  2. c']));
    expect(frame(s).footer).toMatch(/^1-2 pick {2}u undo {2}→ next/);
    // Not on the step before it, nor on build_topo's after it.
    expect(frame(opened(ID, at - 1)).footer).not.toContain('pick');
    expect(frame(opened(ID, at + 1)).footer).not.toContain('pick');
  });

  it('in a narrow window the task’s keys keep their place: the lesson’s drop first, down to 40 columns', () => {
    for (const columns of [40, 48, 60])
      for (const predict of [false, true]) {
        const s = { ...opened(ID, taskAt(), predict), window: { columns, rows: 16 } };
        const footer = frame(s).footer;
        expect(footer).toMatch(/^1-2 pick {2}u undo {2}→ next/);
        expect([...footer].length).toBeLessThanOrEqual(columns);
      }
  });

  it('1 runs b first, too early: b passes on 0 where c would have given it 2, and a holds 0', () => {
    const s = press(opened(ID, taskAt()), '1');
    expect(s.order).toMatchObject({ picks: ['b'], early: ['b'] });
    expect(text(s)).toContain("Too early: b's consumer c had not yet sent its part, so b passed on 0, not its whole 2.");
    expect(text(s)).toContain('Now a holds 0; the right order ends with a at 4.');
    // The drawing: the seed on c, and a's 0 from b's two edges (0 · 1 each); b has had nothing yet.
    expect(stepText(lessonOf(s)!, situationOf(s)).shown.grads).toEqual({ c: 1, a: 0 });
  });

  it('u takes b back; then 2 1 (c, then b) is the right order, and says so', () => {
    const s = press(opened(ID, taskAt()), '1', 'u', '2', '1');
    expect(s.order).toMatchObject({ picks: ['c', 'b'], early: ['b'] });
    expect(text(s)).toContain('Your order: c, b A right one: c, b The same');
    expect(text(s)).toContain('→ goes on: how micrograd builds its order, build_topo.');
    // c's two edges give b 1 + 1 = 2; b's two give a 2 + 2 = 4.
    expect(stepText(lessonOf(s)!, situationOf(s)).shown.grads).toEqual({ c: 1, b: 2, a: 4 });
  });

  it('picked through to the end in the wrong order, a ends with 0 where it should have 4', () => {
    const s = press(opened(ID, taskAt()), '1', '2');
    expect(frame(s).text.lines).toEqual(expect.arrayContaining(['Your order:   b, c', 'A right one:  c, b', 'a     4      0']));
  });

  it('a digit elsewhere in the lesson does nothing; the task is kept while the learner steps away and back', () => {
    const before = opened(ID, taskAt() - 1);
    expect(press(before, '1')).toBe(before);
    const s = press(opened(ID, taskAt()), '2', 'right', 'left');
    expect(s.open!.step).toBe(taskAt());
    expect(s.order!.picks).toEqual(['c']);
    // A number no node has, and a node picked already, change nothing.
    expect(press(s, '9').order).toBe(s.order);
    expect(press(s, '2').order).toEqual(s.order);
  });

  it('the help lists the task’s keys in lesson 12, and not in a lesson without the task', () => {
    const help = buildFrame(press(opened(ID, taskAt()), '?'));
    const lines = help.kind === 'help' ? help.lines : [];
    expect(lines.some((l) => /^1-2 +the order: run that node next/.test(l))).toBe(true);
    expect(lines.some((l) => /^u +the order: take the last node back/.test(l))).toBe(true);
    const other = buildFrame(press(opened('reuse-mul', 3), '?'));
    expect(other.kind === 'help' && other.lines.some((l) => l.includes('the order:'))).toBe(false);
  });
});

describe('build_topo in lesson 12', () => {
  it('steps through the depth-first walk with its calls, visited set and list, then reverses it', () => {
    const steps = lesson()
      .steps.slice(taskAt() + 1)
      .filter((s) => s.phase === 'order');
    expect(steps.map((s) => s.title)).toEqual([
      'build_topo: how micrograd orders it',
      'build_topo(c)',
      'build_topo(b)',
      'build_topo(a)',
      'build_topo: append a',
      'build_topo: append b',
      'build_topo: append c',
      'build_topo: reversed',
    ]);
    expect(steps[5].lines).toEqual(['calls:   build_topo(c) → build_topo(b)', 'visited: {c, b, a}', 'topo:    [a, b]']);
    expect(steps[5].highlight.current).toBe('b');
    expect(steps.at(-1)!.lines.slice(0, 2)).toEqual(['topo:           [a, b, c]', 'reversed(topo): [c, b, a]']);
    // The drawing lights the node visited.
    const s = opened(ID, taskAt() + 4);
    expect(
      frame(s)
        .drawing?.lines.map((l) => l.map((p) => p.text).join(''))
        .join('\n'),
    ).toMatch(/╔/);
  });
});

describe('the task counts as practice of backward-order', () => {
  const practiced = (s: Session, ...names: string[]) => run(s, ...keys(...names)).effects.filter((e) => e.type === 'practiced');
  const wrong = { type: 'practiced', skill: 'backward-order', answer: { outcome: 'wrong', sure: false, fresh: false } };
  const right = { ...wrong, answer: { ...wrong.answer, outcome: 'right' } };

  it('c then b is recorded right once the last node is picked, in reading mode as in predict mode, on the lesson’s graph', () => {
    for (const predict of [false, true]) {
      const s = opened(ID, taskAt(), predict);
      // c alone finishes nothing; b after it does.
      expect(practiced(s, '2')).toEqual([]);
      expect(practiced(s, '2', '1')).toEqual([right]);
    }
  });

  it('b too early, taken back, then c, b: wrong (the first try counts, as in practice), and once', () => {
    expect(practiced(opened(ID, taskAt()), '1', 'u', '2', '1')).toEqual([wrong]);
    expect(practiced(opened(ID, taskAt()), '1', '2')).toEqual([wrong]);
    // A key that changes nothing of a finished task, or steps away and back, records nothing more.
    const done = press(opened(ID, taskAt()), '2', '1');
    expect(practiced(done, '1', '2', 'right', 'left', '1')).toEqual([]);
  });

  it('finished again after an undo, it counts again: each time the task is completed', () => {
    const done = press(opened(ID, taskAt()), '2', '1');
    expect(practiced(done, 'u', '1')).toEqual([right]);
  });

  it('the summary offers backward-order first when the order went wrong, and not when it was right', () => {
    const offer = (s: Session) => {
      const last = press(s, 'end');
      return text(last).match(/Practice these with fresh numbers: grad-tutor practice ([a-z-]+) \(also: ([^)]*)\)/)!;
    };
    const [, first, also] = offer(press(opened(ID, taskAt()), '1', 'u', '2', '1'));
    expect(first).toBe('backward-order');
    const [, firstRight, alsoRight] = offer(press(opened(ID, taskAt()), '2', '1'));
    expect(firstRight).not.toBe('backward-order');
    expect(alsoRight).not.toContain('backward-order');
    // The rest of the offer is the lesson's own, as before.
    expect([first, ...also.split(', ')].slice(1)).toEqual([firstRight, ...alsoRight.split(', ')].filter((s) => s !== 'none'));
  });
});
