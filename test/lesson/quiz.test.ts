import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backprop } from '../../src/engine/index.js';
import { num, questionFor, verdict } from '../../src/lesson/index.js';
import { SEED_GRAPHS } from '../helpers/graphs.js';

describe('predict-mode questions', () => {
  it('on b’s second path in (a + b) · b: the right -7 once, and the real mistakes as distractors', () => {
    const trace = backprop(SEED_GRAPHS['reuse-mul']);
    const second = trace.contributions.find((c) => c.operand === 'b' && c.path === 2)!;
    const q = questionFor(second, 'z', 0);
    const values = q.choices.map((c) => c.value);
    expect(q.choices.filter((c) => c.right).map((c) => c.value)).toEqual([-7]);
    // -5: only this path (the overwrite bug); -5 + -2 … upstream -5 alone plus the earlier -2 is -7 too, so it is dropped.
    expect(values).toContain(-5);
    expect(values).toContain(7);
    expect(q.choices.length).toBeGreaterThanOrEqual(3);
    expect(q.choices.length).toBeLessThanOrEqual(4);
  });

  it('judges a right and a wrong pick in words, with the reason for that mistake', () => {
    const trace = backprop(SEED_GRAPHS['reuse-add']);
    const second = trace.contributions.find((c) => c.operand === 'b' && c.path === 2)!;
    const q = questionFor(second, 'z', 1);
    const right = q.choices.findIndex((c) => c.right);
    const overwrite = q.choices.findIndex((c) => c.value === 1);
    expect(verdict(q, right)).toBe('Correct: 2.');
    expect(verdict(q, overwrite)).toMatch(/^Not quite: that is this path alone: .*paths add \(\+=\).* The answer is 2\.$/);
  });

  it('gives the rule first and the numbers second as hints', () => {
    const trace = backprop(SEED_GRAPHS['add-then-mul']);
    const q = questionFor(trace.contributions[0], 'z', 0);
    expect(q.hints[0]).toBe('Rule: ∂z/∂c = ∂z/∂z · ∂z/∂c — upstream times local.');
    expect(q.hints[1]).toBe('Numbers: 1 · 2.');
  });

  it('for every edge of every seed graph: the right value exactly once, every distractor different as shown', () => {
    for (const graph of Object.values(SEED_GRAPHS)) {
      const trace = backprop(graph);
      trace.contributions.forEach((c, i) => {
        const q = questionFor(c, graph.output, i);
        const shown = q.choices.map((choice) => num(choice.value));
        expect(new Set(shown).size).toBe(shown.length);
        expect(q.choices.filter((choice) => choice.right)).toHaveLength(1);
        expect(q.choices.find((choice) => choice.right)!.value).toBe(c.sumAfter);
        expect(q.choices.length).toBeGreaterThanOrEqual(3);
        for (const choice of q.choices) if (!choice.right) expect(choice.why.length).toBeGreaterThan(10);
      });
    }
  });

  it('holds for random local and upstream values too', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: -20, max: 20 }),
        fc.nat(5),
        (local, upstream, before, seed) => {
          const c = {
            node: 'c',
            operand: 'b',
            slot: 1,
            local,
            upstream,
            contribution: local * upstream,
            sumBefore: before,
            sumAfter: before + local * upstream,
            path: 2,
            paths: 2,
          };
          const q = questionFor(c, 'z', seed);
          const shown = q.choices.map((choice) => num(choice.value));
          expect(new Set(shown).size).toBe(shown.length);
          expect(q.choices.filter((choice) => choice.right)).toHaveLength(1);
          expect(q.choices.length).toBeGreaterThanOrEqual(3);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('questions in show', () => {
  it('--json gives each backward step its question: kind, prompt, answer, choices with reasons, hints', async () => {
    const { runCli } = await import('../helpers/run-cli.js');
    const { stdout, code } = await runCli(['show', 'reuse-add', '--json']);
    expect(code).toBe(0);
    type Q = { kind: string; prompt: string; answer: number; choices: { value: number; right: boolean; why: string }[]; hints: string[] };
    const steps = (JSON.parse(stdout) as { steps: { phase: string; title: string; question?: Q }[] }).steps;
    const asked = steps.filter((s) => s.question);
    // One question per backward edge of (a + b) + b: z → c, z → b, c → a, c → b.
    expect(asked.map((s) => s.title)).toEqual(['Backward: z → c', 'Backward: z → b', 'Backward: c → a', 'Backward: c → b']);
    expect(steps.filter((s) => s.phase !== 'backward').every((s) => s.question === undefined)).toBe(true);
    const second = asked[3].question!;
    expect(second).toMatchObject({ kind: 'edge-result', prompt: 'What is ∂z/∂b once this edge has run?', answer: 2 });
    expect(second.choices.filter((c) => c.right)).toEqual([{ value: 2, right: true, why: '' }]);
    expect(second.choices.find((c) => c.value === 1)?.why).toMatch(/this path alone/);
    expect(second.choices.filter((c) => !c.right).every((c) => c.why.length > 0)).toBe(true);
    expect(second.hints).toHaveLength(2);
  });

  it('--quiz prints each question in the transcript, before the step tells its answer', async () => {
    const { runCli } = await import('../helpers/run-cli.js');
    const plain = (await runCli(['show', 'add'])).stdout;
    const { stdout } = await runCli(['show', 'add', '--quiz']);
    expect(plain).not.toContain('Q: ');
    const block = stdout.split('\n\n').find((b) => b.includes('Backward: z → a'))!;
    expect(block).toContain('Q: What is ∂z/∂a once this edge has run?');
    expect(block.indexOf('Q: ')).toBeLessThan(block.indexOf('result:'));
    expect(block).toMatch(/\d\. 1 {2}\(right\)/);
  });
});
