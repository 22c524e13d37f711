/**
 * What both exported scripts need to know about a scenario, worked out once:
 * the variables, the forward lines, which inputs are params and which data,
 * and which named nodes keep a gradient. The scripts differ only in their
 * `Dialect` (script.ts): how each makes a leaf, reads a value, moves a param.
 */

import { isLeaf, nodeMap, opRow, reachesOutput, type GraphNode } from '../engine/index.js';
import type { Scenario } from '../scenario/types.js';
import { pythonNames, type Renaming } from './names.js';
import { pythonFloat, pythonOperand } from './literals.js';
import { commentText } from './python-text.js';

export interface ForwardLine {
  /** The variable it assigns. */
  variable: string;
  /** The Python expression, with `wrap` applied to a literal that has to be a tensor or a Value. */
  expression: string;
  /** What the tutor calls it: the scenario's definition, or an inner operation's label. */
  comment: string;
}

export interface ScriptPlan {
  scenario: Scenario;
  variable: (name: string) => string;
  renamed: Renaming[];
  /** The params that reach the output: what the nudge and training move. */
  moving: string[];
  /** Params the output does not depend on: they never get a gradient, so they never move. */
  idle: string[];
  /** The inputs that are not params. */
  data: string[];
  /** With examples, one row of data values per example, in `data` order. */
  rows?: number[][];
  forward: ForwardLine[];
  /** Every input and named node, in the lesson's order: what the script prints. */
  shown: string[];
  /** Printed names that keep no gradient (PyTorch: `grad` is None). */
  withoutGrad: string[];
  output: string;
}

export function planScript(scenario: Scenario, wrap: (literal: string) => string): ScriptPlan {
  const { graph } = scenario;
  const byName = nodeMap(graph);
  const operations = graph.nodes.filter((n) => !isLeaf(n));
  const named = [...graph.inputs, ...operations.filter((n) => !n.generated).map((n) => n.name)];
  const { of, renamed } = pythonNames(
    named,
    operations.filter((n) => n.generated).map((n) => n.name),
  );
  const variable = (name: string) => of.get(name) ?? name;

  // Sets, not includes() per input: that made a graph of 50,000 inputs take 15 s.
  const isParam = new Set(scenario.params);
  const params = graph.inputs.filter((name) => isParam.has(name));
  const data = graph.inputs.filter((name) => !isParam.has(name));
  const reaches = reachesOutput(graph);
  const moved = dependsOn(new Set(params), graph.nodes);
  const hasGrad = (node: GraphNode) => node.op !== 'const' && moved.has(node.name) && reaches.has(node.name);

  const literal = (node: GraphNode) => pythonOperand(node.value ?? NaN);
  const forward = operations.map((node): ForwardLine => {
    const operands = node.inputs.map((name) => byName.get(name)!);
    // A literal is a float beside a Value or a tensor; only where every operand is one must it become one itself.
    const allLiteral = operands.every((o) => o.op === 'const');
    const spelled = operands.map((o) =>
      o.op !== 'const' ? variable(o.name) : allLiteral ? wrap(pythonFloat(o.value ?? NaN)) : literal(o),
    );
    const definition = scenario.expressions[node.name];
    return {
      variable: variable(node.name),
      expression: opRow(node.op).python(spelled),
      comment: commentText(node.generated || definition === undefined ? node.name : `${node.name} = ${definition}`),
    };
  });

  const isInput = new Set(graph.inputs);
  const shown = graph.nodes.filter((n) => isInput.has(n.name) || (!isLeaf(n) && !n.generated)).map((n) => n.name);
  const rows = scenario.examples?.map((row) => data.map((name) => row[name] ?? byName.get(name)?.value ?? NaN));
  return {
    scenario,
    variable,
    renamed,
    moving: params.filter((name) => reaches.has(name)),
    idle: params.filter((name) => !reaches.has(name)),
    data,
    rows,
    forward,
    shown,
    withoutGrad: shown.filter((name) => !hasGrad(byName.get(name)!)),
    output: graph.output,
  };
}

/** The params and every node computed from one of them (PyTorch's requires_grad). Nodes in topological order. */
function dependsOn(params: Set<string>, nodes: GraphNode[]): Set<string> {
  const moved = new Set(params);
  for (const node of nodes) if (node.inputs.some((name) => moved.has(name))) moved.add(node.name);
  return moved;
}
