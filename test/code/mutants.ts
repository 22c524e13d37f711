import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BugName } from '../../src/code/bugs.js';

/** A correct micrograd, written for these tests: every exercise passes. */
export const SOLUTION = fileURLToPath(new URL('./fixtures/solution/', import.meta.url));

/** A fresh copy of the solution in a folder of its own. */
export function solutionCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'grad-tutor-code-')), 'mine');
  cpSync(SOLUTION, dir, { recursive: true });
  return dir;
}

/** One classic bug put into the solution: `from` (which must be there) becomes `to` in one file. */
export interface Mutant {
  bug: BugName;
  file: string;
  from: string;
  to: string;
}

export const MUTANTS: Mutant[] = [
  {
    bug: 'accumulate',
    file: 'engine.py',
    from: '            self.grad += 1.0 * out.grad\n            other.grad += 1.0 * out.grad',
    to: '            self.grad = 1.0 * out.grad\n            other.grad = 1.0 * out.grad',
  },
  { bug: 'topological', file: 'engine.py', from: 'for v in reversed(topo):', to: 'for v in topo:' },
  { bug: 'zero_grad', file: 'train.py', from: '            p.grad = 0.0', to: '            pass' },
  { bug: 'tanh', file: 'engine.py', from: '(1 - t ** 2)', to: '(1 - self.data ** 2)' },
  { bug: 'exp', file: 'engine.py', from: 'self.grad += out.data * out.grad', to: 'self.grad += self.data * out.grad' },
  { bug: 'backward twice', file: 'train.py', from: '        loss.backward()', to: '        loss.backward()\n        loss.backward()' },
];

/** The solution with one change made in `file`; throws if the text to change is not there. */
export function mutantCopy(file: string, from: string, to: string): string {
  const dir = solutionCopy();
  const path = join(dir, 'micrograd', file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
  writeFileSync(path, text.replace(from, to));
  return dir;
}
