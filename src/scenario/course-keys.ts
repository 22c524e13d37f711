/**
 * The two keys the course's own lessons need: `slope` (the derivative by
 * nudging one input, before any chain rule) and `wrong_order` (the backward
 * pass replayed out of topological order). Every mistake points at the key
 * or value in the file, as for the other keys.
 */

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { isLeaf, type Graph } from '../engine/graph.js';
import type { Entry, SectionReader } from './load.js';
import { didYouMean } from './names.js';
import { isEmpty } from './yaml-positions.js';
import type { Slope } from './types.js';

/** The nudges the Slope phase shows when the file names none: each ten times smaller. */
export const DEFAULT_SLOPE_HS = [1, 0.1, 0.01, 0.001];
/** One step per h: more than this is no longer a lesson. */
export const MAX_SLOPE_HS = 12;

export const SLOPE_KEYS = ['of', 'h', 'backward'] as const;

export function readSlope(reader: SectionReader, entry: Entry, inputs: string[]): Slope {
  const value = reader.deref(entry.value);
  const example = `\`of: ${inputs[0]}\``;
  if (isEmpty(value)) reader.fail(entry.key, '`slope` is empty', `give at least ${example} indented below it, or remove the key`);
  if (!isMap(value))
    reader.fail(
      value,
      '`slope` must be a mapping of settings',
      `write ${example} (and optionally \`h:\`, \`backward:\`) indented below \`slope:\``,
    );
  const slope: Slope = { of: '', h: DEFAULT_SLOPE_HS, backward: false };
  for (const { name: known, value: given } of reader.settings(value, 'slope', SLOPE_KEYS, EXAMPLES)) {
    if (known === 'of') {
      const name = reader.nameOf(given);
      if (!inputs.includes(name))
        reader.fail(
          given,
          `\`of\` in \`slope\` names \`${name}\`, which is not an input${didYouMean(name, inputs)}`,
          `name the input to nudge: ${inputs.join(', ')}`,
        );
      slope.of = name;
    } else if (known === 'h') {
      slope.h = readHs(reader, given);
    } else {
      if (!isScalar(given) || typeof given.value !== 'boolean')
        reader.fail(
          given,
          `\`backward\` in \`slope\` must be true or false, not \`${reader.sourceOf(given)}\``,
          'write `backward: false` (the default: the lesson ends after the slope) or `backward: true` to go on to the chain rule',
        );
      slope.backward = given.value;
    }
  }
  if (slope.of === '') reader.fail(entry.key, '`slope` does not say which input to nudge', `add ${example} indented below \`slope:\``);
  return slope;
}

function readHs(reader: SectionReader, node: Node): number[] {
  const example = '`h: [1, 0.1, 0.01, 0.001]`';
  if (!isSeq(node)) reader.fail(node, '`h` in `slope` must be a list of nudges', `write it as ${example}`);
  if (node.items.length === 0) reader.fail(node, '`h` in `slope` lists no nudges', `give at least one, e.g. ${example}`);
  if (node.items.length > MAX_SLOPE_HS)
    reader.fail(
      node,
      `\`h\` in \`slope\` lists ${node.items.length} nudges, more than ${MAX_SLOPE_HS}`,
      `give at most ${MAX_SLOPE_HS}, one step each`,
    );
  return (node.items as Node[]).map((item) => {
    const h = reader.finiteNumber(reader.deref(item) as Node, 'a nudge in `h`');
    if (h <= 0)
      reader.fail(item, `a nudge in \`h\` is ${reader.sourceOf(item)}, not above 0`, 'give small positive numbers such as 0.1 and 0.01');
    return h;
  });
}

/**
 * `wrong_order: b`: the node that passes its gradient on too early in the
 * replay. Only a node reached along several edges can: with one, every order
 * gives the same gradients.
 */
export function readWrongOrder(reader: SectionReader, entry: Entry, graph: Graph, backward: boolean): string {
  const value = reader.deref(entry.value);
  const inner = graph.nodes.filter((n) => !isLeaf(n)).map((n) => n.name);
  const edges = new Map<string, number>();
  for (const node of graph.nodes) for (const operand of node.inputs) edges.set(operand, (edges.get(operand) ?? 0) + 1);
  const candidates = inner.filter((name) => (edges.get(name) ?? 0) > 1);
  const fix =
    candidates.length > 0
      ? `name ${candidates.map((c) => `\`${c}\``).join(' or ')}`
      : 'use a graph where a node is used twice, e.g. `c: b + b`';
  if (isEmpty(value)) reader.fail(entry.key, '`wrong_order` is empty', `${fix}, or remove the key`);
  const name = reader.nameOf(value as Node);
  if (!graph.nodes.some((n) => n.name === name))
    reader.fail(value, `\`wrong_order\` names \`${name}\`, which is not a node${didYouMean(name, inner)}`, fix);
  if (!inner.includes(name)) reader.fail(value, `\`wrong_order\` names \`${name}\`, which is an input and passes no gradient on`, fix);
  if (!candidates.includes(name))
    reader.fail(value, `\`${name}\` is used only once, so no order of the backward pass can change its gradient`, fix);
  if (!backward)
    reader.fail(
      entry.key,
      '`wrong_order` replays the backward pass, which this lesson ends before',
      'remove `wrong_order`, or set `backward: true` under `slope`',
    );
  return name;
}

const EXAMPLES: Record<(typeof SLOPE_KEYS)[number], string> = { of: 'of: x', h: 'h: [1, 0.1, 0.01]', backward: 'backward: false' };
