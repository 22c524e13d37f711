import type { Scenario } from '../scenario/types.js';
import { pythonScript, type Dialect } from './script.js';

/** The lesson as PyTorch: float64 tensors, requires_grad on the params, and PyTorch's own backward(). */
const TORCH: Dialect = {
  title: 'a PyTorch script',
  needs: "Needs PyTorch (pip install torch, or Debian's python3-torch). Every\n# tensor is float64, as the tutor's numbers are.",
  other: 'plain-Python (--format python)',
  prelude: 'import torch',
  param: (literal) => `torch.tensor(${literal}, dtype=torch.float64, requires_grad=True)`,
  constant: (literal) => `torch.tensor(${literal}, dtype=torch.float64)`,
  value: (node) => `${node}.item()`,
  leaves: (row) => `[torch.tensor(number, dtype=torch.float64) for number in ${row}]`,
  show: () => [
    'def show(nodes):',
    '    for name, node in nodes.items():',
    '        print(name, node.item(), None if node.grad is None else node.grad.item())',
  ],
  beforeBackward: [
    '# PyTorch keeps the gradients of leaves only: ask it to keep the named',
    "# nodes' as well.",
    'for node in nodes.values():',
    '    if node.requires_grad:',
    '        node.retain_grad()',
  ],
  noGrad: (body) => ['with torch.no_grad():', ...body.map((line) => `    ${line}`)],
  update: 'param += rate * param.grad',
  zeroGrad: 'param.grad = None',
  copy: 'param.detach().clone()',
  restore: 'param.copy_(start)',
};

export function toPyTorch(scenario: Scenario, version: string): string {
  return pythonScript(scenario, TORCH, version);
}
