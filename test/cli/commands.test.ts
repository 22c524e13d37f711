import { COURSE } from '../course-order.js';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { bundledScenarios, SCENARIO_DIR } from '../../src/catalog.js';
import { openLesson } from '../../src/course.js';

interface Doc {
  id: string;
  output: string;
  nodes: { name: string; op: string; inputs: string[]; value: number | string; grad: number | string }[];
  nudge: { rate: number; before: number; after: number; inputs: Record<string, number> };
  steps: { phase: string; text: string }[];
}

async function doc(id: string): Promise<Doc> {
  const { code, stdout, stderr } = await runCli(['show', id, '--json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as Doc;
}

const node = (d: Doc, name: string) => d.nodes.find((n) => n.name === name)!;

describe('list', () => {
  it('names the bundled lessons in the course order', async () => {
    const { code, stdout } = await runCli(['list']);
    expect(code).toBe(0);
    const ids = stdout
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/)[0]);
    expect(ids).toEqual(COURSE);
  });

  it('--json gives id, title and file', async () => {
    const entries = JSON.parse((await runCli(['list', '--json'])).stdout) as { id: string; title: string; file: string }[];
    expect(entries[3]).toMatchObject({ id: 'add-then-mul', title: 'Addition feeding a product' });
    expect(entries[3].file).toMatch(/04-add-then-mul\.yaml$/);
  });
});

describe('show --json on the bundled seed graphs (values worked by hand)', () => {
  it('(a + b) · d: z = -4, ∂z/∂d = -2', async () => {
    const d = await doc('add-then-mul');
    expect(node(d, 'z')).toMatchObject({ value: -4, grad: 1, op: '*', inputs: ['c', 'd'] });
    expect(node(d, 'd').grad).toBe(-2);
    expect(node(d, 'a').grad).toBe(2);
    expect(d.nudge).toMatchObject({ rate: 0.01, before: -4, after: -3.8808, inputs: { a: 3.02, b: -4.98, d: 1.98 } });
  });

  it('(a + b) + b: ∂z/∂b = 2', async () => {
    expect(node(await doc('reuse-add'), 'b').grad).toBe(2);
  });

  it('(a + b) · b: ∂z/∂b = -7', async () => {
    const d = await doc('reuse-mul');
    expect(node(d, 'z').value).toBe(10);
    expect(node(d, 'b').grad).toBe(-7);
  });

  it('a · b · d: the nudge takes z from -30 to -26.5031', async () => {
    const d = await doc('mul-mul');
    expect(d.nudge.before).toBe(-30);
    expect(d.nudge.after).toBe(-26.5031);
  });

  it('every seed graph has the hand-worked output and input gradients', async () => {
    const want: Record<string, [number, Record<string, number>]> = {
      add: [-2, { a: 1, b: 1 }],
      mul: [-15, { a: -5, b: 3 }],
      'mul-then-add': [-13, { a: -5, b: 3, d: 1 }],
      'add-add': [0, { a: 1, b: 1, d: 1 }],
    };
    for (const [id, [z, grads]] of Object.entries(want)) {
      const d = await doc(id);
      expect(node(d, d.output).value, id).toBe(z);
      for (const [name, g] of Object.entries(grads)) expect(node(d, name).grad, `${id} ${name}`).toBe(g);
    }
  });

  it('the neuron: o = 0.7071, ∂o/∂w1 = 1, ∂o/∂x1 = -1.5', async () => {
    const d = await doc('neuron');
    expect(node(d, 'o').value).toBeCloseTo(Math.SQRT1_2, 10);
    expect(node(d, 'w1').grad).toBeCloseTo(1, 10);
    expect(node(d, 'x1').grad).toBeCloseTo(-1.5, 10);
    expect(node(d, 'b').grad).toBeCloseTo(0.5, 10);
  });
});

describe('show --json says whose gradients it gives', () => {
  it('in the MLP: the nodes and the check are of example 1, the nudge of the sum over the four', async () => {
    const { stdout } = await runCli(['show', 'mlp', '--json']);
    const d = JSON.parse(stdout) as Doc & {
      grads_of?: string;
      nudge: { of?: string; before: number };
      examples: { output: number }[];
      check: { inputs: { input: string; exact: number }[] };
    };
    expect(d.grads_of).toBe("example 1's loss");
    expect(d.nudge.of).toBe('loss summed over the 4 examples');
    // What each sentence claims: the node's value is example 1's loss, the nudge starts from the four added up.
    expect(node(d, 'loss').value).toBe(d.examples[0].output);
    expect(d.nudge.before).toBeCloseTo(
      d.examples.reduce((sum, e) => sum + e.output, 0),
      9,
    );
    expect(d.check.inputs[0].exact).toBe(node(d, d.check.inputs[0].input).grad);
  });

  it('a lesson of one row has one gradient a param, and neither field', async () => {
    const d = (await doc('neuron')) as Doc & { grads_of?: string; nudge: { of?: string } };
    expect(d.grads_of).toBeUndefined();
    expect(d.nudge.of).toBeUndefined();
  });
});

describe('show as text', () => {
  it('prints the step of c and the running sum of b', async () => {
    const { stdout } = await runCli(['show', 'reuse-add']);
    expect(stdout).toContain('c = a + b = 3 + (-5) = -2');
    expect(stdout).toContain('∂z/∂b = 1 (direct) + 1 (via c) = 2');
  });

  it('a scenario given as a path works like an id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gt-'));
    const file = join(dir, 'square.yaml');
    writeFileSync(file, 'title: Square\ninputs:\n  x: 3\nnodes:\n  y: x ^ 2\n');
    const { code, stdout } = await runCli(['show', file, '--json']);
    expect(code).toBe(0);
    const d = JSON.parse(stdout) as Doc;
    expect(node(d, 'y')).toMatchObject({ value: 9 });
    expect(node(d, 'x').grad).toBe(6);
  });
});

describe('usage', () => {
  it('--help names every command', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const command of ['list', 'show', 'check', 'graph']) expect(stdout).toContain(`grad-tutor ${command}`);
  });

  it('--version prints the package version', async () => {
    const { stdout } = await runCli(['--version']);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('an unknown scenario is one sentence and exit 2', async () => {
    const { code, stderr } = await runCli(['show', 'nope']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^no scenario "nope": .*grad-tutor list/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an unknown option is exit 2, not a stack trace', async () => {
    const { code, stderr } = await runCli(['list', '--frobnicate']);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).toBe(`grad-tutor: Unknown option '--frobnicate' — "grad-tutor --help" lists the options.\n`);
  });

  it('a negative number after an option is its value, and the option says what it takes', async () => {
    // parseArgs calls `--seed -1` ambiguous, in three lines that never say what is wrong with -1.
    const spaced = await runCli(['practice', '--seed', '-1']);
    const joined = await runCli(['practice', '--seed=-1']);
    expect(spaced).toEqual(joined);
    expect(spaced.code).toBe(2);
    expect(spaced.stderr).toBe('--seed takes a whole number from 0 to 4,294,967,295, not "-1" — e.g. --seed 42.\n');
    const count = await runCli(['practice', '--count', '-.5']);
    expect(count.stderr).toMatch(/^--count takes a whole number from 1 to 200, not "-\.5"/);
  });
});

describe('check', () => {
  it('says ok for good files and gives file:line:col for a bad one, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gt-'));
    const good = join(dir, 'good.yaml');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(good, 'title: Good\ninputs:\n  a: 1\nnodes:\n  z: a * 2\n');
    writeFileSync(bad, 'title: Bad\ninputs:\n  a: 1\nnodes:\n  z: a * q\n');
    const { code, stdout, stderr } = await runCli(['check', good, bad]);
    expect(code).toBe(2);
    expect(stdout).toBe(`ok ${good}\n`);
    expect(stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:10: .* — .*\\.\\n$`));
  });

  it('refuses a graph too large to teach with, as show does: the same sentence, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gt-'));
    // a, then 1 constant and 1 sum per `+ 1`: 1 + 2 × 50,000 nodes, one past the limit; one term fewer is 2 under it.
    const sum = (terms: number) => `title: Long\ninputs:\n  a: 1\nnodes:\n  z: a${' + 1'.repeat(terms)}\n`;
    const over = join(dir, 'over.yaml');
    const under = join(dir, 'under.yaml');
    writeFileSync(over, sum(50_000));
    writeFileSync(under, sum(49_999));
    const shown = await runCli(['show', over]);
    const checked = await runCli(['check', under, over]);
    expect(checked.code).toBe(2);
    expect(checked.stdout).toBe(`ok ${under}\n`);
    expect(checked.stderr).toBe(
      `${over}: the graph has 100,001 nodes, more than the 100,000 the tutor can teach with — split it into smaller scenarios.\n`,
    );
    expect(checked.stderr).toBe(shown.stderr);
    expect(shown.code).toBe(2);
  });

  it("refuses the issue's MLP of 20,000 examples in one sentence at the `examples` key, as show and the tutor do", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gt-'));
    const file = join(dir, 'mlp-20000.yaml');
    // The bundled MLP ends with its 4 examples: 4,999 copies more make 20,000 rows.
    const mlp = readFileSync(join(SCENARIO_DIR, '17-mlp.yaml'), 'utf8');
    const rows = mlp.slice(mlp.indexOf('examples:\n') + 'examples:\n'.length);
    writeFileSync(file, mlp + rows.repeat(4999));
    const line = mlp.split('\n').indexOf('examples:') + 1;
    const sentence = `${file}:${line}:1: \`examples\` has 20,000 rows, more than the 1,000 a lesson steps through — keep at most 1,000 rows; the lesson shows each row's backward pass as a step.`;
    const checked = await runCli(['check', file]);
    expect(checked).toEqual({ code: 2, stdout: '', stderr: `${sentence}\n` });
    expect(await runCli(['show', file, '--json'])).toEqual(checked);
    expect(openLesson({ kind: 'file', path: file })).toEqual({ error: sentence });
  });

  it('every bundled scenario checks ok', async () => {
    const entries = JSON.parse((await runCli(['list', '--json'])).stdout) as { file: string }[];
    const { code, stdout } = await runCli(['check', ...entries.map((e) => e.file)]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(entries.length);
    expect(entries.length).toBe(bundledScenarios().length);
  });
});

describe('without a terminal', () => {
  it('grad-tutor <scenario> prints what show prints, exit 0', async () => {
    const piped = await runCli(['reuse-add']);
    const shown = await runCli(['show', 'reuse-add']);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(shown.stdout);
    expect(piped.stdout).toContain('A reused input in a sum');
  });

  it('grad-tutor alone prints the list, exit 0', async () => {
    const piped = await runCli([]);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe((await runCli(['list'])).stdout);
  });
});

describe('--expr and --set', () => {
  it('show --json computes the typed graph: z = (a + b) * b at a = 3, b = -5 gives ∂z/∂b = -7', async () => {
    const { code, stdout } = await runCli(['show', '--expr', 'z = (a + b) * b', '--set', 'a=3', '--set', 'b=-5', '--json']);
    expect(code).toBe(0);
    const d = JSON.parse(stdout) as Doc;
    expect(node(d, 'z').value).toBe(10);
    expect(node(d, 'b').grad).toBe(-7);
    expect(node(d, 'a').grad).toBe(-5);
  });

  it('graph --expr draws it', async () => {
    const { code, stdout } = await runCli(['graph', '--expr', 'y = x * x', '--set', 'x=3']);
    expect(code).toBe(0);
    expect(stdout).toContain('x');
    expect(stdout).toMatch(/g +6/);
  });

  it('graph refuses a text drawing too large to hold, in one sentence with the formats that can, exit 2', async () => {
    // A 3,000-term sum: its drawing grows with the square of the terms (about 46,000 × 6,000 characters).
    const names = Array.from({ length: 3_000 }, (_, i) => `a${i}`);
    const file = join(mkdtempSync(join(tmpdir(), 'grad-tutor-graph-')), 'long-sum.yaml');
    writeFileSync(file, `title: A long sum\ninputs:\n${names.map((n) => `  ${n}: 1\n`).join('')}nodes:\n  z: ${names.join(' + ')}\n`);
    const text = await runCli(['graph', file]);
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(
      /^.*long-sum\.yaml: its drawing would be [\d,]+ × [\d,]+ characters, more than 64,000,000 — use --format dot or --format mermaid for a graph this large\.\n$/,
    );
    const dot = await runCli(['graph', file, '--format', 'dot']);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toMatch(/^digraph/);
  });

  it('a name without a value is one sentence naming it, exit 2', async () => {
    const { code, stderr } = await runCli(['show', '--expr', 'z = (a + b) * b', '--set', 'a=3']);
    expect(code).toBe(2);
    expect(stderr).toBe('--expr:1:10: `b` has no value — add --set b=<number>, e.g. --set b=2.\n');
  });

  it('a bad --set is exit 2', async () => {
    const { code, stderr } = await runCli(['show', '--expr', 'z = a * 2', '--set', 'a']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^--set:1:1: `a` is not name=number/);
  });
});
