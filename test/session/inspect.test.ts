import { describe, expect, it } from 'vitest';
import { randomScenario } from '../../bench/graphs.js';
import { parseScenario, scenarioFromTyped } from '../../src/scenario/index.js';
import { buildFrame, type LessonFrame } from '../../src/session/frame.js';
import { completed, matchesOf } from '../../src/session/find.js';
import { countText } from '../../src/session/inspect.js';
import { lessonOf, waitingOf, type Session } from '../../src/session/session.js';
import { keys, opened, run, scenario } from '../helpers/session.js';
import type { KeyName } from '../../src/keys/index.js';

const press = (state: Session, ...names: KeyName[]) => run(state, ...keys(...names)).state;
const frameOf = (state: Session) => buildFrame(state) as LessonFrame;
const textOf = (state: Session) => frameOf(state).text.lines.join('\n');
const sized = (state: Session, columns: number, rows: number) => run(state, { type: 'resize', columns, rows }).state;
/** Whether the drawing's picture holds the node's whole box. */
function wholeInView(frame: LessonFrame, name: string): boolean {
  const d = frame.drawing!;
  const box = d.boxes[name];
  const bottom = d.height - (d.beyond && Object.keys(d.beyond).length > 0 ? 1 : 0);
  return (
    box !== undefined && box.row >= (d.pictureRow ?? 0) && box.col >= 0 && box.row + box.height <= bottom && box.col + box.width <= d.width
  );
}

describe('f: one node’s whole path to the output', () => {
  // reuse-add, z = (a + b) + b; step 8 (index 7) is the edge c → b.
  const edge = () => opened('reuse-add', 7);

  it('starts with the node the backward edge runs into: b’s two paths, their products and sum, which is b’s gradient', () => {
    const state = press(edge(), 'f');
    const text = textOf(state);
    expect(text).toContain('Every path from b to z');
    expect(text).toContain('path 1: b → c → z   1 · 1 = 1');
    expect(text).toContain('path 2: b → z   1 = 1');
    expect(text).toContain("The sum over all 2 paths is 1 + 1 = 2, b's gradient: ∂z/∂b = 2.");
    // The drawing lights both paths, with b as the node the view is about, and shows every gradient.
    const highlight = frameOf(state).drawing!;
    expect(
      highlight.lines
        .flat()
        .map((s) => s.text)
        .join(''),
    ).toContain('g  2');
  });

  it('f again goes to the next input, and past the last one back to the step; Esc leaves without going to the menu', () => {
    const a = press(edge(), 'f', 'f');
    expect(textOf(a)).toContain('Every path from a to z');
    expect(textOf(a)).toContain("One path: its product is a's gradient, ∂z/∂a = 1.");
    const back = press(a, 'f');
    expect(back.inspect?.follow).toBeUndefined();
    expect(textOf(back)).toContain('▸ Backward: c → b');
    const left = press(edge(), 'f', 'escape');
    expect(left.screen).toBe('lesson');
    expect(textOf(left)).toContain('▸ Backward: c → b');
  });

  it('a step without a backward edge follows the first input; the next step is the step again', () => {
    const state = press(opened('reuse-add', 1), 'f');
    expect(textOf(state)).toContain('Every path from a to z');
    expect(textOf(press(state, 'right'))).not.toContain('Every path');
  });

  it('is of the lesson it was pressed in: another lesson opened at the same step shows its own step', () => {
    const following = press(edge(), 'f');
    const other = run(press(following, 'm'), {
      type: 'opened',
      lesson: { kind: 'bundled', id: 'add-then-mul' },
      scenario: scenario('add-then-mul'),
      step: 7,
      from: 'menu',
    }).state;
    expect(textOf(other)).toContain('▸ Backward: c → b');
    expect(textOf(other)).not.toContain('Every path');
  });

  it('does nothing in a graph of constants alone, which has no input to follow', () => {
    const constants = run(opened('add'), {
      type: 'opened',
      lesson: { kind: 'typed', expression: 'z = 2 * 3', values: [] },
      scenario: scenarioFromTyped('z = 2 * 3', []),
      step: 1,
      from: 'prompt',
    }).state;
    const pressed = press(constants, 'f');
    expect(pressed.inspect?.follow).toBeUndefined();
    expect(textOf(pressed)).not.toContain('Every path');
  });

  it('waits while a question does: the paths would give its answer away', () => {
    const asking = opened('reuse-add', 7, true);
    expect(waitingOf(asking)).toBeDefined();
    expect(press(asking, 'f')).toBe(asking);
    expect(press(asking, 'c')).toBe(asking);
  });

  it('lesson 17 names the loss its gradient is of; many paths are counted, the first few listed', () => {
    const state = sized(press(opened('mlp', 1), 'f'), 80, 24);
    const text = textOf(state);
    const lesson = lessonOf(state)!;
    const { inputs, output } = lesson.trace.graph;
    expect(text).toContain(`Every path from ${inputs[0]} to ${output}`);
    expect(text).toMatch(/… and \d+ more paths\./);
    expect(text).toContain(`(example 1's ${output})`);
  });

  it('writes a count too long to read at a glance as a power of ten', () => {
    expect(countText(1012n)).toBe('1012');
    expect(countText(2n ** 60n)).toBe('1.15e18');
  });
});

describe('/: jump to a node by name', () => {
  const mlp = scenario('mlp').graph;

  it('finds names by their start, an exact name first, constants never', () => {
    expect(matchesOf(mlp, 'w1_2')).toEqual(['w1_2_1', 'w1_2_2', 'w1_2_3']);
    expect(matchesOf(mlp, 'zz')).toEqual([]);
    const graph = parseScenario('title: t\ninputs:\n  ab: 1\n  a: 2\nnodes:\n  z: ab * a * 2\n', 't.yaml').graph;
    // A node the loader made (ab·a) has a name too, which the drawing shows.
    expect(matchesOf(graph, 'a')).toEqual(['a', 'ab', 'ab*a']);
    expect(matchesOf(graph, '2')).toEqual([]);
  });

  it('Tab completes to the start every match shares, or the whole name', () => {
    expect(completed(['w1_2_1', 'w1_2_2', 'w1_2_3'], 'w1_2')).toBe('w1_2_');
    expect(completed(['o'], '')).toBe('o');
    expect(completed([], 'zz')).toBe('zz');
  });

  it('typed in the footer’s row, digits too; it waits while a question does, whose answer a digit is', () => {
    const typing = press(opened('reuse-add', 7), '/', 'b', '1');
    expect(typing.inspect?.find).toEqual({ text: 'b1' });
    expect(frameOf(typing).footer).toBe(`/b1▏ no node's name starts with "b1": Backspace erases, Esc leaves`);
    expect(press(typing, 'backspace').inspect?.find).toEqual({ text: 'b' });
    const left = press(typing, 'escape');
    expect(left.inspect?.find).toBeUndefined();
    expect(left.screen).toBe('lesson');
    const asking = opened('reuse-add', 7, true);
    expect(press(asking, '/')).toBe(asking);
  });

  it('e and E are letters of the name typed, not the edit: the lecture graph has a node e', () => {
    // lecture-graph, L = (a·b + c)·f with e = a·b = 2 · (-3) = -6.
    const typing = press(opened('lecture-graph', 4), '/', 'e');
    expect(typing.inspect?.find).toEqual({ text: 'e' });
    expect(typing.open?.explore).toBeUndefined();
    expect(press(typing, 'backspace', 'E').inspect?.find).toEqual({ text: 'E' });
    const found = press(typing, 'enter');
    expect(found.inspect?.found?.name).toBe('e');
    expect(textOf(found)).toContain('Found e: v -6');
  });

  it('Enter with no match stays; a control character typed shows as visible text', () => {
    const typing = press(opened('reuse-add', 7), '/', 'q', '\x07');
    expect(press(typing, 'enter').inspect?.find).toEqual({ text: 'q\x07' });
    expect(frameOf(typing).footer).toContain('/q^G▏');
  });

  it('Enter lights the node and says its numbers', () => {
    const state = press(opened('reuse-add', 7), '/', 'a', 'enter');
    expect(state.inspect?.found).toEqual({ at: '7 reuse-add', name: 'a' });
    expect(textOf(state)).toContain('Found a: v 3, g 1 (lit on the drawing).');
    expect(
      frameOf(state)
        .drawing!.lines.flat()
        .map((s) => s.text)
        .join(''),
    ).toContain('┏━a');
    // The next step is the lesson's again.
    expect(textOf(press(state, 'right'))).not.toContain('Found a');
  });

  it('in the MLP at 80×24 and 60×16 the window moves to a node far from the step’s, and stays there', () => {
    for (const [columns, rows] of [
      [80, 24],
      [60, 16],
    ]) {
      const start = sized(opened('mlp', 19), columns, rows);
      const lesson = lessonOf(start)!;
      const far = 'w3_1_4';
      expect(lesson.steps[19].highlight.current).not.toBe(far);
      expect(frameOf(start).drawing!.boxes[far]).toBeUndefined();
      const jumped = press(start, '/', ...[...'w3_1'], 'tab', '4', 'enter');
      expect(jumped.inspect?.found?.name).toBe(far);
      expect(wholeInView(frameOf(jumped), far)).toBe(true);
      // The help opened and closed: the window is where the jump put it.
      expect(press(jumped, '?', 'x').origin).toEqual(jumped.origin);
    }
  });

  it('in a random graph of 2,000 nodes (the benchmark’s), at 80×24', () => {
    const big = parseScenario(randomScenario(2000, 1), 'random2000.yaml');
    const opened2000 = run(sized(opened('add'), 80, 24), {
      type: 'opened',
      lesson: { kind: 'file', path: 'random2000.yaml' },
      scenario: big,
      step: 2100,
      from: 'menu',
    }).state;
    expect(frameOf(opened2000).drawing!.boxes.n1500).toBeUndefined();
    const jumped = press(opened2000, '/', 'n', '1', '5', '0', '0', 'enter');
    expect(wholeInView(frameOf(jumped), 'n1500')).toBe(true);
  });
});

describe('c: the code line', () => {
  it('on a backward step, the edge’s line with the lesson’s names and micrograd’s; it stays on across steps', () => {
    const on = press(opened('reuse-add', 7), 'c');
    expect(textOf(on)).toContain('code: b.grad += 1.0 * c.grad   (micrograd: other.grad += 1.0 * out.grad)');
    const seed = press(on, 'g', ...Array<KeyName>(3).fill('right'));
    expect(textOf(seed)).toContain('code: z.grad = 1.0   (micrograd: self.grad = 1.0)');
    expect(textOf(press(seed, 'c'))).not.toContain('code:');
  });

  it('a step that runs no such line says which do', () => {
    expect(textOf(press(opened('reuse-add', 1), 'c'))).toContain('code: only the seed, backward, nudge and update steps run one.');
  });

  it('hidden while a question waits (it holds the local derivative), shown once it is answered', () => {
    const on = press(opened('reuse-add', 6), 'c', 'p', 'right');
    expect(waitingOf(on)).toBeDefined();
    expect(textOf(on)).not.toContain('code:');
  });
});
