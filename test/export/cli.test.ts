import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('grad-tutor export: mistakes are one sentence and exit 2', () => {
  it.each([
    [
      ['export', 'add', '--format', 'latex'],
      /^unknown format "latex" — use --format pytorch, python or markdown, e\.g\. "grad-tutor export add-then-mul --format python"\.\n$/,
    ],
    [['export', 'add'], /^export needs a format — use --format pytorch, python or markdown/],
    [['export', '--format', 'python'], /^export needs a scenario — e\.g\. "grad-tutor export add-then-mul"/],
    [['export', 'no-such-lesson', '--format', 'python'], /^no scenario "no-such-lesson": it is neither a bundled id/],
    [['export', 'add', '--format', 'python', '--quiz'], /^--quiz is for the handout — use it with --format markdown, or drop it\.\n$/],
    [['export', 'add', '--format', 'py\u001b[2Jthon'], /^unknown format "py␛\[2Jthon"/],
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a broken scenario file names file:line:col, as every other command does', async () => {
    const { code, stderr } = await runCli(['export', 'test/fixtures/bad/cycle.yaml', '--format', 'pytorch']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^test\/fixtures\/bad\/cycle\.yaml:\d+:\d+: /);
  });
});

describe('grad-tutor export with --expr and --set', () => {
  it('exports a typed graph: a script whose forward line is the typed expression', async () => {
    const { code, stdout } = await runCli(['export', '--expr', 'z = (a + b) * b', '--set', 'a=3', '--set', 'b=-5', '--format', 'python']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^a = Value\(3\.0\)$/m);
    expect(stdout).toMatch(/^b = Value\(-5\.0\)$/m);
    expect(stdout).toMatch(/^ {4}t1 = a \+ b +# a\+b$/m);
    expect(stdout).toMatch(/^ {4}z = t1 \* b +# z = \(a \+ b\) \* b$/m);
  });
});
