import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/catalog.js';
import { loadScenarioFile, parseScenario } from '../../src/scenario/index.js';
import { buildLesson, questionAt, type Lesson } from '../../src/lesson/index.js';
import { SKILLS, skillsOfQuestion } from '../../src/practice/index.js';

const lessonOf = (id: string): Lesson => buildLesson(loadScenarioFile(bundledScenarios().find((e) => e.id === id)!.file));

/** Each asked step's question kind and its skills, as `kind: skill, skill`. */
function asked(lesson: Lesson): string[] {
  return lesson.steps.flatMap((step, i) => {
    const question = questionAt(lesson, i);
    return question ? [`${step.title} ${question.kind}: ${skillsOfQuestion(lesson, i).join(', ')}`] : [];
  });
}

describe('skills', () => {
  it('are the eleven of the issue, ids in kebab-case, each once, each with a title', () => {
    const ids = SKILLS.map((s) => s.id);
    expect(ids).toEqual([
      'sum-rule',
      'product-rule',
      'chain',
      'two-paths',
      'constants-powers',
      'tanh',
      'exp',
      'division',
      'nudge-direction',
      'backward-order',
      'zero-grad',
    ]);
    for (const s of SKILLS) expect(s.title.length).toBeGreaterThan(5);
  });

  it('every question of the 17 bundled lessons maps to at least one known skill', () => {
    const known = new Set(SKILLS.map((s) => s.id));
    let questions = 0;
    const seen = new Set<string>();
    for (const { id } of bundledScenarios()) {
      const lesson = lessonOf(id);
      lesson.steps.forEach((_, i) => {
        if (!questionAt(lesson, i)) return;
        const skills = skillsOfQuestion(lesson, i);
        expect(skills.length, `${id} step ${i}`).toBeGreaterThan(0);
        for (const skill of skills) expect(known.has(skill), `${id} step ${i}: ${skill}`).toBe(true);
        skills.forEach((s) => seen.add(s));
        questions++;
      });
    }
    expect(questions).toBeGreaterThan(100);
    // The course asks about every skill but the two it has no question for yet.
    expect([...known].filter((s) => !seen.has(s))).toEqual(['backward-order', 'zero-grad']);
  });

  it('add-then-mul (c = a + b, z = c · d): each question kind goes to its skill, by its kind and the op of its node', () => {
    expect(asked(lessonOf('add-then-mul'))).toEqual([
      'Forward: c forward-value: sum-rule',
      'Forward: z forward-value: product-rule',
      'Backward: z → c local-derivative: product-rule',
      'Backward: z → d edge-result: chain, product-rule',
      'Backward: c → a upstream: chain',
      'Backward: c → b local-derivative: sum-rule',
      'Nudge nudge-direction: nudge-direction',
    ]);
  });

  it('a second path is two-paths; tanh, exp, division and a constant or a power go to their own skills', () => {
    expect(asked(lessonOf('reuse-add'))).toContainEqual(expect.stringMatching(/running-sum: two-paths$/));
    const ops = buildLesson(
      parseScenario(
        'title: t\ninputs:\n  a: 2\n  b: 4\nnodes:\n  q: a / b\n  p: q ^ 2\n  e: exp(p)\n  t: tanh(e)\n  z: 3 * t\n',
        'ops.yaml',
      ),
    );
    const forwardSkills = asked(ops).filter((line) => line.includes('forward-value'));
    expect(forwardSkills).toEqual([
      'Forward: q forward-value: division',
      'Forward: p forward-value: constants-powers',
      'Forward: e forward-value: exp',
      'Forward: t forward-value: tanh',
      'Forward: z forward-value: product-rule, constants-powers',
    ]);
  });
});
