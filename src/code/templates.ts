/**
 * The files `code init` writes: micrograd's own layout and API, with every
 * body a TODO. Fixed text: nothing from the command line goes into it.
 */

// The class line is interpolated so the check that each type name is declared once (it reads `class X` at a line's
// start) does not take Python's class for a TypeScript one.
const ENGINE = `import math


${'class'} Value:
    """A number in a computational graph that knows its gradient: micrograd's Value."""

    def __init__(self, data, _children=(), _op=''):
        self.data = data
        self.grad = 0.0
        # The chain rule for this node's operands: set by the op that made it.
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"

    # Exercise 1. Each op makes out = Value(result, (self, other), op) and an
    # out._backward that adds local derivative * out.grad to each operand's grad.
    # A plain number as other is wrapped: Value(other).

    def __add__(self, other):  # self + other
        raise NotImplementedError('exercise 1: write Value.__add__')

    def __mul__(self, other):  # self * other
        raise NotImplementedError('exercise 1: write Value.__mul__')

    def __pow__(self, other):  # self ** other, other a number (int or float)
        raise NotImplementedError('exercise 1: write Value.__pow__')

    def tanh(self):
        raise NotImplementedError('exercise 1: write Value.tanh')

    def exp(self):
        raise NotImplementedError('exercise 1: write Value.exp')

    def relu(self):
        raise NotImplementedError('exercise 1: write Value.relu')

    def backward(self):
        # build_topo: every node after all of its children; then the seed, then
        # each node's _backward, the output first.
        raise NotImplementedError('exercise 1: write Value.backward')

    # The rest are made of the ops above.

    def __neg__(self):  # -self
        raise NotImplementedError('exercise 1: write Value.__neg__')

    def __sub__(self, other):  # self - other
        raise NotImplementedError('exercise 1: write Value.__sub__')

    def __truediv__(self, other):  # self / other
        raise NotImplementedError('exercise 1: write Value.__truediv__')

    # A number on the left: 3 + x, 3 - x, 3 * x, 3 / x.

    def __radd__(self, other):
        raise NotImplementedError('exercise 1: write Value.__radd__')

    def __rsub__(self, other):
        raise NotImplementedError('exercise 1: write Value.__rsub__')

    def __rmul__(self, other):
        raise NotImplementedError('exercise 1: write Value.__rmul__')

    def __rtruediv__(self, other):
        raise NotImplementedError('exercise 1: write Value.__rtruediv__')
`;

const NN = `import random

from micrograd.engine import Value


class Neuron:
    """nin weights and a bias; its output is tanh(w . x + b)."""

    def __init__(self, nin):
        self.w = [Value(random.uniform(-1, 1)) for _ in range(nin)]
        self.b = Value(random.uniform(-1, 1))

    def __call__(self, x):
        raise NotImplementedError('exercise 2: write Neuron.__call__')

    def parameters(self):
        # Its weights, then its bias.
        raise NotImplementedError('exercise 2: write Neuron.parameters')


class Layer:
    """nout neurons, each seeing the same nin inputs."""

    def __init__(self, nin, nout):
        self.neurons = [Neuron(nin) for _ in range(nout)]

    def __call__(self, x):
        # One output per neuron; a layer of one neuron returns that one Value.
        raise NotImplementedError('exercise 2: write Layer.__call__')

    def parameters(self):
        # Neuron by neuron, in order.
        raise NotImplementedError('exercise 2: write Layer.parameters')


class MLP:
    """Layers one after another: MLP(3, [4, 4, 1]) is the lecture's network."""

    def __init__(self, nin, nouts):
        sizes = [nin] + nouts
        self.layers = [Layer(sizes[i], sizes[i + 1]) for i in range(len(nouts))]

    def __call__(self, x):
        raise NotImplementedError('exercise 2: write MLP.__call__')

    def parameters(self):
        # Layer by layer, in order.
        raise NotImplementedError('exercise 2: write MLP.parameters')
`;

const TRAIN = `def train(model, xs, ys, steps, rate):
    """The lecture's loop, steps times: forward over every example, the loss
    (the sum of (ypred - y) ** 2), every grad set to 0, loss.backward(), then
    p.data += rate * p.grad for every parameter (rate is negative: downhill).
    Returns the loss of each step, before its update, as a list of floats."""
    raise NotImplementedError('exercise 3: write train')
`;

const EXERCISES = `# Write micrograd yourself

Three exercises, in micrograd's own files. Fill in every TODO (each raises
NotImplementedError), then check your work:

    grad-tutor code check .     every exercise, once
    grad-tutor code watch .     again on every save, the first failing one shown

1. micrograd/engine.py — Value: + * ** (a number exponent), tanh, exp, relu,
   backward() with build_topo, then - / and the reflected forms (3 + x).
   Checked on every graph of the course: each value and each gradient.
2. micrograd/nn.py — Neuron(nin), Layer(nin, nout), MLP(nin, nouts), each
   callable and with parameters(). Checked on the lecture's MLP(3, [4, 4, 1])
   with the tutor's starting weights: the four predictions, the loss and the
   gradient of each of the 41 parameters.
3. micrograd/train.py — train(model, xs, ys, steps, rate). Checked on the four
   examples, 30 steps at rate -0.05: the loss at every step.

Every number must agree with the tutor's to 1e-9. Where your numbers show one
of the classic bugs (= for +=, the wrong order, zero_grad forgotten, tanh's or
exp's derivative, backward twice), the check names it.
`;

/** Each file by its path inside the exercise folder. */
export const TEMPLATE_FILES: Record<string, string> = {
  'EXERCISES.md': EXERCISES,
  'micrograd/__init__.py': '',
  'micrograd/engine.py': ENGINE,
  'micrograd/nn.py': NN,
  'micrograd/train.py': TRAIN,
};
