/**
 * Graphs deeper than Python's recursion limit (about 1,000 calls): a chain of
 * 2,000 nodes and a sum of 3,000 terms, whose inner additions nest 2,999 deep.
 * Both exports must run them and print the engine's numbers (show --json).
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chainScenario } from '../../bench/graphs.js';
import { parseScenario, type Scenario } from '../../src/scenario/index.js';
import { toPyTorch, toPython } from '../../src/export/index.js';
import { runCli } from '../helpers/run-cli.js';
import { close, parsePrinted, type Printed } from './reference.js';
import { pythonWith } from './run-python.js';

const python = spawnSync('python3', ['--version']).status === 0 ? 'python3' : null;
if (!python) console.log('Deep-graph export tests SKIPPED: there is no python3 here to run them.');
const torchPython = pythonWith('torch');
if (!torchPython) console.log('Deep-graph PyTorch tests SKIPPED: no Python here imports torch (apt-get install -y python3-torch).');

const dir = mkdtempSync(join(tmpdir(), 'gt-deep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `s: x1 + x2 + … + x<n>`, each input k/n: one named node over n − 1 generated additions. */
function sumScenario(n: number): string {
  const names = Array.from({ length: n }, (_, k) => `x${k + 1}`);
  return [
    'title: A long sum',
    'inputs:',
    ...names.map((name, k) => `  ${name}: ${(k + 1) / n}`),
    'nodes:',
    `  s: ${names.join(' + ')}`,
    '',
  ].join('\n');
}

const GRAPHS: [string, string][] = [
  ['a chain of 2,000 nodes', chainScenario(2000)],
  ['a sum of 3,000 terms', sumScenario(3000)],
];

interface Engine {
  nodes: { name: string; value: number | string; grad: number | string | null }[];
  nudge: { after: number | string };
}

const number = (x: number | string | null) => (typeof x === 'string' ? Number(x) : x);

const engines = new Map<string, Promise<{ scenario: Scenario; engine: Engine }>>();

/** The scenario and what the engine shows of it, worked out once per graph. */
function engineOf(text: string, name: string): Promise<{ scenario: Scenario; engine: Engine }> {
  if (!engines.has(name)) engines.set(name, showJson(text, name));
  return engines.get(name)!;
}

async function showJson(text: string, name: string): Promise<{ scenario: Scenario; engine: Engine }> {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  const { code, stdout } = await runCli(['show', file, '--json']);
  expect(code).toBe(0);
  return { scenario: parseScenario(text, file), engine: JSON.parse(stdout) as Engine };
}

/** Every input and named node (the script prints no generated one), each as the engine has it. */
function expectEngineNumbers(printed: Printed, engine: Engine, scenario: Scenario) {
  const shown = scenario.graph.nodes.filter((n) => n.op === 'input' || (n.op !== 'const' && !n.generated));
  expect(printed.nodes.map((n) => n.name)).toEqual(shown.map((n) => n.name));
  const byName = new Map(engine.nodes.map((n) => [n.name, n]));
  for (const line of printed.nodes) {
    const node = byName.get(line.name)!;
    expect(close(line.value, number(node.value)), `${line.name} value ${line.value} vs ${node.value}`).toBe(true);
    if (line.grad !== null) expect(close(line.grad, number(node.grad)), `${line.name} grad ${line.grad} vs ${node.grad}`).toBe(true);
  }
  expect(close(printed.nudge, number(engine.nudge.after)), `nudge ${printed.nudge} vs ${engine.nudge.after}`).toBe(true);
}

function run(interpreter: string, script: string, name: string) {
  const file = join(dir, `${name}.py`);
  writeFileSync(file, script);
  return spawnSync(interpreter, [file], { encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 26 });
}

describe.each(GRAPHS)('%s', (name, text) => {
  it.skipIf(!python)(
    'the plain-Python export runs with python3 and prints the engine numbers',
    async () => {
      const { scenario, engine } = await engineOf(text, name);
      const ran = run(python!, toPython(scenario, 'test'), `${name}-python`);
      expect(ran.stderr).toBe('');
      expect(ran.status).toBe(0);
      expectEngineNumbers(parsePrinted(ran.stdout), engine, scenario);
    },
    120_000,
  );

  it.skipIf(!torchPython)(
    'the PyTorch export runs and prints the engine numbers',
    async () => {
      const { scenario, engine } = await engineOf(text, name);
      const ran = run(torchPython!, toPyTorch(scenario, 'test'), `${name}-torch`);
      expect(ran.status, ran.stderr).toBe(0);
      expectEngineNumbers(parsePrinted(ran.stdout), engine, scenario);
    },
    300_000,
  );
});

describe('the sum, checked by hand', () => {
  it.skipIf(!python)(
    'prints s = (n + 1) / 2 and a gradient of 1 for every term',
    async () => {
      const { scenario } = await engineOf(sumScenario(3000), 'sum-by-hand');
      const printed = parsePrinted(run(python!, toPython(scenario, 'test'), 'sum-by-hand').stdout);
      // Σ k/n for k = 1…n is (n + 1)/2; ∂s/∂x_k = 1 for every k.
      expect(printed.nodes.find((n) => n.name === 's')!.value).toBeCloseTo(3001 / 2, 9);
      expect(printed.nodes.filter((n) => n.name !== 's').every((n) => n.grad === 1)).toBe(true);
    },
    120_000,
  );
});
