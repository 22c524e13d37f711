/**
 * A kind of phase is one module and one row in the table. This test defines
 * a kind no source file knows, "Recap" (`recap: a sentence` in a scenario),
 * adds it to the table, and finds it everywhere a learner would: the loader
 * takes its key (and points at its mistakes), the lesson has its steps, the
 * phase bar its label, `show --json` its steps, the help and the footer its
 * key, the key does what the kind says, and the screen at 80×24 shows it as
 * the kind asks (text only, no drawing).
 */
import React from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isScalar } from 'yaml';
import { render } from 'ink-testing-library';
import { buildLesson, lessonToJson, num, phaseKinds, type PhaseKind, type Step } from '../../src/lesson/index.js';
import { parseScenario, ScenarioError, type Scenario } from '../../src/scenario/index.js';
import { buildFrame, type LessonFrame } from '../../src/session/frame.js';
import { initialSession, lessonOf, reduce, type Session } from '../../src/session/session.js';
import { LessonView } from '../../src/ui/LessonView.js';

/** A recap: one step per param, its value and gradient, under the file's sentence. */
const recap: PhaseKind = {
  phase: 'recap',
  label: 'Recap',
  chainRule: true,
  key: {
    name: 'recap',
    read: (reader, entry, scenario) => {
      const value = reader.deref(entry.value);
      if (!isScalar(value) || typeof value.value !== 'string')
        return reader.fail(value ?? entry.key, '`recap` must be a sentence', 'write one line of text after `recap:`');
      scenario.settings = { ...scenario.settings, recap: value.value };
    },
  },
  steps: ({ scenario, trace }) =>
    scenario.settings?.recap === undefined
      ? []
      : scenario.params.map((p): Step => ({
          phase: 'recap',
          title: `Recap: ${p}`,
          text: `${String(scenario.settings!.recap)} ${p} = ${num(trace.values[p])}, its gradient ${num(trace.grads[p])}.`,
          lines: [`(rate now ${num(scenario.nudge)})`],
          highlight: { nodes: [p], edges: [], current: p },
          reached: { forward: Infinity, backward: Infinity },
        })),
  keys: [
    {
      action: 'flipRate',
      keys: ['R'],
      does: 'Recap: flip the rate between ascent and descent',
      footer: 'flip',
      press: (lesson, options) => ({ ...options, rate: -(options.rate ?? lesson.nudge.rate) }),
    },
  ],
  screen: { drawing: 'none' },
};

const FILE = ['title: Recap of a product', 'inputs:', '  a: 3', '  b: -2', 'nodes:', '  c: a * b', 'recap: Keep in mind,', ''].join('\n');

const summaryAt = () => phaseKinds().findIndex((k) => k.phase === 'summary');

let scenario: Scenario;
beforeAll(() => {
  // Before the summary, as a table row would sit.
  phaseKinds().splice(summaryAt(), 0, recap);
  scenario = parseScenario(FILE, 'recap.yaml');
});
afterAll(() => {
  phaseKinds().splice(phaseKinds().indexOf(recap), 1);
});

const open = (step: number, window = { columns: 80, rows: 24 }): Session =>
  reduce(initialSession({ window, course: [] }), {
    type: 'opened',
    lesson: { kind: 'file', path: 'recap.yaml' },
    scenario,
    step,
    from: 'menu',
  }).state;

const recapStep = () => buildLesson(scenario).steps.findIndex((s) => s.phase === 'recap');

describe('a phase kind defined in a test and added to the table', () => {
  it('is read from the file by its key, with its mistakes at their line and column', () => {
    expect(scenario.settings).toEqual({ recap: 'Keep in mind,' });
    const bad = FILE.replace('recap: Keep in mind,', 'recap: [1, 2]');
    expect(() => parseScenario(bad, 'bad.yaml')).toThrow(ScenarioError);
    expect(() => parseScenario(bad, 'bad.yaml')).toThrow(/^bad\.yaml:7:8: `recap` must be a sentence — write one line of text/);
  });

  it('without it, the key is unknown, as any other', () => {
    const kinds = phaseKinds();
    kinds.splice(kinds.indexOf(recap), 1);
    try {
      expect(() => parseScenario(FILE, 'recap.yaml')).toThrow(/unknown key `recap`/);
    } finally {
      kinds.splice(summaryAt(), 0, recap);
    }
  });

  it('has its steps in the lesson, in table order, with numbers from the passes', () => {
    const lesson = buildLesson(scenario);
    const phases = lesson.steps.map((s) => s.phase);
    expect(phases.indexOf('recap')).toBe(phases.indexOf('nudge') + 1);
    expect(phases.indexOf('summary')).toBe(phases.lastIndexOf('recap') + 1);
    // c = a · b: ∂c/∂a = b = -2, ∂c/∂b = a = 3.
    expect(lesson.steps.filter((s) => s.phase === 'recap').map((s) => s.text)).toEqual([
      'Keep in mind, a = 3, its gradient -2.',
      'Keep in mind, b = -2, its gradient 3.',
    ]);
  });

  it('shows its steps in show --json', () => {
    const doc = JSON.parse(JSON.stringify(lessonToJson(buildLesson(scenario)))) as { steps: { phase: string; title: string }[] };
    expect(doc.steps.filter((s) => s.phase === 'recap').map((s) => s.title)).toEqual(['Recap: a', 'Recap: b']);
  });

  it('has its label on the phase bar, and its key in the help and (on its steps) the footer', () => {
    const at = open(recapStep());
    const frame = buildFrame(at) as LessonFrame;
    expect(frame.phases).toContain('recap');
    expect(frame.phase).toBe('recap');
    expect(frame.footer).toContain('R flip');
    const before = buildFrame(open(1)) as LessonFrame;
    expect(before.footer).not.toContain('R flip');
    const help = buildFrame(reduce(at, { type: 'key', key: '?' }).state);
    expect(help.kind === 'help' && help.lines.some((l) => /^R +Recap: flip the rate/.test(l))).toBe(true);
  });

  it('its key does what the kind says: R flips the rate', () => {
    const after = reduce(open(recapStep()), { type: 'key', key: 'R' }).state;
    expect(after.options.rate).toBe(-0.01);
    expect(lessonOf(after)!.nudge.rate).toBe(-0.01);
  });

  it('is on screen at 80×24 as the kind asks: its label in brackets, its text, no drawing', () => {
    const frame = buildFrame(open(recapStep())) as LessonFrame;
    expect(frame.drawing).toBeUndefined();
    const { lastFrame, unmount } = render(<LessonView frame={frame} theme={{ color: false }} />);
    const screen = lastFrame()!;
    unmount();
    const lines = screen.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(lines[1]).toContain('[Recap]');
    expect(lines[1]).toMatch(/Overview · Forward · Backward · Check · Nudge · \[Recap\] · Summary/);
    expect(screen).toContain('▸ Recap: a');
    expect(screen).toContain('Keep in mind, a = 3, its gradient -2.');
    // Boxes are drawn with ┌ ╔ ┏; a text-only phase has none.
    expect(screen).not.toMatch(/[┌╔┏]/);
  });
});
