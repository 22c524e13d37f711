/**
 * One rule for the local derivatives of a^b, at the edges where the calculus
 * runs out: the tutor's op row, the plain-Python export's Value class (which
 * its row writes) and PyTorch must give the same two numbers at every point.
 * PyTorch's rule for the exponent: 0 where a == 0 and b >= 0, else a^b·ln(a).
 */

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { backprop, nudge, OPS } from '../../src/engine/index.js';
import { valueClass } from '../../src/export/value-class.js';
import { pythonFloat } from '../../src/export/literals.js';
import { buildLesson } from '../../src/lesson/index.js';
import { graphOf, scenarioOf } from '../helpers/graphs.js';
import { pythonWith } from '../export/run-python.js';

const python = spawnSync('python3', ['--version']).status === 0 ? 'python3' : null;
if (!python) console.log('a^b edge tests against the Value class SKIPPED: there is no python3 here.');
const torchPython = pythonWith('torch');
if (!torchPython) console.log('a^b edge tests against PyTorch SKIPPED: no Python here imports torch (apt-get install -y python3-torch).');

/** [a, b]: a zero base to every kind of power, negative bases, an underflow and an overflow, and plain points. */
const POINTS: [number, number][] = [
  [0, 0],
  [0, 2],
  [0, 0.5],
  [0, -1],
  [0, -2],
  [-0, 3],
  [-0, -1],
  [-0.5, 2000],
  [-0.5, 2001],
  [-2, 0.5],
  [-2, 3],
  [-2, 2],
  [-3, 0],
  [2, 3],
  [0.5, -2],
  [2, 2000],
  [1e-300, 2],
  // Where JavaScript's ** and C's pow differ: 1^NaN and (-1)^±∞ are 1 in C, Python and PyTorch.
  [1, NaN],
  [1, Infinity],
  [-1, Infinity],
  [-1, -Infinity],
  [NaN, 0],
];

/** What the tutor's row gives: the power and its two local derivatives. */
function tutor([a, b]: [number, number]): number[] {
  const row = OPS['^'];
  const out = row.forward([a, b]);
  return [out, row.local(0, [a, b], out), row.local(1, [a, b], out)];
}

/** Runs `prelude` and then, for each point, `body` (which prints the power and the two gradients). */
function inPython(interpreter: string, prelude: string, body: string): number[][] {
  const source = [
    prelude,
    'import math',
    `for a, b in [${POINTS.map(([a, b]) => `(${pythonFloat(a)}, ${pythonFloat(b)})`).join(', ')}]:`,
    body,
  ].join('\n');
  const ran = spawnSync(interpreter, ['-c', source], { encoding: 'utf8', timeout: 120_000 });
  expect(ran.stderr).toBe('');
  return ran.stdout
    .trim()
    .split('\n')
    .map((line) => line.split(' ').map((x) => Number(x.replace('inf', 'Infinity'))));
}

/** Equal as the tutor shows them: NaN only equals NaN, ±0 count as 0, anything else to 12 digits. */
function same(x: number, y: number): boolean {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
  return x === y || Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
}

function expectAgree(others: number[][]) {
  const ours = POINTS.map(tutor);
  const disagree = POINTS.flatMap((p, k) => (ours[k].every((x, i) => same(x, others[k][i])) ? [] : [`${p}: ${ours[k]} vs ${others[k]}`]));
  expect(disagree).toEqual([]);
}

describe('d(a^b) at the edges', () => {
  it('by hand: 0^0 gives both operands 0, (-0.5)^2000 gives the exponent NaN, 2^3 gives 12 and 8·ln 2', () => {
    expect(tutor([0, 0])).toEqual([1, 0, 0]);
    const [power, base, exponent] = tutor([-0.5, 2000]);
    expect(power).toBe(0); // 0.5^2000 underflows
    expect(base).toBe(-0); // 2000 · (-0.5)^1999 underflows too
    expect(exponent).toBeNaN(); // 0 · ln(-0.5)
    expect(tutor([2, 3])).toEqual([8, 12, 8 * Math.log(2)]);
    expect(tutor([0, 2])).toEqual([0, 0, 0]);
    expect(tutor([0, -1])).toEqual([Infinity, -Infinity, -Infinity]); // -1 · 0^-2; ∞ · ln 0
    expect(tutor([1, NaN])).toEqual([1, NaN, 0]); // NaN · 1^NaN; 1 · ln 1
  });

  it.skipIf(!python)("the plain-Python export's Value class gives the tutor's numbers at every point", () => {
    const body = ['    x, p = Value(a), Value(b)', '    y = x ** p', '    y.backward()', '    print(y.data, x.grad, p.grad)'].join('\n');
    expectAgree(inPython(python!, valueClass(), body));
  });

  it.skipIf(!torchPython)('PyTorch gives the tutor’s numbers at every point', () => {
    const body = [
      '    x = torch.tensor(a, dtype=torch.float64, requires_grad=True)',
      '    p = torch.tensor(b, dtype=torch.float64, requires_grad=True)',
      '    y = x ** p',
      '    y.backward()',
      '    print(y.item(), x.grad.item(), p.grad.item())',
    ].join('\n');
    expectAgree(inPython(torchPython!, 'import torch', body));
  });
});

describe('the lesson at those edges', () => {
  it('0^0: the exponent’s gradient is 0, so the nudge leaves the output at 1 (it went to ∞)', () => {
    const trace = backprop(graphOf({ a: 0, p: 0 }, [['y', '^', ['a', 'p']]]));
    expect(trace.grads.p).toBe(0);
    expect(nudge(trace, 0.01).after).toBe(1);
  });

  it('(-0.5)^2000: the exponent’s step says its slope is NaN and why', () => {
    const lesson = buildLesson(scenarioOf('pow', graphOf({ x: -0.5, p: 2000 }, [['y', '^', ['x', 'p']]])));
    const step = lesson.steps.find((s) => s.contribution?.operand === 'p')!;
    expect(step.contribution!.local).toBeNaN();
    expect(step.lines.at(-1)).toBe('The local derivative is NaN: y·ln(x) has no real value at x = -0.5, p = 2000.');
  });
});
