// One esbuild bundle for the bin: Ink's many small modules cost more to find
// and compile than to run, and a bundle makes the package need no runtime
// dependencies at all (see DESIGN.md, "Startup").
import { build } from 'esbuild';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

mkdirSync(new URL('../dist/', import.meta.url), { recursive: true });
// Ink imports react-devtools-core only when DEV is set; the bundle must not carry it.
const stub = new URL('../dist/devtools-stub.mjs', import.meta.url);
writeFileSync(stub, 'export default { connectToDevTools() {}, initialize() {} };\n');

await build({
  entryPoints: [new URL('../src/main.ts', import.meta.url).pathname],
  outfile: new URL('../dist/cli.js', import.meta.url).pathname,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: false,
  legalComments: 'none',
  define: {
    'process.env.NODE_ENV': '"production"',
    GRAD_TUTOR_VERSION: JSON.stringify(pkg.version),
  },
  alias: { 'react-devtools-core': stub.pathname },
  // Some of Ink's dependencies are CommonJS and call require().
  banner: { js: "import { createRequire as __gtCreateRequire } from 'node:module'; const require = __gtCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
