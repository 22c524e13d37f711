import type { Scenario } from '../scenario/types.js';
import { pythonScript, type Dialect } from './script.js';
import { valueClass } from './value-class.js';

/** The lesson as plain Python: the lecture's Value class, then the graph. No dependency, any Python 3. */
const PLAIN: Omit<Dialect, 'prelude'> = {
  title: 'plain Python',
  needs: 'Any Python 3, nothing else: the Value class below is the whole mechanism.',
  other: 'PyTorch (--format pytorch)',
  param: (literal) => `Value(${literal})`,
  constant: (literal) => `Value(${literal})`,
  value: (node) => `${node}.data`,
  leaves: (row) => `[Value(number) for number in ${row}]`,
  show: (withoutGrad) => [
    '# PyTorch keeps no gradient for these: the data, and any node no param flows into on its way',
    '# to the output. This script works theirs out too, but prints None, as PyTorch does.',
    `without_grad = ${withoutGrad.length > 0 ? `{${withoutGrad.join(', ')}}` : 'set()'}`,
    '',
    '',
    'def show(nodes):',
    '    for name, node in nodes.items():',
    '        print(name, node.data, None if name in without_grad else node.grad)',
  ],
  beforeBackward: [],
  noGrad: (body) => body,
  update: 'param.data += rate * param.grad',
  zeroGrad: 'param.grad = 0.0',
  copy: 'param.data',
  restore: 'param.data = start',
};

export function toPython(scenario: Scenario, version: string): string {
  // The Value class is written from the op table at each export, so that it has a method for every row there is.
  return pythonScript(scenario, { ...PLAIN, prelude: valueClass() }, version);
}
