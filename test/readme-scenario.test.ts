/**
 * The README's "Writing a scenario" section is what teachers write lessons
 * from: every key the loader accepts is there with an example, and every
 * example loads.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scenarioKeys } from '../src/scenario/load.js';
import { parseScenario } from '../src/scenario/index.js';
import { buildLesson, phaseKinds } from '../src/lesson/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const start = readme.indexOf('\n## Writing a scenario\n');
const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
const yamlBlocks = (text: string) => [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
const examples = yamlBlocks(section).join('\n');

describe('the README documents the scenario format whole', () => {
  it('has the section, with examples', () => {
    expect(start).toBeGreaterThan(0);
    expect(yamlBlocks(section).length).toBeGreaterThan(0);
  });

  it('sets every top-level key in an example, with a comment saying what it does', () => {
    expect(scenarioKeys()).toEqual(expect.arrayContaining(['title', 'train', 'slope', 'wrong_order', 'nudge']));
    for (const key of scenarioKeys()) expect(examples, key).toMatch(new RegExp(`^${key}:.*#`, 'm'));
  });

  it('sets every key of the sections phase kinds read (train, slope), indented under its section, with a comment', () => {
    const settings = phaseKinds().flatMap((kind) => kind.key?.settings ?? []);
    expect(settings).toEqual(expect.arrayContaining(['steps', 'zero_grad', 'of', 'backward']));
    for (const key of settings) expect(examples, key).toMatch(new RegExp(`^ +${key}:.*#`, 'm'));
  });

  it('every yaml example in the README loads as it is', () => {
    for (const text of yamlBlocks(readme)) {
      expect(() => parseScenario(text, 'README.md'), text).not.toThrow();
    }
  });

  it('the training example does what its text says: the output summed over the rows, the data never moved', () => {
    const text = yamlBlocks(section).find((t) => t.startsWith('title: Fitting a line'))!;
    const lesson = buildLesson(parseScenario(text, 'README.md'));
    // w = 0.5, b = 0 against y = 2x at x = 1, 2, 3: (0.5 − 2)² + (1 − 4)² + (1.5 − 6)².
    expect(lesson.nudge.before).toBeCloseTo(2.25 + 9 + 20.25, 12);
    expect(section).toContain('= 31.5');
    // d/dw = Σ 2(pred − y)·x = 2(−1.5 − 6 − 13.5) = −42, d/db = 2(−1.5 − 3 − 4.5) = −18; each moves by −0.02 × that.
    expect(lesson.nudge.moves.map((m) => [m.input, m.after])).toEqual([
      ['w', expect.closeTo(0.5 + 0.84, 12)],
      ['b', expect.closeTo(0.36, 12)],
    ]);
  });
});
