import { afterEach, describe, expect, it } from 'vitest';
import { KEY, openTutor } from './harness.js';

let tutor: Awaited<ReturnType<typeof openTutor>> | undefined;
afterEach(() => tutor?.unmount());

const lines = (frame: string) => frame.split('\n');

describe('the menu', () => {
  it('lists every bundled lesson with its expression and a mark on finished ones', async () => {
    tutor = await openTutor();
    const frame = tutor.frame();
    expect(frame).toContain('Addition feeding a product');
    expect(frame).toContain('z = (a + b) · d');
    expect(frame).toContain('o = tanh((x1 · w1 + x2 · w2) + b)');
    expect(frame).toContain('c = b + b, b = a + a');
    expect(frame).toMatch(/✓ +2\. A sum/);
    expect(frame).not.toMatch(/✓ +3\./);
    // Only add is finished, so the next lesson of the course is the first, the slope.
    expect(frame).toMatch(/▸ +1\. The slope, by nudging/);
    expect(lines(frame).filter((l) => /▸ +\d+\./.test(l))).toHaveLength(1);
  });

  it('marks a lesson finished once every step has been seen, in the same session; G alone does not', async () => {
    tutor = await openTutor();
    await tutor.type('3', 'G', KEY.escape);
    expect(tutor.frame()).not.toMatch(/✓ +3\./);
    await tutor.type('3', ...Array(20).fill('l'), KEY.escape);
    expect(tutor.frame()).toMatch(/✓ +3\. A product/);
  });

  it('opens lesson 15 on 1 5 sent in one write, and lesson 1 on 1 then Enter', async () => {
    tutor = await openTutor();
    await tutor.type('1', '5');
    expect(tutor.state().lessonId).toBe('neuron-learns');
    await tutor.type(KEY.escape);
    await tutor.type('1');
    expect(tutor.frame()).toContain('Enter opens lesson 1; 0-7 open 10-17.');
    await tutor.type(KEY.enter);
    expect(tutor.state().lessonId).toBe('slope');
  });

  it('opens the fourth lesson on ↓ ↓ ↓ Enter sent in one write', async () => {
    tutor = await openTutor();
    await tutor.type(KEY.down, KEY.down, KEY.down, KEY.enter);
    expect(tutor.frame()).toContain('Addition feeding a product');
    expect(tutor.frame()).toContain('step 1/11');
  });

  it('opens the fourth lesson on j j j Enter sent in one write', async () => {
    tutor = await openTutor();
    await tutor.type('jjj\r');
    expect(tutor.state()).toMatchObject({ screen: 'lesson', lessonId: 'add-then-mul', step: 0 });
  });

  it('wraps around from the first entry upwards, past the two prompts', async () => {
    tutor = await openTutor();
    await tutor.type(KEY.up);
    expect(tutor.frame()).toMatch(/❯ +Type your own graph/);
    await tutor.type(KEY.up, KEY.up, KEY.enter);
    expect(tutor.state().lessonId).toBe('mlp');
  });
});

describe('stepping through a lesson', () => {
  it('→ shows the forward step of c with its numbers', async () => {
    tutor = await openTutor({ resume: { id: 'add-then-mul', step: 0 } });
    await tutor.type(KEY.right);
    expect(tutor.frame()).toContain('step 2/11');
    expect(tutor.frame()).toContain('c = a + b = 3 + (-5) = -2');
    expect(tutor.frame()).toContain('[Forward]');
  });

  it('ten → in one write advance ten steps, and stop at the last', async () => {
    tutor = await openTutor({ resume: { id: 'reuse-add', step: 0 } });
    await tutor.type(...Array(10).fill(KEY.right));
    expect(tutor.frame()).toContain('step 11/11');
    await tutor.type(KEY.right, KEY.right);
    expect(tutor.frame()).toContain('step 11/11');
    expect(tutor.frame()).toContain('[Summary]');
  });

  it('ten l in one write are ten steps too (Ink hands them over as one string)', async () => {
    tutor = await openTutor({ resume: { id: 'neuron', step: 0 } });
    await tutor.type('llllllllll');
    expect(tutor.state().step).toBe(10);
  });

  it('← h and Backspace go back; g and G go to the first and last step', async () => {
    tutor = await openTutor({ resume: { id: 'add-then-mul', step: 5 } });
    await tutor.type(KEY.left);
    expect(tutor.state().step).toBe(4);
    await tutor.type('h');
    expect(tutor.state().step).toBe(3);
    await tutor.type(KEY.backspace);
    expect(tutor.state().step).toBe(2);
    await tutor.type('G');
    expect(tutor.frame()).toContain('step 11/11');
    await tutor.type('g');
    expect(tutor.frame()).toContain('step 1/11');
    await tutor.type(KEY.end);
    expect(tutor.state().step).toBe(10);
    await tutor.type(KEY.home);
    expect(tutor.state().step).toBe(0);
  });

  it('Tab jumps phase by phase, Shift+Tab back', async () => {
    tutor = await openTutor({ resume: { id: 'add-then-mul', step: 0 } });
    const phases: string[] = [];
    for (let i = 0; i < 6; i++) {
      phases.push(/\[(\w+)\]/.exec(tutor.frame())![1]);
      await tutor.type(KEY.tab);
    }
    expect(phases).toEqual(['Overview', 'Forward', 'Backward', 'Check', 'Nudge', 'Summary']);
    await tutor.type(KEY.shiftTab);
    expect(tutor.frame()).toContain('[Nudge]');
  });

  it('shows the three levels of the chain rule and the running sum on the step that adds b’s second path', async () => {
    tutor = await openTutor({ resume: { id: 'reuse-add', step: 7 } });
    const frame = tutor.frame();
    expect(frame).toContain('Backward: c → b');
    expect(frame).toContain('symbols:  ∂z/∂b += ∂z/∂c · ∂c/∂b');
    expect(frame).toContain('result:   1 · 1 = 1 (this path)');
    expect(frame).toContain('∂z/∂b = 1 (direct) + 1 (via c) = 2');
  });

  it('shows the nudge table with old value, gradient and new value', async () => {
    tutor = await openTutor({ resume: { id: 'mul-mul', step: 0 } });
    await tutor.type(KEY.tab, KEY.tab, KEY.tab, KEY.tab);
    const frame = tutor.frame();
    expect(frame).toContain('[Nudge]');
    expect(frame).toMatch(/a +3 +-10 +2\.9/);
    expect(frame).toContain('z: -30 → -26.5031');
    expect(frame).toContain('predicted change +3.61');
  });

  it('Esc goes back to the menu, q quits', async () => {
    tutor = await openTutor({ resume: { id: 'add', step: 1 } });
    await tutor.type(KEY.escape);
    expect(tutor.frame()).toContain('Pick a graph');
    await tutor.type('q');
    expect(tutor.state().quit).toBe(true);
  });

  it('Ctrl+C quits from a lesson', async () => {
    tutor = await openTutor({ resume: { id: 'add', step: 1 } });
    await tutor.type(KEY.ctrlC);
    expect(tutor.state().quit).toBe(true);
  });
});

describe('help', () => {
  it('? lists every key of the lesson table, and any key closes it', async () => {
    tutor = await openTutor({ resume: { id: 'add', step: 2 } });
    await tutor.type('?');
    const frame = tutor.frame();
    expect(frame).toContain('Keys in a lesson');
    expect(frame).toContain('→ l Space Enter  next step');
    expect(frame).toContain('any key closes this');
    expect(frame).toContain('Esc m');
    await tutor.type('x');
    expect(tutor.frame()).toContain('step 3/');
  });
});

describe('the highlight without colour', () => {
  it('marks the current node by its border and ▸, with no colour codes at all', async () => {
    tutor = await openTutor({ resume: { id: 'add-then-mul', step: 1 }, theme: { color: false } });
    const frame = tutor.frame();
    // Step 2 computes c: c's box, and only c's, has the double top border with the ▸ (a panel title starts with ▸ too).
    const marked = lines(frame).flatMap((line) => [...line.matchAll(/[┏╔][━═]?▸(?:\S+ )?(\w+)/g)].map((m) => m[1]));
    expect(marked).toEqual(['c']);
    await tutor.type(KEY.right);
    expect(lines(tutor.frame()).flatMap((line) => [...line.matchAll(/[┏╔][━═]?▸(?:\S+ )?(\w+)/g)].map((m) => m[1]))).toEqual(['z']);
    // Colour escapes (30–37, 90–97, 38;…) must not appear; bold is allowed.
    expect(frame).not.toMatch(/\x1b\[(3[0-8]|9[0-7]|4[0-8])[;m]/);
  });
});

describe('the window', () => {
  it('never draws a frame as tall as the terminal, at any size', async () => {
    for (const [columns, rows] of [
      [100, 30],
      [80, 24],
      [60, 16],
      [40, 10],
    ]) {
      tutor = await openTutor({ resume: { id: 'neuron', step: 0 }, size: { columns, rows } });
      for (let step = 0; step < 14; step++) {
        const frame = tutor.frame();
        expect(lines(frame).length, `${columns}×${rows} step ${step}`).toBeLessThan(rows);
        for (const line of lines(frame)) expect([...line.replace(/\x1b\[[0-9;]*m/g, '')].length).toBeLessThanOrEqual(columns);
        await tutor.type(KEY.right);
      }
      tutor.unmount();
    }
    tutor = undefined;
  });

  it('keeps the current node in view when the drawing is cut', async () => {
    tutor = await openTutor({ resume: { id: 'neuron', step: 0 }, size: { columns: 80, rows: 24 } });
    await tutor.type('G', KEY.left, KEY.left, KEY.left, KEY.left);
    // A backward step near the inputs: the current node's marked box must be on screen, not only the panel's ▸.
    expect(tutor.frame()).toMatch(/[┏╔][━═]?▸/);
  });

  it('scrolls a step’s text that does not fit with ↓ and ↑, under a title that stays', async () => {
    // The nudge step of (a · b) · d at 60×16 is two lines too long.
    tutor = await openTutor({ resume: { id: 'mul-mul', step: 9 }, size: { columns: 60, rows: 16 } });
    const top = tutor.frame();
    expect(top).toContain('… 2 more lines (↓ shows them)');
    expect(top).not.toContain('even a negative gradient');
    await tutor.type(KEY.down);
    const bottom = tutor.frame();
    expect(lines(bottom)[2]).toBe('▸ Nudge');
    expect(bottom).toContain('… 2 more lines above (↑ shows them)');
    expect(bottom).toContain('even a negative gradient');
    expect(bottom).toContain('+ / - take a larger / smaller step; the rate keeps its sign.');
    expect(lines(bottom).length).toBeLessThan(16);
    // ↓ in a burst stops at the end, so one ↑ goes back at once.
    await tutor.type(KEY.down, 'j', KEY.down);
    expect(tutor.frame()).toBe(bottom);
    await tutor.type('k');
    expect(tutor.frame()).toBe(top);
    // A new step starts at its top.
    await tutor.type(KEY.down, KEY.left, KEY.right);
    expect(tutor.frame()).toBe(top);
  });

  it('keeps ↓ for the answers while a predict-mode question waits', async () => {
    tutor = await openTutor({ resume: { id: 'neuron', step: 0 }, quiz: true, size: { columns: 60, rows: 10 } });
    // Step on to the first backward edge, where a question waits; two hints make its text too long.
    for (let i = 0; i < 20 && !tutor.frame().includes('— predict'); i++) await tutor.type(KEY.right);
    await tutor.type('H', 'H');
    expect(tutor.frame()).toContain('more lines (a taller window shows them)');
    const cursor = tutor.state().cursor;
    await tutor.type(KEY.down);
    expect(tutor.state().cursor).toBe(cursor + 1);
    expect(tutor.state().scroll).toBe(0);
  });

  it('asks for a larger window below the minimum, and recovers on resize', async () => {
    tutor = await openTutor({ resume: { id: 'add', step: 0 } });
    await tutor.resize(30, 8);
    expect(tutor.frame()).toContain('Make the window at least 40×10');
    await tutor.resize(80, 24);
    expect(tutor.frame()).toContain('step 1/');
  });
});

describe('with a screen reader (INK_SCREEN_READER=true)', () => {
  it('reads the step as sentences, with no box drawing', async () => {
    process.env.INK_SCREEN_READER = 'true';
    try {
      tutor = await openTutor({ resume: { id: 'reuse-add', step: 7 } });
      const frame = tutor.frame();
      expect(frame).toContain('A reused input in a sum, step 8 of 11.');
      expect(frame).toContain('∂z/∂b = 1 (direct) + 1 (via c) = 2');
      expect(frame).not.toMatch(/[─│╭╮╰╯━┃┏┓┗┛═║╔╗╚╝▶]/);
    } finally {
      delete process.env.INK_SCREEN_READER;
    }
  });

  it('reads a picture by its sentences, not its rows of glyphs: tanh at n, lesson 1’s slopes along the curve', async () => {
    process.env.INK_SCREEN_READER = 'true';
    try {
      tutor = await openTutor({ resume: { id: 'neuron', step: 7 } });
      let frame = tutor.frame();
      expect(frame).toContain('The neuron, step 8 of 19.');
      expect(frame).toContain('• tanh(n)   · its tangent at ◆, n = 0.881374: slope 0.5, the local derivative');
      // No plot row (┤ │ └), and no row of the x axis's labels (-1.62 … 3.38).
      expect(frame).not.toMatch(/[┤│└]/);
      expect(frame).not.toContain('-1.62');
      tutor.unmount();
      tutor = await openTutor({ resume: { id: 'slope', step: 10 } });
      frame = tutor.frame();
      expect(frame).toContain(
        'The slope of f: at x = -3 it is -22 (falling), at x = 0.666667 it is 0 (flat: the bottom), at x = 3 it is 14 (rising).',
      );
      expect(frame).not.toMatch(/[┤│└•]{2}/);
    } finally {
      delete process.env.INK_SCREEN_READER;
    }
  });
});
