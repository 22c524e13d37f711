import { OPS } from '../engine/ops.js';

/** The tutor's own rule for a^b's local derivatives, in Python: the engine's op row writes it. */
const powerLocal = (i: number) => OPS['^'].pythonLocal!(i);

/**
 * The plain-Python export's engine: the lecture's `Value` (micrograd's
 * engine.py) with every op the tutor has. Each op computes its result and,
 * right beside it, how its gradient flows back: local derivative × upstream.
 *
 * Where the tutor follows PyTorch at an edge (0 ^ 0, a zero base, a zero
 * divisor), so does this class, so that the two exports print the same
 * numbers. Python's floats raise where IEEE arithmetic gives ∞ or NaN; the
 * four small helpers give what the tutor and PyTorch give instead.
 */
export const VALUE_CLASS = `import math


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
        return f'Value(data={self.data}, grad={self.grad})'

    # Each op: the result, then how the gradient flows back, operand += local * upstream.
    # A plain number beside a Value is a constant; it becomes a Value whose gradient nobody reads.

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), '+')

        def _backward():
            self.grad += 1.0 * out.grad
            other.grad += 1.0 * out.grad
        out._backward = _backward
        return out

    def __sub__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data - other.data, (self, other), '-')

        def _backward():
            self.grad += 1.0 * out.grad
            other.grad += -1.0 * out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), '*')

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __truediv__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(_div(self.data, other.data), (self, other), '/')

        def _backward():
            self.grad += _div(1.0, other.data) * out.grad
            # -(a/b)/b rather than -a/b**2, as PyTorch: b**2 underflows to 0 for a tiny b.
            other.grad += -_div(out.data, other.data) * out.grad
        out._backward = _backward
        return out

    def __pow__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(_pow(self.data, other.data), (self, other), '**')

        def _backward():
            # PyTorch's rules at the edges: to the power 0 the base has no slope (even at 0),
            # and at a base of 0 the exponent has none (for an exponent >= 0), where ln(0) is -inf.
            a, b, result = self.data, other.data, out.data
            self.grad += (${powerLocal(0)}) * out.grad
            other.grad += (${powerLocal(1)}) * out.grad
        out._backward = _backward
        return out

    def __neg__(self):
        out = Value(-self.data, (self,), 'neg')

        def _backward():
            self.grad += -1.0 * out.grad
        out._backward = _backward
        return out

    def tanh(self):
        t = math.tanh(self.data)
        out = Value(t, (self,), 'tanh')

        def _backward():
            self.grad += (1 - t * t) * out.grad
        out._backward = _backward
        return out

    def exp(self):
        out = Value(_exp(self.data), (self,), 'exp')

        def _backward():
            self.grad += out.data * out.grad
        out._backward = _backward
        return out

    def log(self):
        out = Value(_log(self.data), (self,), 'log')

        def _backward():
            self.grad += _div(1.0, self.data) * out.grad
        out._backward = _backward
        return out

    def relu(self):
        out = Value(0.0 if self.data < 0 else self.data, (self,), 'relu')

        def _backward():
            self.grad += (1.0 if self.data > 0 else 0.0) * out.grad  # the slope at exactly 0 is 0
        out._backward = _backward
        return out

    def sigmoid(self):
        s = 1.0 / (1.0 + _exp(-self.data))
        out = Value(s, (self,), 'sigmoid')

        def _backward():
            self.grad += s * (1 - s) * out.grad
        out._backward = _backward
        return out

    # A number on the left: 3 + x, 3 - x, 3 * x, 3 / x, 3 ** x.
    def __radd__(self, other):
        return Value(other) + self

    def __rsub__(self, other):
        return Value(other) - self

    def __rmul__(self, other):
        return Value(other) * self

    def __rtruediv__(self, other):
        return Value(other) / self

    def __rpow__(self, other):
        return Value(other) ** self

    def backward(self):
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
