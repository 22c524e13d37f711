// Explore on screen (ink-testing-library): e, a name, a value and Enter in one burst change the lesson's
// numbers everywhere on screen, a line says what changed, the counter says edited until E.
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, openTutor } from './harness.js';

let tutor: Awaited<ReturnType<typeof openTutor>> | undefined;
afterEach(() => tutor?.unmount());

const rows = (frame: string) => frame.split('\n');

describe('e: an input changed on screen', () => {
  it('mul at 80×24: a = 4 makes z = 4 · (-5) = -20 in the drawing, the change on the last row, the counter marked', async () => {
    tutor = await openTutor({ resume: { id: 'mul', step: 4 }, size: { columns: 80, rows: 24 } });
    expect(tutor.frame()).not.toContain('edited');
    await tutor.type('e', 'a', '4', KEY.enter);
    const frame = tutor.frame();
    expect(rows(frame)[0]).toMatch(/A product +edited · step 5\/8$/);
    expect(rows(frame).at(-1)).toBe('a: 3 → 4. z: -15 → -20; b.grad: 3 → 4.');
    // The step's own text: z → b, whose gradient is a = 4 now (the file's was 3).
    expect(frame).toContain('-20');
    expect(frame).toMatch(/result: +-?1 · 4 = 4/);
    // The next key has read the line: the footer is back, the mark stays.
    await tutor.type(KEY.right);
    expect(rows(tutor.frame()).at(-1)).toMatch(/^→ next/);
    expect(tutor.frame()).toContain('edited · step 6/8');
    await tutor.type('E');
    expect(rows(tutor.frame()).at(-1)).toBe('The file’s values: a: 4 → 3. z: -20 → -15; b.grad: 4 → 3.');
    expect(tutor.frame()).not.toContain('edited');
    expect(tutor.frame()).toContain('-15');
  });

  it('the line typed, at 60×16: which input, then its value, in the footer’s row', async () => {
    tutor = await openTutor({ resume: { id: 'neuron-learns', step: 3 }, size: { columns: 60, rows: 16 } });
    await tutor.type('e');
    expect(rows(tutor.frame()).at(-1)).toBe('Change which input? ▏ ▸x1 (data) = 2 x2 w1 w2 b y');
    await tutor.type('w', '2');
    expect(rows(tutor.frame()).at(-1)).toBe('w2 (param) = 1, new value: ▏  Enter sets, Esc cancels');
    await tutor.type('1', 'e', KEY.enter);
    expect(rows(tutor.frame()).at(-1)).toBe('“1e” is not a number: type one such as -1.5 (Esc: cancel).');
    expect(tutor.frame()).not.toContain('edited');
    await tutor.type(KEY.escape);
    expect(rows(tutor.frame()).at(-1)).toMatch(/^→ next/);
    expect(tutor.state().open!.explore).toBeUndefined();
    expect(tutor.state().screen).toBe('lesson');
  });

  it('? at 60×16 while a name is typed: the edit’s keys on one page; a key closes it and the line is as it was', async () => {
    tutor = await openTutor({ resume: { id: 'neuron-learns', step: 3 }, size: { columns: 60, rows: 16 } });
    await tutor.type('e', 'x', '?');
    const help = tutor.frame();
    expect(rows(help)[0]).toBe('Keys while an input is picked by name — any key closes this');
    expect(help).toMatch(/^Tab ↓ +editing: the next input the name matches$/m);
    expect(rows(help).length).toBeLessThanOrEqual(16);
    await tutor.type(' ');
    expect(rows(tutor.frame()).at(-1)).toMatch(/^Change which input\? x▏ ▸x1 \(data\) = 2 x2/);
  });

  it('the MLP: a weight picked by Tab among the names typed, its gradient followed', async () => {
    tutor = await openTutor({ resume: { id: 'mlp', step: 3 }, size: { columns: 100, rows: 30 } });
    await tutor.type('e', 'w', '3', '_', '1', '_', KEY.tab, KEY.tab);
    expect(rows(tutor.frame()).at(-1)).toMatch(/^Change which input\? w3_1_▏ ▸w3_1_3 \(param\) = /);
    await tutor.type(KEY.enter, '0', KEY.enter);
    expect(tutor.frame()).toContain('edited · step 4/');
    expect(rows(tutor.frame()).at(-1)).toMatch(/^w3_1_3: -?[\d.]+ → 0\. loss: /);
  });
});
