import type { OpName } from '../engine/graph.js';
import { opRows, type OpRow } from '../engine/ops.js';
import { pythonString } from './python-text.js';

/**
 * The plain-Python export's engine: the lecture's `Value` (micrograd's
 * engine.py) with every op the tutor has, one method per row of the op table,
 * written from the row at each export: a row added to the table is a method
 * here. Each op computes its result and, right beside it, how its gradient
 * flows back: local derivative × upstream.
 *
 * Where the tutor follows PyTorch at an edge (0 ^ 0, a zero base, a zero
 * divisor), so does this class, so that the two exports print the same
 * numbers. Python's floats raise where IEEE arithmetic gives ∞ or NaN; the
 * four small helpers give what the tutor and PyTorch give instead.
 */
export function valueClass(): string {
  const rows = opRows();
  const binary = rows.filter(([, row]) => 'operator' in row.parse);
  return [
    BEFORE_THE_OPS,
    ...rows.map(([op, row]) => opMethod(op, row)),
    // A dunder for an operator has its reflected twin: Python calls __radd__ for 3 + x.
    `    # A number on the left: ${binary.map(([, row]) => row.python(['3', 'x'])).join(', ')}.`,
    ...binary.map(([, row]) => reflected(row)),
    BACKWARD,
  ].join('\n');
}

/** One op as the lecture writes it: `out = Value(...)`, then `_backward`, each operand's grad += local * out.grad. */
function opMethod(op: OpName, row: OpRow): string {
  const operands = 'operator' in row.parse ? ['self', 'other'] : ['self'];
  const children = operands.length === 2 ? '(self, other)' : '(self,)';
  return [
    `    def ${row.pythonMethod}(${operands.join(', ')}):`,
    ...(operands.length === 2 ? ['        other = other if isinstance(other, Value) else Value(other)'] : []),
    `        out = Value(${row.pythonForward}, ${children}, ${pythonString(op)})`,
    '',
    '        def _backward():',
    ...(row.pythonWhy ?? []).map((line) => `            # ${line}`),
    ...operands.map((_, i) => `            ${backwardLine(row, i)}`),
    '        out._backward = _backward',
    '        return out',
    '',
  ].join('\n');
}

/**
 * The line of `_backward` that passes the gradient to operand `i`: `other.grad += self.data * out.grad`
 * for a product's second operand. The tutor's `c` key shows it beside each backward step.
 */
export function backwardLine(row: OpRow, i: number): string {
  return `${i === 0 ? 'self' : 'other'}.grad += ${timesUpstream(row.pythonLocal(i))} * out.grad`;
}

/** `__radd__` for `__add__`: the operator with the number on the left, `Value(other) + self`. */
function reflected(row: OpRow): string {
  const name = row.pythonMethod.replace(/^__/, '__r');
  return [`    def ${name}(self, other):`, `        return ${row.python(['Value(other)', 'self'])}`, ''].join('\n');
}

/**
 * The local derivative as the left factor of `* out.grad`: as it is where
 * that reads the same (`other.data`, `_div(1.0, b)`, `s * (1 - s)`), in
 * parentheses where it would not (`1 - t * t`, `1.0 if x > 0 else 0.0`).
 */
function timesUpstream(local: string): string {
  let outside = local;
  // Each (...) group, innermost first, becomes one name: what is left is the expression's top level.
  while (/\([^()]*\)/.test(outside)) outside = outside.replace(/\([^()]*\)/g, '_');
  const product = /^-?[\w.]+(?:\s*[*/]\s*[\w.]+)*$/;
  return product.test(outside) ? local : `(${local})`;
}

const BEFORE_THE_OPS = `import math


# Python's floats raise (ZeroDivisionError, OverflowError, ValueError) where the
# tutor and PyTorch give inf or nan; these four give what they give.
def _div(a, b):
    if b == 0:
        return math.nan if a == 0 or math.isnan(a) else math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


def _pow(a, b):
    try:
        return math.pow(a, b)
    except OverflowError:
        return -math.inf if a < 0 and b % 2 == 1 else math.inf
    except ValueError:
        if a == 0:  # 0 to a negative power
            return math.copysign(math.inf, a) if b % 2 == 1 else math.inf
        return math.nan  # a negative number to a fractional power


def _exp(x):
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


def _log(x):
    if x == 0:
        return -math.inf
    return math.nan if x < 0 or math.isnan(x) else math.log(x)


class Value:
    """A number that remembers how it was made, so that its gradient can flow back."""

    def __init__(self, data, _prev=(), _op=''):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None  # passes this node's gradient on to the nodes it was made from
        self._prev = _prev  # a tuple, not micrograd's set: the same order, so the same last digit, on every run
        self._op = _op

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"

    # Each op: the result, then how the gradient flows back, operand += local * upstream.
    # A plain number beside a Value is a constant; it becomes a Value whose gradient nobody reads.
`;

const BACKWARD = `    def backward(self):
        # Topological order: every node after all the nodes it was made from.
        # The lecture's build_topo calls itself for each child, and Python stops
        # a call chain at about 1,000 deep (RecursionError): a chain of 2,000
        # nodes, or a sum of 1,000 terms, is deeper. This is the same walk, depth
        # first, children in order, with the calls kept in a list of our own:
        # each entry is a node and the children it has still to visit.
        topo = []
        visited = set()

        def build_topo(root):
            visited.add(root)
            stack = [(root, iter(root._prev))]
            while stack:
                v, children = stack[-1]
                for child in children:
                    if child not in visited:
                        visited.add(child)
                        stack.append((child, iter(child._prev)))  # visit the child first, then come back to v
                        break
                else:
                    stack.pop()
                    topo.append(v)  # every child of v is in topo: now v
        build_topo(self)

        # The seed: d(self)/d(self) = 1. Then each node, from the output back, passes its gradient on.
        self.grad = 1.0
        for v in reversed(topo):
            v._backward()
`;
