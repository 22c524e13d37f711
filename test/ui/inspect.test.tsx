// Exploring a step on screen (ink-testing-library): f lights a node's every path, / jumps to a node, c shows the
// code line. Keys in bursts, as a fast typist sends them.
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, openTutor } from './harness.js';

let tutor: Awaited<ReturnType<typeof openTutor>> | undefined;
afterEach(() => tutor?.unmount());

const sizes = [
  { columns: 80, rows: 24 },
  { columns: 140, rows: 40 },
];

describe.each(sizes)('at $columns×$rows', (size) => {
  it('f: b’s two paths in lesson 8 and their sum; f f: a’s one path; a third f and Esc: back to the step', async () => {
    // reuse-add, z = (a + b) + b; step 8 (index 7) is the edge c → b.
    tutor = await openTutor({ resume: { id: 'reuse-add', step: 7 }, size, theme: { color: false } });
    await tutor.type('f');
    const b = tutor.frame();
    expect(b).toContain('Every path from b to z');
    expect(b).toContain('path 1: b → c → z   1 · 1 = 1');
    expect(b).toContain('path 2: b → z   1 = 1');
    expect(b).toContain("The sum over all 2 paths is 1 + 1 = 2, b's gradient: ∂z/∂b = 2.");
    await tutor.type('f');
    expect(tutor.frame()).toContain("One path: its product is a's gradient, ∂z/∂a = 1.");
    await tutor.type('f');
    expect(tutor.frame()).toContain('▸ Backward: c → b');
    await tutor.type('f', KEY.escape);
    expect(tutor.frame()).toContain('▸ Backward: c → b');
    expect(tutor.state().screen).toBe('lesson');
  });

  it('c: the code line on a backward step, the seed’s after g and three →, and off again', async () => {
    tutor = await openTutor({ resume: { id: 'reuse-add', step: 7 }, size, theme: { color: false } });
    await tutor.type('c');
    expect(tutor.frame()).toContain('code: b.grad += 1.0 * c.grad   (micrograd: other.grad += 1.0 * out.grad)');
    expect(tutor.frame()).toContain('c code');
    await tutor.type('g', KEY.right, KEY.right, KEY.right);
    expect(tutor.frame()).toContain('code: z.grad = 1.0   (micrograd: self.grad = 1.0)');
    await tutor.type('c');
    expect(tutor.frame()).not.toContain('code:');
  });

  it('/ w3_1 Tab 4 Enter in the MLP: the footer row takes the name, then the drawing shows the node', async () => {
    tutor = await openTutor({ resume: { id: 'mlp', step: 19 }, size, theme: { color: false } });
    expect(tutor.frame()).not.toContain('w3_1_4');
    await tutor.type('/', 'w3_1', KEY.tab);
    expect(tutor.frame()).toContain('/w3_1_▏ w3_1_1 w3_1_2 w3_1_3 +1  Tab completes, Enter jumps, Esc leaves');
    await tutor.type('4', KEY.enter);
    expect(tutor.frame()).toContain('Found w3_1_4: v -0.9789');
    // The box's title on the drawing, lit.
    expect(tutor.frame()).toContain('┏━w3_1_4');
  });
});
