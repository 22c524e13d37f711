import { afterEach, describe, expect, it } from 'vitest';
import { KEY, openTutor } from './harness.js';

let tutor: Awaited<ReturnType<typeof openTutor>> | undefined;
afterEach(() => tutor?.unmount());

// neuron-learns: the nudge is step 23 of 45, updates 1 … 20 are steps 24 … 43, the Train summary 44.
const TRAIN = 23;
const at80 = { columns: 80, rows: 24 };

/**
 * The neuron's loss after one update at rate r, by hand: at the start o = tanh(n) = 1/√2 with y = 0,
 * so ∂L/∂w1 = 2·o·(1 − o²)·x1 = √2, ∂L/∂w2 = 0 (x2 = 0), ∂L/∂b = 2·o·(1 − o²) = 1/√2, and the new
 * n = x1·(w1 + r√2) + x2·w2 + (b + r/√2).
 */
function lossAfterOne(rate: number): number {
  const n = 2 * (-3 + rate * Math.SQRT2) + 6.8813735870195432 + rate * Math.SQRT1_2;
  return Math.tanh(n) ** 2;
}

/** "loss 0.5 → 0.368786": the loss after this update, as the step's sentence says it. */
function lossAfter(frame: string): number {
  const m = /loss \S+ →\s+(\S+?)\.(?:\s|$)/.exec(frame.replace(/\n\s+/g, ' '));
  expect(m, frame).not.toBeNull();
  return Number(m![1]);
}

/** The rows of the chart: the lines between its top label row and the axis. */
function chartRows(frame: string): string[] {
  const lines = frame.split('\n');
  const top = lines.findIndex((l) => /┤/.test(l));
  const axis = lines.findIndex((l) => /└─/.test(l));
  return lines.slice(top, axis);
}

describe('the Train phase on screen', () => {
  it('steps through the updates with → and ←: the chart grows one point a step, with the update of every param', async () => {
    tutor = await openTutor({ resume: { id: 'neuron-learns', step: TRAIN }, size: at80, theme: { color: false } });
    let frame = tutor.frame();
    expect(frame).toContain('[Train]');
    expect(frame).toContain('Train: update 1 of 20');
    // w1 += -0.05 × √2 by hand.
    expect(frame).toContain(`w1 += -0.05 × 1.41421 = ${(-3 - 0.05 * Math.SQRT2).toFixed(5)}`);
    expect(frame).toContain('w2 += -0.05 × 0 = 1');
    expect(lossAfter(frame)).toBeCloseTo(lossAfterOne(-0.05), 5);
    const points = (f: string) => chartRows(f).join('').split('•').length - 1;
    expect(points(frame)).toBe(2);
    await tutor.type(KEY.right, KEY.right);
    frame = tutor.frame();
    expect(frame).toContain('Train: update 3 of 20');
    expect(points(frame)).toBe(4);
    await tutor.type(KEY.left);
    expect(tutor.frame()).toContain('Train: update 2 of 20');
    expect(points(tutor.frame())).toBe(3);
  });

  it('fits 80×24: header, phase bar, the sentence, the chart, the table and the footer, nothing cut', async () => {
    tutor = await openTutor({ resume: { id: 'neuron-learns', step: TRAIN }, size: at80, theme: { color: false } });
    const lines = tutor.frame().split('\n');
    expect(lines.length).toBeLessThan(24);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(lines.some((l) => l.startsWith('b ') && l.includes('b += -0.05'))).toBe(true);
    expect(lines.at(-1)).toContain('z zero_grad');
    expect(tutor.frame()).not.toContain('more lines');
  });

  it('+ and - change the rate there, and the loss series changes with it', async () => {
    tutor = await openTutor({ resume: { id: 'neuron-learns', step: TRAIN }, size: at80, theme: { color: false } });
    const before = chartRows(tutor.frame()).join('\n');
    // + takes larger steps down: -0.05 → -0.1 → -0.2; - smaller ones back: -0.1 → -0.05 → -0.02.
    await tutor.type('+', '+');
    let frame = tutor.frame();
    expect(frame).toContain('param += -0.2 × its grad');
    expect(tutor.state().step).toBe(TRAIN);
    expect(lossAfter(frame)).toBeCloseTo(lossAfterOne(-0.2), 5);
    await tutor.type('-', '-', '-');
    frame = tutor.frame();
    expect(frame).toContain('param += -0.02 × its grad');
    expect(lossAfter(frame)).toBeCloseTo(lossAfterOne(-0.02), 5);
    expect(chartRows(frame).join('\n')).not.toBe(before);
  });

  it('a step too large for the loss is told so at the summary', async () => {
    tutor = await openTutor({ resume: { id: 'neuron-learns', step: TRAIN }, size: { columns: 100, rows: 40 }, theme: { color: false } });
    // + three times from -0.05 reaches -0.5 (still descent): each update jumps past the minimum and back.
    await tutor.type('+', '+', '+', 'G');
    await tutor.type(KEY.left);
    expect(tutor.frame()).toContain('Train: summary');
    expect(tutor.frame()).toContain('20 updates at rate -0.5');
    expect(tutor.frame()).toMatch(
      /loss\s+0\.5\s+→\s+\S+\.\s+The\s+run\s+overshot:\s+the\s+loss\s+fell\s+overall,\s+but\s+rose\s+at\s+\d+\s+of\s+20\s+updates/,
    );
  });

  it('z replays the training without zero_grad beside the right run, with why; z again goes back', async () => {
    tutor = await openTutor({ resume: { id: 'neuron-learns', step: TRAIN + 5 }, size: at80, theme: { color: false } });
    expect(tutor.frame()).not.toContain('×  without');
    await tutor.type('z');
    let frame = tutor.frame();
    expect(tutor.state().step).toBe(TRAIN + 5);
    expect(frame).toContain('• with zero_grad   × without');
    const rows = chartRows(frame).join('');
    expect(rows).toContain('•');
    expect(rows).toContain('×');
    expect(frame).toContain('zero_grad is off: each grad is the sum of all 6 backward passes so far');
    // The grads are on screen whole, the last param's row too; why they go wrong is a scroll away.
    expect(frame).toMatch(/^b +\S+ +b \+= /m);
    await tutor.type('jjjj');
    expect(tutor.frame()).toContain('Without zero_grad each backward pass adds its gradient');
    expect(tutor.frame()).toContain('zero_grad()');
    await tutor.type('z');
    frame = tutor.frame();
    expect(frame).not.toContain('× without');
    expect(chartRows(frame).join('')).not.toContain('×');
  });

  it('Tab jumps to the last update, where the whole run is drawn; Shift+Tab goes back to the first', async () => {
    tutor = await openTutor({ resume: { id: 'neuron-learns', step: TRAIN + 2 }, size: at80, theme: { color: false } });
    await tutor.type(KEY.tab);
    expect(tutor.frame()).toContain('Train: update 20 of 20');
    expect(chartRows(tutor.frame()).join('').split('•').length - 1).toBeGreaterThanOrEqual(15);
    await tutor.type(KEY.shiftTab);
    expect(tutor.frame()).toContain('Train: update 1 of 20');
  });

  it('the z key is in the footer only in the Train phase', async () => {
    tutor = await openTutor({
      resume: { id: 'neuron-learns', step: TRAIN - 1 },
      size: { columns: 140, rows: 40 },
      theme: { color: false },
    });
    expect(tutor.frame()).not.toContain('z zero_grad');
    await tutor.type(KEY.right);
    expect(tutor.frame()).toContain('z zero_grad');
  });
});

describe('params and data in the menu', () => {
  it('the highlighted lesson says which inputs are params and which are data', async () => {
    tutor = await openTutor({ size: at80, theme: { color: false } });
    // Walk the menu to neuron-learns by its title, whatever its place in the course.
    for (let i = 0; i < 20 && !/❯.*A neuron learns/.test(tutor.frame()); i++) await tutor.type(KEY.down);
    expect(tutor.frame()).toMatch(/❯.*A neuron learns/);
    expect(tutor.frame()).toContain('params (training moves them): w1, w2, b · data (never moved): x1, x2, y');
  });

  it('a lesson whose inputs all move has no such line', async () => {
    // The course's first lesson, highlighted when the menu opens.
    tutor = await openTutor({ size: at80, theme: { color: false } });
    expect(tutor.frame()).toContain('❯');
    expect(tutor.frame()).not.toContain('params (training moves them)');
  });
});

describe('the drawing in the Train phase', () => {
  it('stays out even in a tall window: its boxes hold the values before training, the table those after', async () => {
    tutor = await openTutor({
      resume: { id: 'neuron-learns', step: TRAIN - 1 },
      size: { columns: 140, rows: 40 },
      theme: { color: false },
    });
    // The nudge step draws the graph; the first update does not.
    expect(tutor.frame()).toMatch(/[╭┏╔]/);
    await tutor.type(KEY.right);
    expect(tutor.frame()).toContain('Train: update 1 of 20');
    expect(tutor.frame()).not.toMatch(/[╭┏╔]/);
  });
});
