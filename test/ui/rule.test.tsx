// A local derivative's rule typed on screen (ink-testing-library), in one burst as a person types: right in the
// lesson's own names, a common wrong one told why, a rule that cannot be read kept with what to fix, and q typed.
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, openTutor } from './harness.js';

let tutor: Awaited<ReturnType<typeof openTutor>> | undefined;
afterEach(() => tutor?.unmount());

// neuron, step 8 (index 7): o = tanh(n) with n = 0.8814 (atanh(1/√2)), so o = 0.7071 and ∂o/∂n = 1 - o² = 0.5.
const atTanh = () => openTutor({ resume: { id: 'neuron', step: 7 }, quiz: true, size: { columns: 80, rows: 24 } });
/** The screen's text with each wrapped line joined to the next. */
const said = (frame: string) => frame.replace(/\n\s*/g, ' ');

describe('typing a rule at a local derivative', () => {
  it('the question says a rule can be typed; 1 - o^2 is right, and scores as the number would', async () => {
    tutor = await atTanh();
    expect(tutor.frame()).toContain('What is the local derivative ∂o/∂n of o = tanh(n)?');
    expect(said(tutor.frame())).toContain('Pick 1–4, or t to type it (to 3 significant digits) or its rule.');
    await tutor.type('t1 - o^2');
    expect(tutor.frame()).toContain('Your answer: 1 - o^2▏');
    // The footer tells the truth while typing: q types itself, so Ctrl+C quits.
    expect(tutor.frame()).toMatch(/Enter answer {2}Backspace erase {2}Esc choices {2}Ctrl\+C quit/);
    await tutor.type(KEY.enter);
    expect(said(tutor.frame())).toContain('Correct: 0.5, and 1 - o^2 is the rule itself: it holds at other values too.');
    expect(tutor.state().answers.neuron).toEqual({ 7: { given: { rule: '1 - o^2' }, hints: 0 } });
    expect(tutor.state().again).toEqual([]);
  });

  it("1 - n^2, tanh's slope from its input, is wrong with its own reason", async () => {
    tutor = await atTanh();
    await tutor.type('t1 - n^2', KEY.enter);
    expect(said(tutor.frame())).toContain(
      "Not quite: that is 1 - n² with the input n; tanh's slope reads its output: ∂o/∂n = 1 - o². The answer is 0.5.",
    );
  });

  it('a rule that cannot be read stays typed with one sentence; fixed, it answers', async () => {
    tutor = await atTanh();
    await tutor.type('t1 - o^', KEY.enter);
    expect(tutor.frame()).toContain('Your answer: 1 - o^▏');
    expect(said(tutor.frame())).toContain(
      'Not a rule: the expression ends after `^` at character 6; add what `^` applies to, or remove it.',
    );
    await tutor.type('2', KEY.enter);
    expect(said(tutor.frame())).toContain('Correct: 0.5, and 1 - o^2 is the rule itself');
  });

  it('a name from elsewhere in the graph is refused: the local derivative depends only on this op', async () => {
    tutor = await atTanh();
    await tutor.type('t1 - b^2', KEY.enter);
    expect(said(tutor.frame())).toContain(
      'b is not in o = tanh(n): a local derivative depends only on its own op, so the rule reads n and o alone.',
    );
    expect(tutor.state().answers.neuron).toBeUndefined();
  });

  it('q types itself and does not quit; ? shows the typing keys; Esc goes back to the choices', async () => {
    tutor = await atTanh();
    await tutor.type('tq');
    expect(tutor.frame()).toContain('Your answer: q▏');
    expect(tutor.state().quit).toBe(false);
    await tutor.type('?');
    expect(tutor.frame()).toContain('Keys while an answer is typed');
    expect(tutor.frame()).toContain('typing: quit (q does not: a rule may hold it)');
    await tutor.type(' ');
    expect(tutor.frame()).toContain('Your answer: q▏');
    await tutor.type(KEY.escape);
    expect(tutor.frame()).not.toContain('Your answer');
    expect(tutor.frame()).toContain('What is the local derivative ∂o/∂n of o = tanh(n)?');
  });
});
