/** The real readers of our DOT and Mermaid: Graphviz (WebAssembly) and Mermaid's own parser, which needs a DOM. */
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { JSDOM } from 'jsdom';

export type Mermaid = (typeof import('mermaid'))['default'];

export async function loadRenderers(): Promise<{ graphviz: Awaited<ReturnType<typeof Graphviz.load>>; mermaid: Mermaid }> {
  const graphviz = await Graphviz.load();
  const { window } = new JSDOM('');
  Object.assign(globalThis, { window, document: window.document });
  const mermaid = (await import('mermaid')).default;
  return { graphviz, mermaid };
}
