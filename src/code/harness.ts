/**
 * The one Python script `code check` runs: it imports the learner's package
 * and builds the course's graphs, the lecture's MLP and its training from the
 * cases it reads as JSON on stdin, by op names from a fixed table. Nothing
 * from a scenario or the learner's folder is ever written into it: the cases
 * are data, and this text never changes.
 *
 * It prints one JSON line per case as the case finishes, so that when the
 * learner's code loops forever the tutor knows which case was running.
 * Numbers that are not finite go as strings ("nan", "inf"): JSON has none.
 */
export const HARNESS = `
import json, math, os, sys, traceback

root = os.path.abspath(sys.argv[1])
package = os.path.join(root, 'micrograd')
sys.path.insert(0, root)


# The learner's print() goes to stderr: stdout is the tutor's, one JSON line per case.
answers = sys.stdout
sys.stdout = sys.stderr


def say(obj):
    answers.write(json.dumps(obj) + chr(10))
    answers.flush()


def num(x):
    x = getattr(x, 'data', x)
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise TypeError('a .data or .grad that is not a number: %r' % (x,))
    x = float(x)
    return x if math.isfinite(x) else str(x)


def where(exc):
    """The learner's own file and line where it went wrong, if the error came from their code."""
    if isinstance(exc, SyntaxError) and exc.filename:
        return {'file': exc.filename, 'line': exc.lineno or 0, 'col': exc.offset or 0}
    frames = traceback.extract_tb(exc.__traceback__)
    mine = [f for f in frames if os.path.abspath(f.filename).startswith(package + os.sep)]
    if not mine:
        return None
    f = mine[-1]
    return {'file': f.filename, 'line': f.lineno or 0, 'col': (getattr(f, 'colno', None) or 0) + 1}


# BaseException: a learner's sys.exit() or a stray KeyboardInterrupt is their code failing, said like any error.
def failed(case, exc, **more):
    text = traceback.format_exception_only(type(exc), exc)[-1].strip()
    say(dict(case, error={'message': text[:500], 'where': where(exc)}, **more))


OPS = {
    '+': lambda a, b: a + b,
    '-': lambda a, b: a - b,
    '*': lambda a, b: a * b,
    '/': lambda a, b: a / b,
    '^': lambda a, b: a ** b,
    'neg': lambda a: -a,
    'tanh': lambda a: a.tanh(),
    'exp': lambda a: a.exp(),
    'relu': lambda a: a.relu(),
}


def graph(Value, case):
    made = []
    at = 0
    try:
        for at, node in enumerate(case['nodes']):
            if node['op'] == 'input':
                made.append(Value(float(node['value'])))
            elif node['op'] == 'const':
                made.append(float(node['value']))
            else:
                made.append(OPS[node['op']](*[made[i] for i in node['inputs']]))
        values = [num(v) for v in made]
    except BaseException as exc:
        return failed({'case': 'graph', 'id': case['id']}, exc, stage='forward', at=at)
    try:
        made[case['output']].backward()
        grads = [num(v.grad) if hasattr(v, 'grad') else None for v in made]
    except BaseException as exc:
        return failed({'case': 'graph', 'id': case['id']}, exc, stage='backward')
    say({'case': 'graph', 'id': case['id'], 'values': values, 'grads': grads})


def model_of(MLP, mlp):
    model = MLP(mlp['nin'], list(mlp['nouts']))
    params = model.parameters()
    if len(params) != len(mlp['params']):
        raise ValueError('MLP(%d, %r).parameters() gave %d params; the lecture\\'s network has %d' % (
            mlp['nin'], mlp['nouts'], len(params), len(mlp['params'])))
    for p, v in zip(params, mlp['params']):
        p.data = v
    return model, params


def one(out):
    return out[0] if isinstance(out, (list, tuple)) and len(out) == 1 else out


def mlp_case(mlp):
    case = {'case': 'mlp'}
    try:
        from micrograd.nn import MLP
        model, params = model_of(MLP, mlp)
        ypred = [one(model(x)) for x in mlp['xs']]
        loss = sum((yout - ygt) ** 2 for ygt, yout in zip(mlp['ys'], ypred))
        ypred = [num(y) for y in ypred]
        loss.backward()
        say(dict(case, ypred=ypred, loss=num(loss), grads=[num(p.grad) for p in params]))
    except BaseException as exc:
        failed(case, exc)


def train_case(mlp, run):
    case = {'case': 'train'}
    try:
        from micrograd.nn import MLP
        from micrograd.train import train
        from micrograd.engine import Value
        model, params = model_of(MLP, mlp)
        # Which Values backward() is called on from outside backward() (a recursive backward calls itself), kept alive so
        # that no id is reused: one called twice is the learner's loop calling loss.backward() twice.
        called, depth, original = {}, [0], Value.backward

        def counted(self, *args, **kwargs):
            if depth[0] == 0:
                called.setdefault(id(self), [self, 0])[1] += 1
            depth[0] += 1
            try:
                return original(self, *args, **kwargs)
            finally:
                depth[0] -= 1
        Value.backward = counted
        try:
            losses = train(model, mlp['xs'], mlp['ys'], run['steps'], run['rate'])
        finally:
            Value.backward = original
        twice = any(n > 1 for _, n in called.values())
        say(dict(case, losses=[num(x) for x in losses], twice=twice))
    except BaseException as exc:
        failed(case, exc)


def main():
    cases = json.load(sys.stdin)
    try:
        from micrograd.engine import Value
    except BaseException as exc:
        return failed({'case': 'import'}, exc)
    for case in cases['graphs']:
        graph(Value, case)
    mlp_case(cases['mlp'])
    train_case(cases['mlp'], cases['train'])


sys.setrecursionlimit(10000)
main()
`;
