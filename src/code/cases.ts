import { bundledScenarios } from '../catalog.js';
import { loadScenarioFile, type Scenario } from '../scenario/index.js';
import { backprop, forward, nodeMap, train, withValues, type Trace, type TrainingPoint, type TrainSettings } from '../engine/index.js';

/** The ops micrograd's Value has (`+ * ** - /`, unary minus, tanh, exp, relu); a graph with any other is skipped. */
const MICROGRAD_OPS = new Set(['input', 'const', '+', '-', '*', '/', '^', 'neg', 'tanh', 'exp', 'relu']);

/** One of the course's graphs as the harness builds it: nodes by op name, operands by index. */
export interface GraphCase {
  id: string;
  /** The tutor's own run of it: every value, gradient and backward edge to compare with. */
  trace: Trace;
  nodes: { op: string; inputs: number[]; value?: number }[];
  output: number;
}

export interface Skipped {
  id: string;
  why: string;
}

/** Why micrograd's Value cannot build this graph, or undefined if it can. */
function cannotBuild(scenario: Scenario): string | undefined {
  const byName = nodeMap(scenario.graph);
  for (const node of scenario.graph.nodes) {
    if (!MICROGRAD_OPS.has(node.op)) return `it uses ${node.op}, which micrograd's Value does not have`;
    // micrograd's ** takes a number exponent only.
    if (node.op === '^' && byName.get(node.inputs[1])?.op !== 'const') return `${node.name} has a node as its exponent`;
  }
  return undefined;
}

export function graphCase(scenario: Scenario): GraphCase {
  const { graph } = scenario;
  const index = new Map(graph.nodes.map((node, k) => [node.name, k]));
  return {
    id: scenario.id,
    trace: backprop(graph),
    nodes: graph.nodes.map((node) => ({
      op: node.op,
      inputs: node.inputs.map((name) => index.get(name) ?? -1),
      ...(node.value === undefined ? {} : { value: node.value }),
    })),
    output: index.get(graph.output) ?? -1,
  };
}

/** Where an op's method sits in engine.py's list of TODOs: a graph is checked after those its ops come before. */
const WRITTEN_IN_ORDER = ['input', 'const', '+', '*', '^', 'tanh', 'exp', 'relu'];
const rankOf = (scenario: Scenario) =>
  Math.max(
    ...scenario.graph.nodes.map((node) => {
      const at = WRITTEN_IN_ORDER.indexOf(node.op);
      return at === -1 ? WRITTEN_IN_ORDER.length : at;
    }),
  );

/**
 * The course's graphs, each with the tutor's numbers, in the order a learner
 * writes engine.py's methods (+ first; then *, **, tanh, exp, relu; - and /
 * last), course order within that: the first graph that fails is then about
 * the method they are writing. Those micrograd cannot build are listed apart.
 */
export function courseGraphs(scenarios: Scenario[] = bundledScenarios().map((e) => loadScenarioFile(e.file))) {
  const skipped: Skipped[] = [];
  const buildable: Scenario[] = [];
  for (const scenario of scenarios) {
    const why = cannotBuild(scenario);
    if (why) skipped.push({ id: scenario.id, why });
    else buildable.push(scenario);
  }
  // A stable sort: course order within a rank.
  const ranked = buildable.map((scenario) => ({ scenario, rank: rankOf(scenario) })).sort((a, b) => a.rank - b.rank);
  const cases = ranked.map(({ scenario }) => graphCase(scenario));
  return { cases, skipped };
}

/**
 * The lecture's MLP (the bundled `mlp` lesson): MLP(3, [4, 4, 1]), whose
 * parameters() come per neuron its weights then its bias, neurons in order,
 * layers in order — the order of the lesson's `params`.
 */
export const MLP_LESSON = { id: 'mlp', nin: 3, nouts: [4, 4, 1], inputs: ['x1', 'x2', 'x3'], target: 'y', net: 'ypred' };

export interface MlpCase {
  /** The lesson's names of the params, in parameters() order. */
  names: string[];
  start: number[];
  xs: number[][];
  ys: number[];
  run: TrainSettings;
  /** The tutor's ypred for each example at the starting params. */
  ypred: number[];
  /** The tutor's training: history[k] is the state after k updates; history[0] is the first forward and backward pass. */
  history: TrainingPoint[];
  scenario: Scenario;
}

export function mlpCase(scenario: Scenario): MlpCase {
  const { graph, params } = scenario;
  const rows = scenario.examples ?? [{}];
  const run = scenario.train ?? { steps: 30, rate: -0.05, zeroGrad: true };
  const own = forward(graph);
  const start = Object.fromEntries(params.map((name) => [name, own[name]]));
  return {
    names: params,
    start: params.map((name) => own[name]),
    xs: rows.map((row) => MLP_LESSON.inputs.map((name) => row[name] ?? own[name])),
    ys: rows.map((row) => row[MLP_LESSON.target] ?? own[MLP_LESSON.target]),
    run: { ...run, zeroGrad: true },
    ypred: rows.map((row) => forward(withValues(graph, row))[MLP_LESSON.net]),
    history: train(graph, start, { params, rows }, { ...run, zeroGrad: true }),
    scenario,
  };
}

export function lectureMlp(): MlpCase {
  const entry = bundledScenarios().find((e) => e.id === MLP_LESSON.id);
  if (!entry) throw new Error(`the bundled lesson "${MLP_LESSON.id}" is missing`);
  return mlpCase(loadScenarioFile(entry.file));
}

/** What the harness reads on stdin: every case, as data. */
export function harnessInput(graphs: GraphCase[], mlp: MlpCase): string {
  return JSON.stringify({
    graphs: graphs.map(({ id, nodes, output }) => ({ id, nodes, output })),
    mlp: { nin: MLP_LESSON.nin, nouts: MLP_LESSON.nouts, params: mlp.start, xs: mlp.xs, ys: mlp.ys },
    train: { steps: mlp.run.steps, rate: mlp.run.rate },
  });
}
