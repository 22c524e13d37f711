/**
 * The training keys of a scenario file: `params` (what moves), `examples`
 * (rows of data) and `train` (the loop). Every mistake points at the key or
 * value in the file, as for the other keys.
 */

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Entry, SectionReader } from './load.js';
import { didYouMean } from './names.js';
import { isEmpty } from './yaml-positions.js';
import type { Training } from './types.js';
import { count, MAX_EXAMPLE_WORK, MAX_EXAMPLES, MAX_STEPS, MAX_TRAINING_LINES, MAX_TRAINING_WORK } from './limits.js';

export const TRAIN_KEYS = ['steps', 'rate', 'zero_grad'] as const;

interface Sections {
  params?: Entry;
  examples?: Entry;
  train?: Entry;
}

export interface TrainingFields {
  params: string[];
  examples?: Record<string, number>[];
  train?: Training;
}

/** The training keys of a graph of `nodes` nodes over `inputs`, refused where their work would pass the limits. */
export function readTraining(reader: SectionReader, sections: Sections, inputs: string[], nudge: number, nodes: number): TrainingFields {
  const params = sections.params ? readParams(reader, sections.params, inputs) : [...inputs];
  const fields: TrainingFields = { params };
  if (sections.examples) fields.examples = readExamples(reader, sections.examples, inputs, params, nodes);
  if (sections.train) {
    fields.train = readTrain(reader, sections.train, nudge);
    refuseLongTraining(reader, sections.train, fields.train.steps, { rows: fields.examples?.length ?? 1, nodes, params: params.length });
  }
  return fields;
}

/** Too many rows, or rows × nodes past what the lesson works through in a couple of seconds: at the `examples` key. */
function refuseManyRows(reader: SectionReader, entry: Entry, rows: number, nodes: number): void {
  if (rows > MAX_EXAMPLES)
    reader.fail(
      entry.key,
      `\`examples\` has ${count(rows)} rows, more than the ${count(MAX_EXAMPLES)} a lesson steps through`,
      `keep at most ${count(MAX_EXAMPLES)} rows; the lesson shows each row's backward pass as a step`,
    );
  if (rows * nodes > MAX_EXAMPLE_WORK)
    reader.fail(
      entry.key,
      `\`examples\` has ${count(rows)} rows, each run forward and backward through the graph's ${count(nodes)} nodes: ${count(rows * nodes)} node steps, more than the ${count(MAX_EXAMPLE_WORK)} the tutor works through in a couple of seconds`,
      `keep at most ${count(Math.floor(MAX_EXAMPLE_WORK / nodes))} rows with this graph, or make the graph smaller`,
    );
}

/**
 * Updates × rows × nodes, or updates × params, past what the tutor works
 * through in a couple of seconds: at the `train` key. (A graph without
 * examples is one row.)
 */
function refuseLongTraining(
  reader: SectionReader,
  entry: Entry,
  steps: number,
  size: { rows: number; nodes: number; params: number },
): void {
  const { rows, nodes, params } = size;
  const work = steps * rows * nodes;
  if (work > MAX_TRAINING_WORK) {
    const over = rows > 1 ? `${count(rows)} rows of the graph's ${count(nodes)} nodes` : `the graph's ${count(nodes)} nodes`;
    reader.fail(
      entry.key,
      `\`train\` runs ${count(steps)} updates, each forward and backward through ${over}: ${count(work)} node steps, more than the ${count(MAX_TRAINING_WORK)} the tutor works through in a couple of seconds`,
      `give at most ${count(Math.floor(MAX_TRAINING_WORK / (rows * nodes)))} steps here, or ${rows > 1 ? 'fewer rows or ' : ''}a smaller graph`,
    );
  }
  const lines = steps * params;
  if (lines > MAX_TRAINING_LINES)
    reader.fail(
      entry.key,
      `\`train\` runs ${count(steps)} updates, each a step of the lesson that lists the ${count(params)} params: ${count(lines)} lines, more than the ${count(MAX_TRAINING_LINES)} the tutor writes in a couple of seconds`,
      `give at most ${count(Math.floor(MAX_TRAINING_LINES / params))} steps here, or list fewer inputs under \`params\``,
    );
}

function readParams(reader: SectionReader, entry: Entry, inputs: string[]): string[] {
  const value = reader.deref(entry.value);
  const example = inputs.slice(0, 2).join(', ');
  if (isEmpty(value))
    reader.fail(
      entry.key,
      '`params` is empty',
      `list the inputs that training moves, e.g. \`params: [${example}]\`, or remove the key to move every input`,
    );
  if (!isSeq(value)) reader.fail(value, '`params` must be a list of input names', `write it as \`params: [${example}]\``);
  if (value.items.length === 0) reader.fail(value, '`params` lists no inputs', `name at least one, e.g. \`params: [${example}]\``);
  // Sets, not includes() per name: a list of 50,000 params took 12 s to read.
  const known = new Set(inputs);
  const params = new Set<string>();
  for (const item of value.items as Node[]) {
    const node = reader.deref(item) as Node;
    const name = reader.nameOf(node);
    if (!known.has(name)) {
      reader.fail(
        node,
        `\`params\` names \`${name}\`, which is not an input${didYouMean(name, inputs)}`,
        'list only names defined under `inputs`; a node is computed, never moved',
      );
    }
    if (params.has(name)) reader.fail(node, `\`${name}\` is listed twice in \`params\``, 'list each param once');
    params.add(name);
  }
  return [...params];
}

function readExamples(reader: SectionReader, entry: Entry, inputs: string[], params: string[], nodes: number): Record<string, number>[] {
  const value = reader.deref(entry.value);
  const moved = new Set(params);
  const data = inputs.filter((name) => !moved.has(name));
  const dataNames = new Set(data);
  const example = `- {${
    data
      .slice(0, 2)
      .map((name) => `${name}: 1`)
      .join(', ') || 'x: 1'
  }}`;
  if (isEmpty(value)) reader.fail(entry.key, '`examples` is empty', `list rows of data below it, e.g. \`${example}\`, or remove the key`);
  if (!isSeq(value)) reader.fail(value, '`examples` must be a list of rows', `write one row per line, e.g. \`${example}\``);
  if (value.items.length === 0) reader.fail(value, '`examples` has no rows', `add at least one, e.g. \`${example}\``);
  refuseManyRows(reader, entry, value.items.length, nodes);
  const rows: Record<string, number>[] = [];
  let first: { names: string[]; set: Set<string>; node: Node } | undefined;
  for (const item of value.items as Node[]) {
    const node = reader.deref(item) as Node;
    if (!isMap(node)) reader.fail(node, 'each row of `examples` must be a mapping of inputs to numbers', `write it as \`${example}\``);
    const row: Record<string, number> = {};
    for (const cell of reader.entries(node, 'this row of `examples`')) {
      if (moved.has(cell.name)) {
        reader.fail(
          cell.key,
          `a row of \`examples\` sets \`${cell.name}\`, which is a param`,
          'rows hold data only; training moves the params, so remove it from the row or from `params`',
        );
      }
      if (!dataNames.has(cell.name)) {
        reader.fail(
          cell.key,
          `a row of \`examples\` sets \`${cell.name}\`, which is not an input${didYouMean(cell.name, data)}`,
          `set only data inputs${data.length > 0 ? `: ${data.join(', ')}` : ''}`,
        );
      }
      const number = reader.deref(cell.value);
      if (isEmpty(number)) reader.fail(cell.key, `\`${cell.name}\` has no value in this row`, `give it a number, e.g. \`${cell.name}: 1\``);
      row[cell.name] = reader.finiteNumber(number as Node, `\`${cell.name}\` in this row`);
    }
    const names = Object.keys(row);
    if (!first) {
      if (names.length === 0)
        reader.fail(node, 'this row of `examples` sets no inputs', `set the data of one example, e.g. \`${example}\``);
      first = { names, set: new Set(names), node };
    } else {
      const missing = first.names.filter((name) => !Object.hasOwn(row, name));
      const extra = names.filter((name) => !first?.set.has(name));
      if (missing.length > 0 || extra.length > 0) {
        const problem =
          missing.length > 0
            ? `this row of \`examples\` does not set \`${missing[0]}\`, which the first row sets`
            : `this row of \`examples\` sets \`${extra[0]}\`, which the first row does not`;
        reader.fail(node, problem, `every row sets the same inputs: ${first.names.join(', ')}`);
      }
    }
    rows.push(row);
  }
  return rows;
}

function readTrain(reader: SectionReader, entry: Entry, nudge: number): Training {
  const value = reader.deref(entry.value);
  const example = '`steps: 20`';
  if (isEmpty(value)) reader.fail(entry.key, '`train` is empty', `give at least ${example} indented below it, or remove the key`);
  if (!isMap(value))
    reader.fail(
      value,
      '`train` must be a mapping of settings',
      `write ${example} (and optionally \`rate:\`, \`zero_grad:\`) indented below \`train:\``,
    );
  const train: Training = { steps: 0, rate: nudge, zeroGrad: true };
  let steps = false;
  for (const { name: known, value: given } of reader.settings(value, 'train', TRAIN_KEYS, EXAMPLES)) {
    if (known === 'steps') {
      const n = reader.finiteNumber(given, '`steps`');
      if (!Number.isInteger(n) || n < 1)
        reader.fail(
          given,
          `\`steps\` is ${reader.sourceOf(given)}, not a positive whole number`,
          'give the number of updates, e.g. `steps: 20`',
        );
      if (n > MAX_STEPS)
        reader.fail(
          given,
          `\`steps\` is ${reader.sourceOf(given)}, more than ${MAX_STEPS}`,
          `give at most ${MAX_STEPS} updates; a lesson steps through each one`,
        );
      train.steps = n;
      steps = true;
    } else if (known === 'rate') {
      train.rate = reader.finiteNumber(given, '`rate`');
    } else {
      if (!isScalar(given) || typeof given.value !== 'boolean') {
        reader.fail(
          given,
          `\`zero_grad\` must be true or false, not \`${reader.sourceOf(given)}\``,
          'write `zero_grad: true` (the default) or `zero_grad: false` to replay the forgotten zero_grad',
        );
      }
      train.zeroGrad = given.value;
    }
  }
  if (!steps)
    reader.fail(
      entry.key,
      '`train` does not say how many `steps`',
      'add `steps: 20` (or another number of updates) indented below `train:`',
    );
  return train;
}

const EXAMPLES: Record<(typeof TRAIN_KEYS)[number], string> = { steps: 'steps: 20', rate: 'rate: -0.05', zero_grad: 'zero_grad: true' };
