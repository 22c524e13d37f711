import { edgesInto, nodeMap, OPS, train, type Grads, type Trace } from '../engine/index.js';
import { BUGS, graphReplays, type BugName } from './bugs.js';
import type { GraphCase, MlpCase, Skipped } from './cases.js';

/** Every value, gradient and loss must agree with the tutor's to this, relative to its size where that is above 1. */
export const TOLERANCE = 1e-9;

export function same(yours: number, tutor: number): boolean {
  if (Number.isNaN(tutor)) return Number.isNaN(yours);
  if (yours === tutor) return true;
  return Math.abs(yours - tutor) <= TOLERANCE * Math.max(1, Math.abs(tutor));
}

/** What went wrong first in an exercise, in the lesson's names. */
export interface Failure {
  /** The graph (a bundled lesson's id) or the example it happened on, when it is one of several. */
  case?: string;
  what: 'value' | 'grad' | 'ypred' | 'loss' | 'error' | 'timeout';
  node?: string;
  yours?: number;
  tutor?: number;
  /** One sentence: what differs, or the learner's error and where. */
  sentence: string;
  /** The learner's file:line:col, for an error raised in their code. */
  where?: string;
  bug?: BugName;
}

export type ExerciseId = 'graphs' | 'mlp' | 'train';

export interface Exercise {
  number: number;
  id: ExerciseId;
  title: string;
  passed: boolean;
  failure?: Failure;
}

export const EXERCISES: { id: ExerciseId; title: string }[] = [
  { id: 'graphs', title: "Value: the course's graphs, forward and backward" },
  { id: 'mlp', title: "MLP: the lecture's network, one forward and backward pass" },
  { id: 'train', title: 'train: the four examples, the loss at every step' },
];

export interface Report {
  exercises: Exercise[];
  passed: number;
  total: number;
  /** The graphs micrograd's API cannot build, with why. */
  skipped: Skipped[];
}

/** A harness number: a float, or "nan"/"inf"/"-inf" for one JSON cannot hold. */
function numberOf(x: unknown): number | undefined {
  if (typeof x === 'number') return x;
  if (x === 'nan') return NaN;
  if (x === 'inf') return Infinity;
  if (x === '-inf') return -Infinity;
  return undefined;
}

const numbers = (xs: unknown): (number | undefined)[] => (Array.isArray(xs) ? xs.map(numberOf) : []);

export interface HarnessAnswer {
  case?: unknown;
  id?: unknown;
  error?: { message?: unknown; where?: { file?: unknown; line?: unknown; col?: unknown } | null };
  stage?: unknown;
  at?: unknown;
  values?: unknown;
  grads?: unknown;
  ypred?: unknown;
  loss?: unknown;
  losses?: unknown;
  twice?: unknown;
}

/** A number as the report prints it: enough digits to see a difference of 1e-9, no more. */
export function shown(x: number | undefined): string {
  if (x === undefined) return 'not a number';
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(12)));
}

/** The learner's error as one sentence: where in their code (as `shownPath` writes the file), and Python's last line. */
function errorFailure(answer: HarnessAnswer, doing: string, shownPath: (file: string) => string, extra: Partial<Failure> = {}): Failure {
  const message = typeof answer.error?.message === 'string' ? answer.error.message : 'an error';
  const at = answer.error?.where;
  const where = at && typeof at.file === 'string' ? `${shownPath(at.file)}:${Number(at.line) || 0}:${Number(at.col) || 0}` : undefined;
  return { what: 'error', sentence: `${where ? `${where}: ` : ''}${message} (while ${doing}).`, ...extra, ...(where ? { where } : {}) };
}

/** How a node reads in the lesson: `c = a + b`. */
function written(trace: Trace, name: string): string {
  const node = nodeMap(trace.graph).get(name);
  if (!node || node.op === 'input' || node.op === 'const') return name;
  return `${name} = ${OPS[node.op].write(node.inputs)}`;
}

function gradsMatch(yours: Record<string, number | undefined>, replay: Grads, trace: Trace): boolean {
  return trace.graph.nodes.every((node) => {
    const r = replay[node.name];
    const y = yours[node.name];
    return r === undefined || (y !== undefined && same(y, r));
  });
}

/** The first difference on one graph, or undefined where every value and gradient agrees. */
export function judgeGraph(c: GraphCase, answer: HarnessAnswer | undefined, shownPath: (file: string) => string): Failure | undefined {
  const { trace } = c;
  const nodes = trace.graph.nodes;
  if (!answer) return undefined;
  if (answer.error) {
    const at = typeof answer.at === 'number' ? nodes[answer.at]?.name : undefined;
    const doing =
      answer.stage === 'backward'
        ? `running ${trace.graph.output}.backward() on the graph "${c.id}"`
        : `building ${at ? written(trace, at) : 'a node'} on the graph "${c.id}"`;
    return errorFailure(answer, doing, shownPath, { case: c.id, ...(at ? { node: at } : {}) });
  }
  const values = numbers(answer.values);
  for (let k = 0; k < nodes.length; k++) {
    const name = nodes[k].name;
    const yours = values[k];
    const tutor = trace.values[name];
    if (yours === undefined || !same(yours, tutor))
      return {
        case: c.id,
        what: 'value',
        node: name,
        yours,
        tutor,
        sentence: `On the graph "${c.id}", the value of ${written(trace, name)} is ${shown(yours)}; the tutor's is ${shown(tutor)}.`,
      };
  }
  const grads = numbers(answer.grads);
  const yours: Record<string, number | undefined> = {};
  nodes.forEach((node, k) => (yours[node.name] = grads[k]));
  // Backward from the output: the first wrong gradient is where the mistake is; the ones before it only inherit it.
  for (let k = nodes.length - 1; k >= 0; k--) {
    const name = nodes[k].name;
    const tutor = trace.grads[name];
    if (tutor === undefined) continue;
    if (yours[name] !== undefined && same(yours[name], tutor)) continue;
    const from = (edgesInto(trace).get(name) ?? []).map((e) => written(trace, e.node));
    const fromText =
      from.length > 0 ? ` (it gets its gradient from ${[...new Set(from)].join(' and ')})` : ' (the output: backward() seeds it)';
    const bug = graphReplays(trace).find((r) => gradsMatch(yours, r.grads, trace))?.bug;
    return {
      case: c.id,
      what: 'grad',
      node: name,
      yours: yours[name],
      tutor,
      sentence: `On the graph "${c.id}", the gradient of ${name} is ${shown(yours[name])}; the tutor's is ${shown(tutor)}${fromText}.`,
      ...(bug ? { bug } : {}),
    };
  }
  return undefined;
}

export function judgeMlp(mlp: MlpCase, answer: HarnessAnswer, shownPath: (file: string) => string): Failure | undefined {
  if (answer.error) return errorFailure(answer, 'building MLP(3, [4, 4, 1]) and running it on the four examples', shownPath);
  const ypred = numbers(answer.ypred);
  for (let r = 0; r < mlp.ypred.length; r++)
    if (ypred[r] === undefined || !same(ypred[r] as number, mlp.ypred[r]))
      return {
        case: `example ${r + 1}`,
        what: 'ypred',
        node: 'ypred',
        yours: ypred[r],
        tutor: mlp.ypred[r],
        sentence: `On example ${r + 1} (x = [${mlp.xs[r].join(', ')}]), your MLP's ypred is ${shown(ypred[r])}; the tutor's is ${shown(mlp.ypred[r])}.`,
      };
  const first = mlp.history[0];
  const loss = numberOf(answer.loss);
  if (loss === undefined || !same(loss, first.output))
    return {
      what: 'loss',
      node: 'loss',
      yours: loss,
      tutor: first.output,
      sentence: `The loss over the four examples is ${shown(loss)}; the tutor's is ${shown(first.output)}.`,
    };
  const grads = numbers(answer.grads);
  // From the output layer back, as the backward pass reaches them.
  for (let i = mlp.names.length - 1; i >= 0; i--) {
    const name = mlp.names[i];
    const tutor = first.grads[name];
    if (grads[i] === undefined || !same(grads[i] as number, tutor))
      return {
        what: 'grad',
        node: name,
        yours: grads[i],
        tutor,
        sentence: `The gradient of ${name} (parameters()[${i}]) is ${shown(grads[i])}; the tutor's is ${shown(tutor)}.`,
      };
  }
  return undefined;
}

export function judgeTrain(mlp: MlpCase, answer: HarnessAnswer, shownPath: (file: string) => string): Failure | undefined {
  const { steps } = mlp.run;
  if (answer.error) return errorFailure(answer, `running train(model, xs, ys, ${steps}, ${mlp.run.rate})`, shownPath);
  const losses = numbers(answer.losses);
  const tutor = mlp.history.slice(0, steps).map((p) => p.output);
  if (losses.length !== steps)
    return {
      what: 'loss',
      sentence: `train(model, xs, ys, ${steps}, ${mlp.run.rate}) returned ${losses.length} losses; it should return one per step, ${steps}.`,
    };
  const k = losses.findIndex((loss, k) => loss === undefined || !same(loss, tutor[k]));
  if (k === -1) return undefined;
  const { graph, params } = mlp.scenario;
  const data = { params, rows: mlp.scenario.examples ?? [{}] };
  const start = Object.fromEntries(mlp.names.map((name, i) => [name, mlp.start[i]]));
  const forgot = train(graph, start, data, { ...mlp.run, zeroGrad: false }).map((p) => p.output);
  const bug: BugName | undefined = losses.every((loss, i) => loss !== undefined && same(loss, forgot[i]))
    ? 'zero_grad'
    : answer.twice === true
      ? 'backward twice'
      : undefined;
  return {
    what: 'loss',
    node: 'loss',
    yours: losses[k],
    tutor: tutor[k],
    sentence: `The loss ${k === 0 ? 'at the start (before any update)' : `after ${k} update${k === 1 ? '' : 's'}`} is ${shown(losses[k])}; the tutor's is ${shown(tutor[k])}.`,
    ...(bug ? { bug } : {}),
  };
}

export { BUGS };
