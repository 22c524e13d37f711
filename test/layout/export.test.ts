/**
 * DOT and Mermaid as the tools themselves read them: every bundled scenario's
 * DOT goes through Graphviz (its WebAssembly build) and its Mermaid through
 * Mermaid's own parser (with a jsdom window, which its sanitizer needs). Each
 * label read back must be the node's expression: parsed again, it is the
 * expression the scenario wrote, parentheses and all, and it computes the
 * node's value.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRenderers, type Mermaid } from '../helpers/renderers.js';
import { parse as parseYaml } from 'yaml';
import { forward } from '../../src/engine/index.js';
import type { Graph } from '../../src/engine/graph.js';
import { toDot, toMermaid } from '../../src/layout/index.js';
import { parseExpression, type Expr } from '../../src/scenario/expression.js';
import { parseScenario } from '../../src/scenario/index.js';

const DIR = join(import.meta.dirname, '..', '..', 'scenarios');
const bundled = readdirSync(DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

/** Scenarios whose labels need parentheses, repeated sub-expressions and constants. */
const TRICKY: Record<string, string> = {
  'readme-typed': 'inputs: {a: 3, b: -5}\nnodes:\n  z: (a + b) * b\n',
  'readme-u': 'inputs: {a: 1, b: 2}\nnodes:\n  u: exp(a) / (1 + log(b + 2))\n',
  signs:
    'inputs: {a: 2, b: 3, c: 0.5}\nnodes:\n  d: a - (b - c)\n  e: (a - b) - c\n  f: -a ^ 2 + (-a) ^ 2 + a ^ b ^ c + (a ^ b) ^ c\n  g: a / (b * c) - a / b * c + -(a + b)\n',
  repeats: 'inputs: {a: 1, b: 2, w: 3, x: 4}\nnodes:\n  y: w * x + w * x\n  z: (a + b) * (a + b) + 1 / (1 + b ^ 2) + 2 * y ^ 2\n',
};

interface Case {
  name: string;
  text: string;
}
const cases: Case[] = [
  ...bundled.map((file) => ({ name: file, text: readFileSync(join(DIR, file), 'utf8') })),
  ...Object.entries(TRICKY).map(([name, body]) => ({ name, text: `title: ${name}\n${body}` })),
];

/** An expression's shape without positions: what two spellings of the same maths share. */
function shape(expr: Expr): unknown {
  switch (expr.kind) {
    case 'number':
      return expr.value;
    case 'name':
      return expr.name;
    case 'neg':
      return ['neg', shape(expr.operand)];
    case 'call':
      return [expr.fn, shape(expr.arg)];
    case 'binary':
      return [expr.op, shape(expr.left), shape(expr.right)];
  }
}

/** A plain evaluator, apart from the engine's, for the labels read back. */
function evaluate(expr: Expr, values: Record<string, number>): number {
  const fns: Record<string, (x: number) => number> = {
    tanh: Math.tanh,
    exp: Math.exp,
    log: Math.log,
    relu: (x: number) => Math.max(0, x),
    sigmoid: (x: number) => 1 / (1 + Math.exp(-x)),
  };
  switch (expr.kind) {
    case 'number':
      return expr.value;
    case 'name':
      return values[expr.name];
    case 'neg':
      return -evaluate(expr.operand, values);
    case 'call':
      return fns[expr.fn](evaluate(expr.arg, values));
    case 'binary': {
      const [a, b] = [evaluate(expr.left, values), evaluate(expr.right, values)];
      return { '+': a + b, '-': a - b, '*': a * b, '/': a / b, '^': a ** b }[expr.op];
    }
  }
}

/** Holds each caption to its node: a named one to the scenario's own expression, every one to its value. */
function checkCaptions(graph: Graph, written: Record<string, string>, captions: Map<string, string>): void {
  const values = forward(graph) as Record<string, number>;
  for (const node of graph.nodes) {
    const caption = captions.get(node.name);
    expect(caption, node.name).toBeDefined();
    if (node.op === 'input') {
      expect(caption).toBe(node.name);
      continue;
    }
    const rhs = node.generated ? caption! : caption!.replace(new RegExp(`^${node.name} = `), '');
    if (!node.generated) expect(caption!.startsWith(`${node.name} = `), caption).toBe(true);
    const parsed = parseExpression(rhs);
    if (!node.generated) expect(shape(parsed), caption).toEqual(shape(parseExpression(written[node.name])));
    expect(evaluate(parsed, values), caption).toBeCloseTo(values[node.name], 9);
  }
}

let graphviz: Awaited<ReturnType<typeof loadRenderers>>['graphviz'];
let mermaid: Mermaid;

beforeAll(async () => {
  ({ graphviz, mermaid } = await loadRenderers());
});

/** Graphviz's own reading of each record: the text of its fields, by node id. */
function graphvizLabels(dot: string): Map<string, string[]> {
  const json = JSON.parse(graphviz.layout(dot, 'json', 'dot')) as {
    objects: { name: string; _ldraw_?: { op: string; text?: string }[] }[];
  };
  return new Map(json.objects.map((o) => [o.name, (o._ldraw_ ?? []).filter((d) => d.op === 'T').map((d) => d.text ?? '')]));
}

/** Mermaid keeps entity codes encoded in its own marks until it renders; read them back. */
function decodeMermaid(text: string): string {
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/ﬂ°(\w+)¶ß/g, (_, name: string) => ({ quot: '"', lt: '<', gt: '>', amp: '&' })[name] ?? `&${name};`);
}

describe.each(cases)('$name', ({ name, text }) => {
  const { graph } = parseScenario(text, `${name}.yaml`);
  const written = (parseYaml(text) as { nodes: Record<string, string> }).nodes;
  const ids = new Map(graph.nodes.map((node, i) => [`n${i}`, node.name]));

  it('renders in Graphviz, each record headed by its expression', () => {
    const dot = toDot(graph, {}, {});
    const labels = graphvizLabels(dot);
    expect(labels.size).toBe(graph.nodes.length);
    const captions = new Map([...labels].map(([id, fields]) => [ids.get(id)!, fields[0]]));
    for (const [id, fields] of labels) expect(fields.slice(1), id).toEqual(['data ·', 'grad ·']);
    checkCaptions(graph, written, captions);
  });

  it("parses in Mermaid's own parser, each node labelled by its expression", async () => {
    const source = toMermaid(graph, {}, {});
    await expect(mermaid.parse(source)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
    const db = diagram.db as unknown as { getVertices(): Map<string, { id: string; text: string }>; getEdges(): unknown[] };
    const vertices = [...db.getVertices().values()];
    expect(vertices).toHaveLength(graph.nodes.length);
    expect(db.getEdges()).toHaveLength(graph.nodes.reduce((n, node) => n + node.inputs.length, 0));
    const captions = new Map(vertices.map((v) => [ids.get(v.id)!, decodeMermaid(v.text).split('<br>')[0]]));
    checkCaptions(graph, written, captions);
  });
});

describe('the labels the issue quotes', () => {
  const caption = (body: string, node: string) => {
    const { graph } = parseScenario(`title: t\n${body}`, 't.yaml');
    const dot = toDot(graph, {}, {});
    return new RegExp(`label="\\{ (${node} = [^|]*) \\|`).exec(dot)?.[1];
  };

  it('keeps the parentheses the maths needs', () => {
    expect(caption(TRICKY['readme-typed'], 'z')).toBe('z = (a + b) * b');
    expect(caption(TRICKY['readme-u'], 'u')).toBe('u = exp(a) / (1 + log(b + 2))');
    expect(caption(TRICKY.signs, 'd')).toBe('d = a - (b - c)');
    expect(caption(TRICKY.signs, 'e')).toBe('e = a - b - c');
  });
});
