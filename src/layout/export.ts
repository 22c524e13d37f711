/**
 * The graph for other tools: Graphviz DOT, as micrograd's draw_dot draws it
 * (left to right, one record per node with its name, data and grad), and a
 * Mermaid flowchart. One edge per operand, so `a * a` has two; an edge into a
 * `^` or a `/` is labelled with its operand's role (base, exp; num, den).
 */

import { edgesOf, type Graph, type GraphNode } from '../engine/graph.js';
import { nodeMap } from '../engine/autograd.js';
import { ATOM, bindsOf } from '../engine/ops.js';
import { literalOf } from '../scenario/labels.js';
import { formatNumber } from './format.js';
import { roleOf } from './roles.js';
import { visibleLine } from '../io/visible.js';

type Numbers = Record<string, number | undefined>;

const shown = (x: number | undefined) => (x === undefined ? '·' : formatNumber(x));

/** Past this a generated operand is shown by its own (cut) name, so a huge sum cannot make huge labels. */
const LONGEST_CAPTION = 200;

interface Written {
  text: string;
  binds: number;
}

/**
 * Every node written out as the maths reads, with exactly the parentheses the
 * parser needs plus `-(a ^ 2)` for the eye: a named node or an input is read by
 * its name, a generated one is expanded in place, since it is a part of the
 * expression that the scenario wrote. Topological order, so no recursion.
 */
function writeAll(graph: Graph): Map<string, Written> {
  const written = new Map<string, Written>();
  const asOperand = new Map<string, Written>();
  for (const node of graph.nodes) {
    const own = write(
      node,
      node.inputs.map((name) => asOperand.get(name) ?? { text: name, binds: ATOM }),
    );
    written.set(node.name, own);
    if (node.op === 'input' || (!node.generated && node.op !== 'const')) asOperand.set(node.name, { text: node.name, binds: ATOM });
    else if (own.text.length <= LONGEST_CAPTION) asOperand.set(node.name, own);
    else asOperand.set(node.name, { text: `(${node.name})`, binds: ATOM });
  }
  return written;
}

function write(node: GraphNode, operands: Written[]): Written {
  const inParentheses = (w: Written, yes: boolean) => (yes ? `(${w.text})` : w.text);
  const [a, b] = operands;
  switch (node.op) {
    case 'input':
      return { text: node.name, binds: ATOM };
    case 'const':
      return { text: literalOf(node.name), binds: ATOM };
    case 'neg':
      return { text: `-${inParentheses(a, a.binds < ATOM)}`, binds: bindsOf('neg') };
    case '+':
    case '-':
    case '*':
    case '/':
    case '^': {
      const p = bindsOf(node.op);
      // `^` groups to the right, the others to the left; a negation on the right is always wrapped.
      const left = node.op === '^' ? a.binds <= p : a.binds < p;
      const right = b.binds === bindsOf('neg') || (node.op === '^' ? b.binds < p : b.binds <= p);
      return { text: `${inParentheses(a, left)} ${node.op} ${inParentheses(b, right)}`, binds: p };
    }
    default:
      return { text: `${node.op}(${a.text})`, binds: ATOM };
  }
}

/** `c = a + b`, `u = exp(a) / (1 + log(b + 2))`; an input is its name, a generated node its expression. */
function captions(graph: Graph): Map<string, string> {
  const written = writeAll(graph);
  return new Map(
    graph.nodes.map((node) => {
      const text = written.get(node.name)!.text;
      return [node.name, node.op === 'input' || node.generated ? text : `${node.name} = ${text}`];
    }),
  );
}

/**
 * Text in a DOT record label, the one escaping of names in a DOT file: a line
 * break or control shows instead of breaking the line; `&` is written as an
 * entity (Graphviz reads `&lt;` as <); a backslash makes the characters a record
 * or the quoted string would read as structure into text, and itself too, so
 * `\N` or `\l` cannot become a node's name or a line break.
 */
export function dotText(text: string): string {
  return visibleLine(text)
    .replace(/&/g, '&amp;')
    .replace(/[\\{}|<>"]/g, (ch) => `\\${ch}`);
}

/**
 * Text in a quoted Mermaid label, the one escaping of names in a Mermaid file:
 * a line break or control shows; every character Mermaid or the HTML it makes
 * could read as structure is an entity code (`#quot;`, `#37;`): the quote that
 * ends the label, tags, entities, the `%%{…}%%` directives Mermaid finds anywhere
 * in a file, and the backtick that turns a label into Markdown.
 */
export function mermaidText(text: string): string {
  const codes: Record<string, string> = { '"': '#quot;', '<': '#lt;', '>': '#gt;', '#': '#35;', '&': '#38;', '%': '#37;', '`': '#96;' };
  return visibleLine(text).replace(/["<>#&%`]/g, (ch) => codes[ch]);
}

export function toDot(graph: Graph, values: Numbers, grads: Numbers): string {
  const id = new Map(graph.nodes.map((node, i) => [node.name, `n${i}`]));
  const caption = captions(graph);
  const lines = ['digraph G {', '  rankdir=LR;', '  node [shape=record, fontname="monospace"];'];
  for (const node of graph.nodes) {
    const label = `{ ${dotText(caption.get(node.name)!)} | data ${dotText(shown(values[node.name]))} | grad ${dotText(shown(grads[node.name]))} }`;
    lines.push(`  ${id.get(node.name)} [label="${label}"];`);
  }
  const byName = nodeMap(graph);
  for (const edge of edgesOf(graph)) {
    const role = roleOf(byName.get(edge.to), edge.slot);
    lines.push(`  ${id.get(edge.from)} -> ${id.get(edge.to)}${role ? ` [label="${role}"]` : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

export function toMermaid(graph: Graph, values: Numbers, grads: Numbers): string {
  const id = new Map(graph.nodes.map((node, i) => [node.name, `n${i}`]));
  const caption = captions(graph);
  const lines = ['flowchart LR'];
  for (const node of graph.nodes) {
    const label = [caption.get(node.name)!, `data ${shown(values[node.name])}`, `grad ${shown(grads[node.name])}`]
      .map(mermaidText)
      .join('<br/>');
    lines.push(`  ${id.get(node.name)}["${label}"]`);
  }
  const byName = nodeMap(graph);
  for (const edge of edgesOf(graph)) {
    const role = roleOf(byName.get(edge.to), edge.slot);
    lines.push(`  ${id.get(edge.from)} -->${role ? `|${role}|` : ''} ${id.get(edge.to)}`);
  }
  return `${lines.join('\n')}\n`;
}
