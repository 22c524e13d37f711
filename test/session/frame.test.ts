import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/catalog.js';
import { courseEntries, inCourse } from '../../src/course.js';
import { questionAt } from '../../src/lesson/index.js';
import { LEGEND, type Drawing } from '../../src/layout/index.js';
import { titleOf } from '../../src/layout/box.js';
import { loadScenarioFile, scenarioFromTyped, type Scenario } from '../../src/scenario/index.js';
import { buildFrame, type Frame, type LessonFrame } from '../../src/session/frame.js';
import { initialSession, lessonOf, reduce, type Session } from '../../src/session/session.js';

const catalog = bundledScenarios();
const course = courseEntries(catalog);

const loaded = new Map<string, Scenario>();
function at(id: string, step: number, columns: number, rows: number): Session {
  let scenario = loaded.get(id);
  if (!scenario) loaded.set(id, (scenario = loadScenarioFile(catalog.find((e) => e.id === id)!.file)));
  const menu = initialSession({ window: { columns, rows }, course });
  return reduce(menu, { type: 'opened', lesson: { kind: 'bundled', id }, scenario, step, from: 'menu' }).state;
}
const lessonFrame = (state: Session) => buildFrame(state) as LessonFrame;
const textOf = (d: Drawing) => d.lines.map((spans) => spans.map((s) => s.text).join('')).join('\n');
const stepOf = (id: string, title: string) => lessonOf(at(id, 0, 80, 24))!.steps.findIndex((s) => s.title === title);

describe('the nudge step on the drawing', () => {
  it('shows each param and the output old → new (mul-mul at rate 0.01, worked out by hand)', () => {
    // a 3 → 3 + 0.01 · (-10), b -5 → -5 + 0.01 · 6, d 2 → 2 + 0.01 · (-15); z = 2.9 · (-4.94) · 1.85.
    const frame = lessonFrame(at('mul-mul', stepOf('mul-mul', 'Nudge'), 140, 40));
    const text = textOf(frame.drawing!);
    expect(frame.drawing!.beyond).toBeUndefined();
    // z: 2.9 · (-4.94) · 1.85 = -26.5031, shown to four figures.
    for (const moved of ['→  2.9', '→ -4.94', '→  1.85', '→ -26.5']) expect(text).toContain(moved);
    // c is recomputed, not nudged: it keeps its gradient.
    expect(text).toMatch(/× c[^\n]*\n[^\n]*\n[^\n]*g  2/);
  });

  it('shows no arrows on the other steps', () => {
    expect(textOf(lessonFrame(at('mul-mul', stepOf('mul-mul', 'Summary'), 140, 40)).drawing!)).not.toContain('→');
  });
});

describe('the arrangement', () => {
  it('is side by side from 120 columns, stacked below', () => {
    expect(lessonFrame(at('neuron', 6, 120, 30)).arrangement).toBe('beside');
    expect(lessonFrame(at('neuron', 6, 119, 30)).arrangement).toBe('stacked');
  });

  it('beside, the neuron (77 × 19 cells) is whole, the text wrapped to the columns left', () => {
    const frame = lessonFrame(at('neuron', 6, 140, 40));
    expect(frame.drawing!.width).toBe(77);
    expect(frame.drawing!.height).toBe(19);
    expect(frame.text.width).toBe(140 - 77 - 2);
    for (const line of frame.text.lines) expect([...line].length).toBeLessThanOrEqual(61);
    expect(frame.legend).toEqual([LEGEND.replace(/ {3}/g, '  ')]);
  });

  it('at 80×24 the neuron (19 rows) is cut around the step in the full style, never the compact one', () => {
    const lesson = lessonOf(at('neuron', 0, 80, 24))!;
    lesson.steps.forEach((step, k) => {
      const frame = lessonFrame(at('neuron', k, 80, 24));
      if (step.phase === 'summary') return;
      expect(frame.drawing?.style, `step ${k}`).toBe('full');
    });
  });

  it('at 60×16 a drawing has its minimum (a box and two marker rows) or is not there', () => {
    for (const id of ['mul-mul', 'neuron', 'mlp']) {
      const steps = lessonOf(at(id, 0, 60, 16))!.steps.length;
      let shown = 0;
      for (let k = 0; k < steps; k += id === 'mlp' ? 7 : 1) {
        const frame = lessonFrame(at(id, k, 60, 16));
        if (!frame.drawing) continue;
        shown++;
        if (frame.drawing.beyond) expect(frame.drawing.height, `${id} step ${k}`).toBeGreaterThanOrEqual(6);
      }
      expect(shown).toBeGreaterThan(0);
    }
  });

  it('at 60×16, where the text leaves no room for the drawing, the current node stays on one row', () => {
    // neuron, x2w2 → w2: w2 = 1, ∂o/∂w2 = ∂o/∂x2w2 · x2 = 0.5 · 0 = 0.
    const step = stepOf('neuron', 'Backward: x2w2 → w2');
    const frame = lessonFrame(at('neuron', step, 60, 16));
    expect(frame.drawing).toBeUndefined();
    expect(frame.strip).toBe('╔▸w2  v 1  g 0╗   (a taller window shows the graph)');
    // With a drawing there is no strip.
    expect(lessonFrame(at('neuron', step, 80, 24)).strip).toBeUndefined();
  });

  it('at 60×16, once hint 2 names a node, the strip shows that node’s box too, its value in it', () => {
    // topological-order, Forward: b = a + a with a = 1; hint 2 points at a.
    const waiting = at('topological-order', 1, 60, 16);
    const asked = reduce(reduce(waiting, { type: 'key', key: 'p' }).state, { type: 'key', key: 'H' }).state;
    expect(lessonFrame(asked).strip).toBe('╔▸+ b  v ·  g ·╗ ◂ a   (a taller window shows the graph)');
    const hinted = reduce(asked, { type: 'key', key: 'H' }).state;
    expect(lessonFrame(hinted).text.lines.join(' ')).toContain('(a is highlighted)');
    // The operand's name becomes its box; the note makes way for it.
    expect(lessonFrame(hinted).strip).toBe('╔▸+ b  v ·  g ·╗ ◂ ┏━a  v 1  g ·┓');
  });

  it('at 60×16 in the MLP, every strip under hint 2 holds the hinted node’s box, within the width', () => {
    const lesson = lessonOf(at('mlp', 0, 60, 16))!;
    const names = new Map(lesson.scenario.graph.nodes.map((n) => [n.name, n]));
    let strips = 0;
    for (let k = 0; k < lesson.steps.length; k += 4) {
      const question = questionAt(lesson, k);
      if (!question?.hintNode) continue;
      const opened = reduce(at('mlp', k, 60, 16), { type: 'key', key: 'p' }).state;
      const frame = lessonFrame(reduce(reduce(opened, { type: 'key', key: 'H' }).state, { type: 'key', key: 'H' }).state);
      if (!frame.strip) continue;
      strips++;
      expect([...frame.strip].length).toBeLessThanOrEqual(60);
      expect(frame.strip, `step ${k}`).toContain(`┏━${titleOf(names.get(question.hintNode)!)}  v `);
    }
    expect(strips).toBeGreaterThan(5);
  });

  it('the Train phase has no drawing, and its chart fits 80×24', () => {
    const id = 'neuron-learns';
    const k = lessonOf(at(id, 0, 80, 24))!.steps.findIndex((s) => s.phase === 'train');
    const frame = lessonFrame(at(id, k, 80, 24));
    expect(frame.drawing).toBeUndefined();
    expect(frame.text.scrollLimit).toBe(0);
    expect(frame.text.lines.join('\n')).toContain('┤');
    for (const line of frame.text.lines) expect([...line].length).toBeLessThanOrEqual(80);
  });
});

describe('the help', () => {
  const help = (state: Session): string[] => {
    const frame: Frame = buildFrame(reduce(state, { type: 'key', key: '?' }).state);
    if (frame.kind !== 'help') throw new Error(`not the help: ${frame.kind}`);
    return frame.lines;
  };

  it('lists the pan keys and ends with the legend', () => {
    const lines = help(at('neuron', 3, 80, 24));
    expect(lines).toContain('wasd Shift+←→↑↓  look around a drawing the window cuts');
    expect(lines.at(-1)).toBe(LEGEND);
  });

  it('fits 60×16 with the legend and the quit key, leaving out only its own row', () => {
    const lines = help(at('neuron', 3, 60, 16));
    expect(lines.length).toBeLessThanOrEqual(15);
    expect(lines.join('\n')).not.toContain('more lines');
    expect(lines.some((l) => /^Esc m q Ctrl\+C +back to the menu, quit$/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('this help'))).toBe(false);
    expect(lines.slice(-2).join(' ').replace(/ +/g, ' ')).toBe(LEGEND.replace(/ +/g, ' '));
  });
});

describe('the footer on a summary', () => {
  it('names Enter for the next lesson in the course, and → elsewhere', () => {
    // As the tutor opens a bundled lesson: in the course, so its summary knows the next one.
    const footerAt = (id: string, where: 'first' | 'last') => {
      const file = catalog.find((e) => e.id === id)!.file;
      const scenario = inCourse(loadScenarioFile(file), file, catalog);
      const menu = initialSession({ window: { columns: 100, rows: 30 }, course });
      const opened = reduce(menu, { type: 'opened', lesson: { kind: 'bundled', id }, scenario, step: 0, from: 'menu' }).state;
      return lessonFrame(where === 'last' ? reduce(opened, { type: 'key', key: 'end' }).state : opened).footer;
    };
    expect(footerAt('add', 'last')).toContain('Enter next lesson');
    expect(footerAt('add', 'last')).not.toContain('→ next');
    expect(footerAt('add', 'first')).toContain('→ next');
    // The last lesson of the course has no next one: its summary keeps the usual footer.
    expect(footerAt('mlp', 'last')).not.toContain('next lesson');
  });
});

describe('a typed graph in the menu', () => {
  it('is written once, with the values typed: its title was the expression it then showed again', () => {
    const lesson = { kind: 'typed' as const, expression: 'z = (a + b) * b', values: ['a=3', 'b=-5'] };
    const scenario = scenarioFromTyped(lesson.expression, lesson.values, 'prompt');
    const menu = initialSession({ window: { columns: 100, rows: 30 }, course });
    const opened = reduce(menu, { type: 'opened', lesson, scenario, step: 0, from: 'prompt' }).state;
    const frame = buildFrame(reduce(opened, { type: 'key', key: 'escape' }).state);
    if (frame.kind !== 'menu') throw new Error(`not the menu: ${frame.kind}`);
    const label = frame.items[course.length].label;
    expect(label).toContain('yours:');
    // a + b once, whether written with * or ·; the values that tell two typed graphs of the same expression apart.
    expect(label.match(/a \+ b/g)).toHaveLength(1);
    expect(label).toMatch(/a=3 b=-5/);
  });
});

describe('the Train phase of forgot-zero-grad at 80×24', () => {
  it('shows every param’s row of the gradient table on every update, without scrolling', () => {
    const lesson = lessonOf(at('forgot-zero-grad', 0, 80, 24))!;
    const updates = lesson.steps.flatMap((s, i) => (s.update !== undefined && s.title.includes(' of ') ? [i] : []));
    expect(updates.length).toBe(lesson.training!.run.steps);
    for (const i of updates) {
      const shown = lessonFrame(at('forgot-zero-grad', i, 80, 24)).text.lines;
      for (const p of lesson.data.params)
        expect(
          shown.some((l) => l.startsWith(`${p} `) && l.includes(`${p} += `)),
          `${p} at step ${i}`,
        ).toBe(true);
    }
  });
});
