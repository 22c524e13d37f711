/**
 * The two runnable exports, plain Python and PyTorch: one script shape, so a
 * learner can put them side by side (or diff them) and see the same lesson.
 * A `Dialect` says what differs: how a leaf is made, how a value is read, how
 * a param moves and how a gradient is cleared.
 */

import type { Scenario } from '../scenario/types.js';
import { planScript, type ScriptPlan } from './plan.js';
import { commentLines, commentText, pythonString } from './python-text.js';
import { pythonFloat } from './literals.js';
import { whichLoss } from '../lesson/which-loss.js';

export interface Dialect {
  /** The format's name in the header: "plain Python", "PyTorch". */
  title: string;
  /** What the script needs, said in its header. */
  needs: string;
  /** The other runnable format, for "prints the same lines as". */
  other: string;
  /** Imports and the engine, before the graph. */
  prelude: string;
  param(literal: string): string;
  /** A leaf that is not a param: data, or a literal that has to be a Value or a tensor. */
  constant(literal: string): string;
  /** A node's value as a Python float. */
  value(node: string): string;
  /** How the data of one example row becomes leaves. */
  leaves(row: string): string;
  /** `show(nodes)`, which prints the NAME VALUE GRAD lines. */
  show(withoutGrad: string[]): string[];
  /** Lines after the forward pass and before backward (PyTorch: keep the named nodes' gradients). */
  beforeBackward: string[];
  /** Lines that run `body` with the gradient machinery off (PyTorch: torch.no_grad()). */
  noGrad(body: string[]): string[];
  /** `param` moves by rate × its gradient. */
  update: string;
  /** Clear `param`'s gradient. */
  zeroGrad: string;
  /** A copy of `param`'s value, taken before the nudge, and how `param` gets it back from `start`. */
  copy: string;
  restore: string;
}

const indent = (lines: string[], by = '    ') => lines.map((line) => (line === '' ? '' : `${by}${line}`));

export function pythonScript(scenario: Scenario, dialect: Dialect, version: string): string {
  const plan = planScript(scenario, dialect.constant);
  return [
    ...header(plan, dialect, version),
    '',
    dialect.prelude.trimEnd(),
    '',
    '',
    ...inputs(plan, dialect),
    '',
    '',
    ...forwardFunction(plan),
    '',
    '',
    ...runFunction(plan, dialect),
    '',
    '',
    ...dialect.show(plan.withoutGrad.map(pythonString)),
    '',
    '',
    ...lesson(plan, dialect),
    ...training(plan, dialect),
    '',
  ].join('\n');
}

function header(plan: ScriptPlan, dialect: Dialect, version: string): string[] {
  const { scenario } = plan;
  const lines = [
    '#!/usr/bin/env python3',
    // Python reads an encoding from a comment on line 1 or 2: a fixed one, never file text (see python-text.ts).
    '# -*- coding: utf-8 -*-',
    `# ${commentText(scenario.title)} (${commentText(scenario.id)}), exported by grad-tutor ${version} as ${dialect.title}.`,
    `# ${dialect.needs}`,
    ...(scenario.description ? ['#', ...commentLines(scenario.description)] : []),
    '#',
    '# It prints, one item a line, numbers as Python writes floats (3.0, -0.25, nan, inf):',
    "#   NAME VALUE GRAD      every input and named node, in the lesson's order, after the",
    '#                        backward pass; GRAD is None where PyTorch keeps none: for data,',
    '#                        and for a node no param flows into on its way to the output',
  ];
  if (plan.rows) {
    lines.push(
      '#                        (with examples, the nodes of the first row, and each gradient',
      '#                        that of the sum over all rows)',
      "#   grads of: WHAT       which loss GRAD is of, in the words of the lesson's summary",
      '#   total: VALUE         the output summed over the rows',
    );
  }
  lines.push('#   nudge: VALUE         the output after the nudge');
  if (scenario.train)
    lines.push(`#   history[K]: VALUE    the ${plan.rows ? 'total ' : ''}output after K training updates, K = 0 … ${scenario.train.steps}`);
  lines.push(`# The ${dialect.other} export of the same lesson prints the same lines.`);
  if (plan.renamed.length > 0) {
    lines.push(
      '#',
      ...commentLines(
        `Renamed for Python: ${plan.renamed.map((r) => `${r.name} is ${r.as} here (${r.why})`).join('; ')}. The printed lines use the lesson's names.`,
      ),
    );
  }
  return lines;
}

function inputs(plan: ScriptPlan, dialect: Dialect): string[] {
  const { scenario, variable } = plan;
  const byName = new Map(scenario.graph.nodes.map((n) => [n.name, n]));
  const leaf = (name: string, make: (literal: string) => string) =>
    `${variable(name)} = ${make(pythonFloat(byName.get(name)?.value ?? NaN))}`;
  const params = [...plan.moving, ...plan.idle];
  const lines = ['# The params: what the nudge and training move.'];
  lines.push(...params.map((name) => leaf(name, dialect.param)));
  if (plan.idle.length > 0)
    lines.push(
      ...commentLines(
        `${plan.idle.join(', ')}: ${plan.idle.length === 1 ? 'a param' : 'params'} the output does not use, so ${plan.idle.length === 1 ? 'it gets' : 'they get'} no gradient and never ${plan.idle.length === 1 ? 'moves' : 'move'}.`,
      ),
    );
  lines.push(`params = [${plan.moving.map(variable).join(', ')}]`);
  if (plan.data.length === 0) return lines;
  lines.push('');
  if (plan.rows) {
    lines.push(`# The data, which never move: each example row sets ${plan.data.map(variable).join(', ')}.`);
    lines.push('examples = [', ...plan.rows.map((row) => `    (${row.map(pythonFloat).join(', ')}${row.length === 1 ? ',' : ''}),`), ']');
  } else {
    lines.push('# The data: inputs that are not params, which never move.');
    lines.push(...plan.data.map((name) => leaf(name, dialect.constant)));
  }
  return lines;
}

function forwardFunction(plan: ScriptPlan): string[] {
  const args = plan.rows ? plan.data.map(plan.variable).join(', ') : '';
  const width = Math.min(40, Math.max(0, ...plan.forward.map((f) => f.variable.length + 3 + f.expression.length)));
  const body = plan.forward.map((f) => {
    const code = `${f.variable} = ${f.expression}`;
    return `${code.padEnd(width)}  # ${f.comment}`;
  });
  const named = plan.shown.map((name) => `${pythonString(name)}: ${plan.variable(name)}`);
  return [
    `def forward(${args}):`,
    `    """The forward pass${plan.rows ? ' for one example row' : ''}: one line per node, in the lesson's order.`,
    '    Returns every named node."""',
    ...indent(body),
    `    return {${named.join(', ')}}`,
  ];
}

function runFunction(plan: ScriptPlan, dialect: Dialect): string[] {
  const out = pythonString(plan.output);
  if (!plan.rows) {
    return ['def run():', '    """The output and every named node."""', '    nodes = forward()', `    return nodes[${out}], nodes`];
  }
  return [
    'def run():',
    '    """Every example row through the graph: the output summed over the rows,',
    `    and the first row's nodes."""`,
    `    rows = [forward(*${dialect.leaves('example')}) for example in examples]`,
    `    total = rows[0][${out}]`,
    '    for nodes in rows[1:]:',
    `        total = total + nodes[${out}]`,
    '    return total, rows[0]',
  ];
}

function lesson(plan: ScriptPlan, dialect: Dialect): string[] {
  const { scenario } = plan;
  const out = commentText(plan.output);
  const seeded = plan.moving.length > 0;
  const lines = [
    `# Forward: every node from its operands, as the lesson's forward steps${plan.rows ? ', for each row' : ''}.`,
    'output, nodes = run()',
    ...dialect.beforeBackward,
  ];
  if (seeded) {
    lines.push(
      ...commentLines(`Seed: ∂${plan.output}/∂${plan.output} = 1, and every other gradient starts at 0; backward() starts from there.`),
      '# Backward: from the output back, each edge adds local * upstream to its',
      "# operand's gradient.",
      'output.backward()',
    );
  } else {
    lines.push(`# No param reaches ${out}, so there is no gradient to work out.`);
  }
  // The tutor's backward pass is example 1's; this one is the sum's: the line says so as the lesson does.
  const of = whichLoss(scenario);
  if (of) lines.push(`print('grads of:', ${pythonString(`the ${of.summed} (values: example 1's)`)})`);
  lines.push('show(nodes)');
  if (plan.rows) lines.push(`print('total:', ${dialect.value('output')})`);
  lines.push(
    '',
    '# Nudge: each param moves by rate * its gradient (the data stay), and the',
    '# nodes in between are recomputed.',
    `rate = ${pythonFloat(scenario.nudge)}`,
    `before = [${dialect.copy} for param in params]`,
    ...dialect.noGrad(['for param in params:', `    ${dialect.update}`]),
    'nudged = run()[0]',
    `print('nudge:', ${dialect.value('nudged')})`,
    ...dialect.noGrad(['for param, start in zip(params, before):', `    ${dialect.restore}`]),
  );
  return lines;
}

function training(plan: ScriptPlan, dialect: Dialect): string[] {
  const train = plan.scenario.train;
  if (!train) return [];
  const seeded = plan.moving.length > 0;
  const direction = train.rate < 0 ? 'negative: descends' : 'positive: ascends';
  return [
    '',
    ...commentLines(
      `Train: ${train.steps} updates of param += rate * param.grad (rate ${pythonFloat(train.rate)}, ${direction}), from the scenario's values, ` +
        (train.zeroGrad
          ? 'the gradients cleared before each backward pass (zero_grad).'
          : "and the gradients never cleared (no zero_grad): each backward pass adds to the last one's, the bug this replays."),
    ),
    `rate = ${pythonFloat(train.rate)}`,
    'for param in params:',
    `    ${dialect.zeroGrad}`,
    `for step in range(${train.steps + 1}):`,
    '    loss = run()[0]',
    `    print(f'history[{step}]:', ${dialect.value('loss')})`,
    `    if step == ${train.steps}:`,
    '        break',
    ...(train.zeroGrad ? ['    for param in params:', `        ${dialect.zeroGrad}`] : []),
    ...(seeded ? ['    loss.backward()'] : []),
    ...indent(dialect.noGrad(['for param in params:', `    ${dialect.update}`])),
  ];
}
