import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { HELP } from '../../src/cli.js';
import { checkFolder } from '../../src/code/check.js';
import { MUTANTS, mutantCopy, solutionCopy } from './mutants.js';

/** The environment of a learner's shell: python3 found on PATH. */
const ENV = { PATH: process.env.PATH };

interface JsonReport {
  exercises: {
    number: number;
    id: string;
    title: string;
    passed: boolean;
    failure?: { what: string; node?: string; sentence: string; bug?: string; where?: string };
  }[];
  passed: number;
  total: number;
  skipped: { id: string; why: string }[];
}

async function checkJson(dir: string, env: NodeJS.ProcessEnv = ENV) {
  const run = await runCli(['code', 'check', dir, '--json'], env);
  return { ...run, report: JSON.parse(run.stdout) as JsonReport };
}

describe('grad-tutor code check', () => {
  it('passes a correct micrograd on every exercise, exit 0', async () => {
    const run = await runCli(['code', 'check', solutionCopy()], ENV);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 of 3 exercises pass');
    expect(run.stdout.match(/^✓/gm)).toHaveLength(3);
  });

  it.each(MUTANTS)('names the $bug bug in a mutant of the solution, exit 1', async ({ bug, file, from, to }) => {
    const { code, report } = await checkJson(mutantCopy(file, from, to));
    expect(code).toBe(1);
    const failing = report.exercises.filter((e) => !e.passed);
    // The first failing exercise is the one the bug lives in: the engine's in 1, the loop's in 3.
    expect(failing[0].number).toBe(file === 'train.py' ? 3 : 1);
    expect(failing[0].failure?.bug).toBe(bug);
    if (file === 'train.py') expect(report.passed).toBe(2);
  });

  it('prints the accumulate mutant as a learner reads it: the graph, the node, both numbers and the bug', async () => {
    const { from, to, file } = MUTANTS.find((m) => m.bug === 'accumulate')!;
    const run = await runCli(['code', 'check', mutantCopy(file, from, to)], ENV);
    expect(run.code).toBe(1);
    // reuse-add: c = a + b, z = c + b; b's two edges give 1 + 1 = 2, and with = the last one alone, 1.
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      "✗ 1. Value: the course's graphs, forward and backward",
      '    On the graph "reuse-add", the gradient of b is 1; the tutor\'s is 2 (it gets its gradient from z = c + b and c = a + b).',
      '    This looks like the "accumulate" bug: a gradient set with = instead of added with +=, so a node used twice keeps only its last path — in _backward write self.grad += …, never self.grad = ….',
    ]);
  });

  it('--json gives the same report: each exercise with its number, id, title, passed and first failure', async () => {
    const { from, to, file } = MUTANTS.find((m) => m.bug === 'zero_grad')!;
    const { report } = await checkJson(mutantCopy(file, from, to));
    expect(Object.keys(report)).toEqual(['exercises', 'passed', 'total', 'skipped']);
    expect(report.exercises.map((e) => [e.number, e.id, e.passed])).toEqual([
      [1, 'graphs', true],
      [2, 'mlp', true],
      [3, 'train', false],
    ]);
    const failure = report.exercises[2].failure!;
    expect(failure).toMatchObject({ what: 'loss', node: 'loss', bug: 'zero_grad' });
    expect(failure.sentence).toMatch(/^The loss after 2 updates is /);
    expect(report).toMatchObject({ passed: 2, total: 3, skipped: [] });
  });

  it('--json writes a number JSON cannot hold as show --json does: NaN as "NaN"', async () => {
    const dir = mutantCopy(
      'engine.py',
      "out = Value(self.data + other.data, (self, other), '+')",
      "out = Value(float('nan'), (self, other), '+')",
    );
    const { report } = await checkJson(dir);
    // The graph "add": z = a + b with a = 3, b = -5, so the tutor's z is -2.
    expect(report.exercises[0].failure).toMatchObject({ what: 'value', node: 'z', yours: 'NaN', tutor: -2 });
  });

  it('without python3 on PATH: one sentence, exit 2', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-python-'));
    const run = await runCli(['code', 'check', solutionCopy()], { PATH: empty });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'python3 was not found, and the check runs your code with it — install Python 3, or set GRAD_TUTOR_PYTHON to the Python to use.\n',
    );
  });

  it('GRAD_TUTOR_PYTHON names the Python; one that is not there is one sentence, exit 2', async () => {
    const run = await runCli(['code', 'check', solutionCopy(), '--json'], { ...ENV, GRAD_TUTOR_PYTHON: '/nowhere/python3.99' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^\/nowhere\/python3\.99 was not found/);
  });

  it('a program that is not Python (it stops before answering anything) is one sentence, exit 2', async () => {
    const run = await runCli(['code', 'check', solutionCopy()], { ...ENV, GRAD_TUTOR_PYTHON: 'false' });
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe(
      'false stopped (exit code 1) before checking anything — is it Python 3? Set GRAD_TUTOR_PYTHON to the Python to use.\n',
    );
  });

  it('refuses a missing folder and a folder without micrograd/__init__.py: one sentence each, exit 2', async () => {
    const missing = await runCli(['code', 'check', '/nowhere/at/all'], ENV);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      '/nowhere/at/all: no such folder — make one with "grad-tutor code init /nowhere/at/all".\n',
    ]);
    const plain = mkdtempSync(join(tmpdir(), 'not-a-package-'));
    const notPackage = await runCli(['code', 'check', plain], ENV);
    expect(notPackage.code).toBe(2);
    expect(notPackage.stderr).toMatch(/micrograd\/__init__\.py: not there, so .* is not a micrograd exercise folder — /);
    expect(notPackage.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a file given as the folder is called a file, not missing: init would refuse it too', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'a-file-')), 'engine.py');
    writeFileSync(file, 'x = 1\n');
    const run = await runCli(['code', 'check', file], ENV);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe(
      `${file}: is a file, not a folder — give the folder that holds micrograd/, or make one with "grad-tutor code init DIR".\n`,
    );
  });

  it('a link to nothing given as the folder says so, where it said "no such folder — make one with code init", which init refuses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-link-'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    const run = await runCli(['code', 'check', join(dir, 'dangling')], ENV);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe(
      `${join(dir, 'dangling')}: is a link to nothing (or to itself) — give the folder that holds micrograd/, or make one with "grad-tutor code init DIR".\n`,
    );
  });

  it("stops a learner's endless loop after the time limit and says which exercise it was in", async () => {
    const dir = mutantCopy('engine.py', '        build_topo(self)\n', '        while True:\n            pass\n');
    const report = await checkFolder(dir, ENV, { limitMs: 300 });
    expect(report.exercises.map((e) => e.failure?.what)).toEqual(['timeout', 'timeout', 'timeout']);
    expect(report.exercises[0].failure?.sentence).toMatch(/^Your code ran for more than 0.3 s on the graph "add" and was stopped/);
    expect(report.exercises[1].failure?.sentence).toBe('Not checked: an exercise before it ran out of time.');
  });

  it("names the learner's file:line:col and Python's words for an error in their code, as text shown, not acted on", async () => {
    const dir = mutantCopy(
      'engine.py',
      "        out = Value(self.data + other.data, (self, other), '+')",
      "        raise ValueError('no \\x1b[2J here')",
    );
    const { report } = await checkJson(dir);
    const failure = report.exercises[0].failure!;
    // The column is Python's own from 3.11 on (the raise's, 9); an older Python gives none, and 1 stands for it.
    expect(failure.where?.startsWith(`${dir}/micrograd/engine.py:19:`)).toBe(true);
    expect(failure.where).toMatch(/:19:(9|1)$/);
    expect(failure.sentence).toContain(`${failure.where}: ValueError: no \x1b[2J here (while building`);
    const text = await runCli(['code', 'check', dir], ENV);
    expect(text.stdout).not.toContain('\x1b');
    expect(text.stdout).toContain('ValueError: no ␛[2J here');
  });

  it('a syntax error is where the check stops: every exercise names the line, since nothing imports', async () => {
    const dir = mutantCopy('engine.py', 'class Value:', 'class Value');
    const { code, report } = await checkJson(dir);
    expect(code).toBe(1);
    for (const e of report.exercises)
      expect(e.failure?.sentence).toMatch(/engine\.py:4:\d+: SyntaxError: .*\(while importing micrograd\.engine\)/);
  });

  it("a learner's sys.exit() is their code failing, not the check", async () => {
    const dir = mutantCopy('nn.py', 'import random\n', 'import random\nimport sys\nsys.exit(3)\n');
    const { code, report } = await checkJson(dir);
    expect(code).toBe(1);
    expect(report.exercises.map((e) => e.passed)).toEqual([true, false, false]);
    expect(report.exercises[1].failure?.sentence).toMatch(/nn\.py:3:\d+: SystemExit: 3 \(while building MLP/);
  });

  it("the learner's print() does not get in the way of the answers", async () => {
    const dir = mutantCopy(
      'engine.py',
      '    def __add__(self, other):\n',
      '    def __add__(self, other):\n        print(\'{"case": "graph"}\')\n',
    );
    const { code } = await checkJson(dir);
    expect(code).toBe(0);
  });

  it("the README's example report is what check prints for the solution without zero_grad", async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = readme.slice(readme.indexOf("with the loop's")).split('\n```\n')[1];
    const { from, to, file } = MUTANTS.find((m) => m.bug === 'zero_grad')!;
    const run = await runCli(['code', 'check', mutantCopy(file, from, to)], ENV);
    expect(run.stdout).toBe(block + '\n');
  });

  it('has its own help page, one line in the main help, and with no subcommand shows the page (exit 2)', async () => {
    expect(HELP.split('\n').filter((line) => line.includes('grad-tutor code'))).toEqual([
      '  grad-tutor code init|check|watch DIR  write micrograd yourself (code --help)',
    ]);
    const help = await runCli(['code', '--help'], ENV);
    expect(help.code).toBe(0);
    for (const command of ['code init DIR', 'code check DIR [--json]', 'code watch DIR'])
      expect(help.stdout).toContain(`grad-tutor ${command}`);
    expect(help.stdout).toContain('stops it after 20 s');
    for (const line of help.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    const bare = await runCli(['code'], ENV);
    expect([bare.code, bare.stdout]).toEqual([2, help.stdout]);
  });

  it('takes one folder and --json only for check', async () => {
    expect((await runCli(['code', 'check'], ENV)).stderr).toBe('code check needs a folder — e.g. "grad-tutor code check my-micrograd".\n');
    expect((await runCli(['code', 'frob', 'x'], ENV)).code).toBe(2);
    expect((await runCli(['code', 'init', 'x', '--json'], ENV)).stderr).toBe('--json is for code check — drop it.\n');
  });
});

describe('grad-tutor code init', () => {
  it('writes micrograd’s files with every body a TODO; the check then points at the first one', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'init-')), 'mine');
    const init = await runCli(['code', 'init', dir], ENV);
    expect(init.code).toBe(0);
    for (const file of ['EXERCISES.md', 'micrograd/__init__.py', 'micrograd/engine.py', 'micrograd/nn.py', 'micrograd/train.py'])
      expect(init.stdout).toContain(`wrote ${join(dir, file)}\n`);
    const { code, report } = await checkJson(dir);
    expect(code).toBe(1);
    expect(report.exercises[0].failure?.sentence).toMatch(
      /engine\.py:\d+:\d+: NotImplementedError: exercise 1: write Value\.__add__ \(while building z = a \+ b on the graph "add"\)/,
    );
    expect(report.exercises[1].failure?.sentence).toMatch(/nn\.py:\d+:\d+: NotImplementedError: exercise 2: write MLP\.parameters/);
  });

  it('refuses a folder that holds anything, and leaves its files as they were: one sentence, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'init-full-'));
    writeFileSync(join(dir, 'engine.py'), 'mine = 1\n');
    const run = await runCli(['code', 'init', dir], ENV);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `${dir}: the folder is not empty, and init never writes over your files — give a new folder's name, or check this one with "grad-tutor code check ${dir}".\n`,
    );
    const again = await runCli(['code', 'init', join(dir, 'engine.py')], ENV);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/engine\.py: is a file — /);
  });

  it('a folder that cannot be made (a link to nowhere, a link to itself, under a file) is one sentence, exit 2, never a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'init-links-'));
    writeFileSync(join(dir, 'engine.py'), 'mine = 1\n');
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    symlinkSync(join(dir, 'loop'), join(dir, 'loop'));
    const nowhere = await runCli(['code', 'init', join(dir, 'dangling')], ENV);
    expect([nowhere.code, nowhere.stdout, nowhere.stderr]).toEqual([
      2,
      '',
      `${join(dir, 'dangling')}: is a link to nothing (or to itself) — give a new folder's name, e.g. "grad-tutor code init my-micrograd".\n`,
    ]);
    const loop = await runCli(['code', 'init', join(dir, 'loop')], ENV);
    expect([loop.code, loop.stderr]).toEqual([
      2,
      `${join(dir, 'loop')}: is a link to nothing (or to itself) — give a new folder's name, e.g. "grad-tutor code init my-micrograd".\n`,
    ]);
    const underFile = await runCli(['code', 'init', join(dir, 'engine.py', 'sub')], ENV);
    expect([underFile.code, underFile.stderr]).toEqual([
      2,
      `${join(dir, 'engine.py', 'sub')}: the folder could not be made, as a part of its path is not a folder — give a new folder's name, e.g. "grad-tutor code init my-micrograd".\n`,
    ]);
  });
});
