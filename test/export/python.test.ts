import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledScenarios } from '../../src/catalog.js';
import { loadScenarioFile, type Scenario } from '../../src/scenario/index.js';
import { toPython } from '../../src/export/index.js';
import { runCli } from '../helpers/run-cli.js';
import { differences, expectedOutput, parsePrinted, close, type Printed } from './reference.js';
import { HAND_BUILT, awkwardNames } from './scenarios.js';
import { runScripts, type Ran } from './run-python.js';

const bundled = bundledScenarios().map((entry) => loadScenarioFile(entry.file));
const all: Scenario[] = [...bundled, ...HAND_BUILT];
let ran: Map<string, Ran>;

beforeAll(() => {
  const results = runScripts(
    'python3',
    all.map((s) => toPython(s, 'test')),
  );
  ran = new Map(all.map((s, i) => [s.id, results[i]]));
}, 60_000);

function printed(id: string): Printed {
  const result = ran.get(id)!;
  expect(result.error).toBeUndefined();
  return parsePrinted(result.stdout);
}

type JsonNumber = number | string | null;
const fromJson = (x: JsonNumber): number | null => (typeof x === 'string' ? Number(x.replace('Infinity', 'Infinity')) : x);

interface ShowJson {
  nodes: { name: string; value: JsonNumber; grad: JsonNumber }[];
  nudge: { after: JsonNumber };
  train?: { history: { output: JsonNumber }[] };
  examples?: unknown[];
}

describe('the plain-Python export of every bundled scenario, run with python3', () => {
  it.each(bundled.map((s) => s.id))('%s prints the numbers of show --json', async (id) => {
    const { stdout, code } = await runCli(['show', id, '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as ShowJson;
    const out = printed(id);
    expect(out.nodes.length).toBeGreaterThan(0);
    for (const line of out.nodes) {
      const node = doc.nodes.find((n) => n.name === line.name)!;
      expect(node, line.name).toBeDefined();
      expect(close(line.value, fromJson(node.value)), `${line.name} value ${line.value} vs ${node.value}`).toBe(true);
      // With examples the tutor may show another row's gradients; the reference below checks those.
      if (line.grad !== null && !doc.examples)
        expect(close(line.grad, fromJson(node.grad)), `${line.name} grad ${line.grad} vs ${node.grad}`).toBe(true);
    }
    expect(close(out.nudge, fromJson(doc.nudge.after)), `nudge ${out.nudge} vs ${doc.nudge.after}`).toBe(true);
    doc.train?.history.forEach((h, k) => expect(close(out.history?.[k], fromJson(h.output)), `history[${k}]`).toBe(true));
  });

  it.each(bundled.map((s) => s.id))('%s prints what an independent reverse mode gives', (id) => {
    expect(differences(printed(id), expectedOutput(bundled.find((s) => s.id === id)!))).toEqual([]);
  });
});

describe('the plain-Python export of hand-built scenarios: params, examples, training, every op, the edges', () => {
  it.each(HAND_BUILT.map((s) => s.id))('%s', (id) => {
    const out = printed(id);
    expect(differences(out, expectedOutput(HAND_BUILT.find((s) => s.id === id)!))).toEqual([]);
  });

  it('the neuron learns: its loss falls over the 20 updates, by the hand-worked first value', () => {
    const out = printed('hand-neuron-learns');
    const history = out.history!;
    expect(history).toHaveLength(21);
    expect(history[20]).toBeLessThan(history[0]);
    // Row 1 by hand: n = 2·0.5 + 3·(-0.4) + 0.1 = -0.1, o = tanh(-0.1) ≈ -0.0997.
    const o1 = Math.tanh(-0.1);
    expect(out.nodes.find((n) => n.name === 'o')!.value).toBeCloseTo(o1, 12);
    expect(out.nodes.find((n) => n.name === 'x1')!.grad).toBeNull();
    expect(out.nodes.find((n) => n.name === 'w1')!.grad).not.toBeNull();
  });

  it('without zero_grad the history differs from the zeroed one from the second update on', () => {
    const forgetful = printed('neuron-forgets-zero-grad').history!;
    const zeroed = expectedOutput({ ...HAND_BUILT[1], train: { ...HAND_BUILT[1].train!, zeroGrad: true } }).history!;
    expect(close(forgetful[1], zeroed[1])).toBe(true);
    expect(close(forgetful[2], zeroed[2])).toBe(false);
  });

  it('prints inf and nan as Python writes them, where the tutor has ∞ and NaN', () => {
    const out = printed('infinities');
    const value = (name: string) => out.nodes.find((n) => n.name === name)!.value;
    expect(value('huge')).toBe(Infinity);
    expect(value('lz')).toBe(-Infinity);
    expect(value('ln')).toBeNaN();
    expect(ran.get('infinities')!.stdout).toMatch(/^huge inf /m);
  });
});

describe('names', () => {
  it("renames what Python cannot take, says so in a comment, and prints the lesson's names", () => {
    const script = toPython(awkwardNames, 'test');
    const said = script.match(/^# Renamed for Python:[\s\S]*?names\./m)![0].replace(/\n# /g, ' ');
    expect(said).toContain('lambda is lambda_ here (a Python keyword); print is print_ here (a Python builtin the script uses)');
    expect(said).toContain('Value is Value_ here (a name the script uses)');
    expect(said).toContain('__init__ is init_ here (a name Python keeps for itself)');
    expect(script).toMatch(/^lambda_ = Value\(2\.0\)$/m);
    // The scenario's own t1 keeps its name; the generated inner operations take the next free ones.
    expect(script).toMatch(/^t1 = Value\(2\.0\)$/m);
    expect(script).toMatch(/^ {4}t2 = lambda_ \* print_ +# lambda\*print$/m);
    expect(printed('awkward-names').nodes.map((n) => n.name)).toEqual([
      'lambda',
      'print',
      'Value',
      'torch',
      'params',
      't1',
      '__init__',
      'None',
      'float',
      'rate',
      'run',
      'forward',
    ]);
  });

  it("keeps a title's line break and escape out of the code: the header stays comments", () => {
    const script = toPython(awkwardNames, 'test');
    const header = script.slice(0, script.indexOf('import math'));
    for (const line of header.trimEnd().split('\n')) expect(line).toMatch(/^#/);
    expect(header).not.toContain('\u001b');
  });

  it("every name the script uses at the top level, in forward and in run, is the scenario's or reserved", async () => {
    const { SCRIPT_NAMES } = await import('../../src/export/names.js');
    const script = toPython(awkwardNames, 'test');
    const outsideClass = script.replace(/^class Value:[\s\S]*?(?=^\S)/m, '').replace(/^def _\w+\([\s\S]*?(?=^\S)/gm, '');
    const code = outsideClass
      .split('\n')
      .map((line) => line.replace(/#.*$/, '').replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""'))
      .join('\n')
      .replace(/"""[\s\S]*?"""/g, '');
    const used = new Set(code.match(/(?<![.\w])[A-Za-z_]\w*/g) ?? []);
    const allowed = new Set([
      ...SCRIPT_NAMES,
      'None',
      'for',
      'in',
      'if',
      'else',
      'def',
      'return',
      'import',
      'break',
      'print',
      'float',
      'zip',
      'range',
      'set',
      'f',
      'lambda_',
      'print_',
      'Value_',
      'torch_',
      'params_',
      't1',
      't2',
      't3',
      'init_',
      'None_',
      'float_',
      'rate_',
      'run_',
      'forward_',
    ]);
    expect([...used].filter((name) => !allowed.has(name))).toEqual([]);
  });
});

describe('as a file', () => {
  it('runs as python3 script.py, and prints the same as in the batch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gt-export-'));
    const file = join(dir, 'lesson.py');
    writeFileSync(
      file,
      toPython(
        bundled.find((s) => s.id === 'reuse-mul')!,
        'test',
      ),
    );
    const out = execFileSync('python3', [file], { encoding: 'utf8' });
    expect(out).toBe(ran.get('reuse-mul')!.stdout);
    // (a + b) · b at a = 3, b = -5: by hand, ∂z/∂b = (a + b) + b = -7.
    expect(out).toMatch(/^b -5\.0 -7\.0$/m);
  });
});

describe('the README', () => {
  it('shows what the python export of add-then-mul really prints', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const shown = /\$ grad-tutor export add-then-mul --format python > lesson\.py && python3 lesson\.py\n([\s\S]*?)```/.exec(readme);
    expect(shown).not.toBeNull();
    expect(shown![1]).toBe(ran.get('add-then-mul')!.stdout);
  });
});

describe('the README excerpt of a script', () => {
  it('is the python export of add-then-mul, line for line', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const excerpt = /```python\n([\s\S]*?)```/.exec(readme)![1];
    const script = toPython(
      bundled.find((s) => s.id === 'add-then-mul')!,
      'test',
    );
    for (const part of excerpt.split('...\n')) expect(script).toContain(part);
  });
});
