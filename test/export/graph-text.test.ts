/**
 * DOT and Mermaid with hostile node names. The loader refuses such names, so
 * these graphs are built by hand: the writers must hold even for text no
 * scenario can carry today, each label read back by the tool exactly as
 * `visibleLine` shows it, and nothing else in the file.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { loadRenderers, type Mermaid } from '../helpers/renderers.js';
import { visibleLine } from '../../src/io/visible.js';
import { toDot, toMermaid } from '../../src/layout/index.js';
import { graphOf } from '../helpers/graphs.js';

const NAMES = [
  'a"b',
  'c\\d',
  'e{f}|g',
  '<h> <b>bold</b>',
  '&lt;i&gt; &#60;',
  '%%{init: {"securityLevel": "loose"}}%%',
  'x\ny\rz',
  'r\u202et\u200bu',
  '`**md**`',
  '#35; #quot;',
  'p]q"] n9["r',
  '\\N \\G \\l \\n',
  'k; n0 -> n1',
];

/** Each hostile name an input; one hostile node adds the first two. */
const out = NAMES[NAMES.length - 1];
const graph = graphOf(Object.fromEntries(NAMES.slice(0, -1).map((name, k) => [name, k])), [[out, '+', [NAMES[0], NAMES[1]]]]);
const caption = (name: string) => visibleLine(name === out ? `${out} = ${NAMES[0]} + ${NAMES[1]}` : name);

let graphviz: Awaited<ReturnType<typeof loadRenderers>>['graphviz'];
let mermaid: Mermaid;

beforeAll(async () => {
  ({ graphviz, mermaid } = await loadRenderers());
});

describe('DOT with hostile names', () => {
  it('Graphviz reads one record per node, each label exactly the name as shown, and one edge per operand', () => {
    const dot = toDot(graph, {}, {});
    const json = JSON.parse(graphviz.layout(dot, 'json', 'dot')) as {
      objects: { name: string; _ldraw_?: { op: string; text?: string }[] }[];
      edges?: unknown[];
    };
    expect(json.objects.map((o) => o.name)).toEqual(graph.nodes.map((_n, i) => `n${i}`));
    // Graphviz's json writer doubles a backslash in the drawn text (its SVG shows one).
    const drawn = (text = '') => text.replace(/\\\\/g, '\\');
    const labels = json.objects.map((o) => (o._ldraw_ ?? []).filter((d) => d.op === 'T').map((d) => drawn(d.text)));
    expect(labels).toEqual(graph.nodes.map((n) => [caption(n.name), 'data ·', 'grad ·']));
    expect(json.edges).toHaveLength(2);
  });
});

/** Mermaid keeps entity codes encoded in its own marks until it renders; read them back. */
function decodeMermaid(text: string): string {
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/ﬂ°(\w+)¶ß/g, (_, name: string) => ({ quot: '"', lt: '<', gt: '>', amp: '&' })[name] ?? `&${name};`);
}

describe('Mermaid with hostile names', () => {
  it('parses as a flowchart with no directive, each label exactly the name as shown, and one edge per operand', async () => {
    const source = toMermaid(graph, {}, {});
    expect(source).not.toMatch(/%%|`/);
    await expect(mermaid.parse(source)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
    const db = diagram.db as unknown as {
      getVertices(): Map<string, { id: string; text: string; labelType?: string }>;
      getEdges(): unknown[];
    };
    const vertices = [...db.getVertices().values()];
    expect(vertices.map((v) => v.id)).toEqual(graph.nodes.map((_n, i) => `n${i}`));
    expect(vertices.map((v) => decodeMermaid(v.text).split('<br>')[0])).toEqual(graph.nodes.map((n) => caption(n.name)));
    expect(vertices.filter((v) => v.labelType === 'markdown')).toEqual([]);
    expect(db.getEdges()).toHaveLength(2);
  });
});
