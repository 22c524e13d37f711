/**
 * The graph for other tools: Graphviz DOT, as micrograd's draw_dot draws it
 * (left to right, one record per node with its name, data and grad), and a
 * Mermaid flowchart. One edge per operand, so `a * a` has two.
 */

import { edgesOf, type Graph, type GraphNode } from '../engine/graph.js';
import { formatNumber } from './format.js';

type Numbers = Record<string, number | undefined>;

const shown = (x: number | undefined) => (x === undefined ? '·' : formatNumber(x));

/** `c = a + b`, `o = tanh(n)`; an input or constant is just its name. */
function caption(node: GraphNode): string {
  const [a, b] = node.inputs;
  switch (node.op) {
    case 'input':
    case 'const':
      return node.name;
    case '+':
    case '-':
    case '*':
    case '/':
    case '^':
      return `${node.name} = ${a} ${node.op} ${b}`;
    case 'neg':
      return `${node.name} = -${a}`;
    default:
      return `${node.name} = ${node.op}(${a})`;
  }
}

export function toDot(graph: Graph, values: Numbers, grads: Numbers): string {
  // Record labels treat these as structure; a backslash makes them text.
  const escape = (text: string) => text.replace(/[\\{}|<>"]/g, (ch) => `\\${ch}`);
  const id = new Map(graph.nodes.map((node, i) => [node.name, `n${i}`]));
  const lines = ['digraph G {', '  rankdir=LR;', '  node [shape=record, fontname="monospace"];'];
  for (const node of graph.nodes) {
    const label = `{ ${escape(caption(node))} | data ${escape(shown(values[node.name]))} | grad ${escape(shown(grads[node.name]))} }`;
    lines.push(`  ${id.get(node.name)} [label="${label}"];`);
  }
  for (const edge of edgesOf(graph)) lines.push(`  ${id.get(edge.from)} -> ${id.get(edge.to)};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

export function toMermaid(graph: Graph, values: Numbers, grads: Numbers): string {
  // Mermaid reads entity codes inside quoted labels.
  const escape = (text: string) =>
    text.replace(/["<>#]/g, (ch) => ({ '"': '#quot;', '<': '#lt;', '>': '#gt;', '#': '#35;' })[ch] ?? ch);
  const id = new Map(graph.nodes.map((node, i) => [node.name, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const node of graph.nodes) {
    const label = [caption(node), `data ${shown(values[node.name])}`, `grad ${shown(grads[node.name])}`].map(escape).join('<br/>');
    lines.push(`  ${id.get(node.name)}["${label}"]`);
  }
  for (const edge of edgesOf(graph)) lines.push(`  ${id.get(edge.from)} --> ${id.get(edge.to)}`);
  return `${lines.join('\n')}\n`;
}
