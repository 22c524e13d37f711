// A graph the learner types: its mistakes name what was typed, at the prompt and on the command line.
import { describe, expect, it } from 'vitest';
import { openLesson } from '../../src/course.js';
import { scenarioFromTyped } from '../../src/scenario/index.js';
import { runCli } from '../helpers/run-cli.js';

const messageOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
};

describe('typed at the tutor’s prompt', () => {
  it('a mistake in the graph names it and its column, not a flag the learner never typed', () => {
    // `z = a +`: the expression ends at the `+`, in column 7.
    const message = messageOf(() => scenarioFromTyped('z = a +', ['a=1'], 'prompt'));
    expect(message).toMatch(/^your graph, column 7: /);
    expect(openLesson({ kind: 'typed', expression: 'z = a +', values: ['a=1'] })).toEqual({ error: message });
  });

  it('a mistake in the values names them', () => {
    expect(messageOf(() => scenarioFromTyped('z = a * b', ['a=3', 'b='], 'prompt'))).toBe(
      'your values: `b=` is not name=number — write it like a=3.',
    );
  });

  it('a graph too large to teach with is "your graph", with the limit', () => {
    // a, then a constant and a sum per `+ 1`: 1 + 2 × 50,000 nodes.
    const expression = `z = a${' + 1'.repeat(50_000)}`;
    expect(openLesson({ kind: 'typed', expression, values: ['a=1'] })).toEqual({
      error: 'your graph has 100,001 nodes, more than the 100,000 the tutor can teach with — type a smaller one.',
    });
  });
});

describe('typed with --expr', () => {
  it('keeps naming the option and the column in it', async () => {
    const { code, stderr } = await runCli(['show', '--expr', 'z = a +', '--set', 'a=1']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^--expr:1:7: /);
  });
});
