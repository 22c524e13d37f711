/**
 * The render bench as one esbuild bundle, built the way scripts/build.mjs
 * builds the bin, so that it measures the code a learner runs: React's
 * production build, and the same dependency patches (scripts/build.mjs), of
 * which the string-width ones change how fast a frame is written (unpatched,
 * a step of the MLP takes about twice as long).
 */

import { build, type Plugin } from 'esbuild';
import { dependencyPatches } from '../scripts/build.mjs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../test/e2e/pty.js';

/** Ink imports React DevTools only when DEV=true; the bundle carries a stub, as the bin's does. */
const devtoolsStub: Plugin = {
  name: 'devtools-stub',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'export default { connectToDevTools() {}, initialize() {} };',
      loader: 'js',
    }));
  },
};

/**
 * Writes `outfile`: a script that runs measureRender on a bundled lesson id
 * or a scenario file (`node outfile <id | file> [passes] [steps]`) and prints the
 * figures as JSON.
 */
export async function bundleRenderBench(outfile: string): Promise<void> {
  const entry = `
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseScenario } from '../src/scenario/index.js';
import { measureRender } from './render.js';
const [target, passes = '1', limit = 'Infinity'] = process.argv.slice(2);
const extra = /\\.(ya?ml|json)$/.test(target) ? [parseScenario(readFileSync(target, 'utf8'), basename(target))] : [];
const figures = await measureRender(extra[0]?.id ?? target, extra, Number(passes), Number(limit));
process.stdout.write(JSON.stringify(figures) + '\\n');
`;
  await build({
    stdin: { contents: entry, resolveDir: join(ROOT, 'bench'), sourcefile: 'render-entry.ts', loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    jsx: 'automatic',
    define: {
      'process.env.NODE_ENV': '"production"',
      // The sources find scenarios/ from import.meta.url; the bundle lives elsewhere.
      'import.meta.url': JSON.stringify(pathToFileURL(join(ROOT, 'src/bundle.js')).href),
    },
    banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
    plugins: [dependencyPatches, devtoolsStub],
    logLevel: 'warning',
  });
}
