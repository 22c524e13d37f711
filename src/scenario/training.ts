/**
 * The data keys of a scenario file: `params` (what moves) and `examples`
 * (rows of data). Every mistake points at the key or value in the file, as
 * for the other keys. (`train:`, the loop, is the Train phase's own key.)
 */

import { isMap, isSeq, type Node } from 'yaml';
import type { Entry, SectionReader } from './load.js';
import { didYouMean } from './names.js';
import { isEmpty } from './yaml-positions.js';
import { count, MAX_EXAMPLE_WORK, MAX_EXAMPLES } from './limits.js';

interface Sections {
  params?: Entry;
  examples?: Entry;
}

export interface DataFields {
  params: string[];
  examples?: Record<string, number>[];
}

/** What moves and the rows of data, for a graph of `nodes` nodes over `inputs`, refused where their work would pass the limits. */
export function readData(reader: SectionReader, sections: Sections, inputs: string[], nodes: number): DataFields {
  const params = sections.params ? readParams(reader, sections.params, inputs) : [...inputs];
  const fields: DataFields = { params };
  if (sections.examples) fields.examples = readExamples(reader, sections.examples, inputs, params, nodes);
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
