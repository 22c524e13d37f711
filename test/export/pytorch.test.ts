import { beforeAll, describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/catalog.js';
import { loadScenarioFile, type Scenario } from '../../src/scenario/index.js';
import { toPyTorch, toPython } from '../../src/export/index.js';
import { differences, expectedOutput, parsePrinted } from './reference.js';
import { HAND_BUILT } from './scenarios.js';
import { pythonWith, runScripts, type Ran } from './run-python.js';

const torchPython = pythonWith('torch');
if (!torchPython) {
  // One line in the test output, so a run without PyTorch says what it did not check.
  console.log('PyTorch export tests SKIPPED: no Python here imports torch (apt-get install -y python3-torch, or set GRAD_TUTOR_PYTHON).');
}

const all: Scenario[] = [...bundledScenarios().map((entry) => loadScenarioFile(entry.file)), ...HAND_BUILT];

describe.skipIf(!torchPython)(`the PyTorch export, run with ${torchPython ?? 'no Python with torch'}`, () => {
  let torch: Ran[];
  let plain: Ran[];

  beforeAll(() => {
    torch = runScripts(
      torchPython!,
      all.map((s) => toPyTorch(s, 'test')),
    );
    plain = runScripts(
      'python3',
      all.map((s) => toPython(s, 'test')),
    );
  }, 180_000);

  it.each(all.map((s, i) => [s.id, i] as const))('%s: PyTorch prints what an independent reverse mode gives', (_id, i) => {
    expect(torch[i].error).toBeUndefined();
    expect(differences(parsePrinted(torch[i].stdout), expectedOutput(all[i]))).toEqual([]);
  });

  it.each(all.map((s, i) => [s.id, i] as const))('%s: PyTorch and the plain-Python Value class agree line by line', (_id, i) => {
    expect(differences(parsePrinted(torch[i].stdout), parsePrinted(plain[i].stdout))).toEqual([]);
  });

  it('PyTorch keeps no gradient for data and prints None, in the documented format', () => {
    const i = all.findIndex((s) => s.id === 'hand-neuron-learns');
    expect(torch[i].stdout).toMatch(/^x1 2\.0 None$/m);
    expect(torch[i].stdout).toMatch(/^w1 0\.5 -?\d/m);
    expect(torch[i].stdout).toMatch(/^history\[20\]: /m);
  });
});
