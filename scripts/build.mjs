// One esbuild bundle for the bin: Ink's many small modules cost more to find
// and compile than to run, and a bundle makes the package need no runtime
// dependencies at all (README, "Development").
//
// The bundle is CommonJS (dist/cli.cjs) so that bin/grad-tutor.js can load it
// through vm.Script with a V8 code cache (Node 20 has no other way, and
// Node 22's module.enableCompileCache() caches too little; see the bin). A
// script cannot contain top-level await or
// import(), so the dependencies that use them are patched below.
//
// The patches come in two groups. FORMAT patches are what a CommonJS bundle
// run as a vm.Script needs (no top-level await, no import(), ASCII only), plus
// one fix (Ink's issue #901). SPEED patches only make the first frame come
// sooner; each is named in SPEED_PATCHES, has a test that holds it against the
// code it replaces (test/bundle/), and can be left out of a build to measure
// it: GRAD_TUTOR_BUILD_WITHOUT=name,name (bench/patches.ts does, A/B).

import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = new URL('../', import.meta.url);
const path = (relative) => fileURLToPath(new URL(relative, root));
const pkg = JSON.parse(readFileSync(path('package.json'), 'utf8'));

// Ink imports react-devtools-core only when DEV is set; the bundle must not carry it.
const stub = path('dist/devtools-stub.mjs');

/** Replace `from` by `to` in a dependency's source, and fail the build if it is not there (an upgrade moved it). */
function patch(source, file, from, to) {
  if (!source.includes(from))
    throw new Error(`build: ${file} no longer contains ${JSON.stringify(from.slice(0, 60))}; revisit the patch in scripts/build.mjs`);
  return source.replace(from, () => to);
}

const SEGMENTER = 'new Intl.Segmenter(';

/** Make an ES module's Intl.Segmenters QuickSegmenters (see src/bundle/segmenter.ts). */
function withQuickSegmenter(source, file) {
  if (!source.includes(SEGMENTER)) return source;
  if (!/^(import|export) /m.test(source))
    throw new Error(`build: ${file} makes an Intl.Segmenter but is not an ES module; extend withQuickSegmenter in scripts/build.mjs`);
  const quick = JSON.stringify(path('src/bundle/segmenter.ts'));
  return `import { QuickSegmenter as __GtSegmenter } from ${quick};\n${source.replaceAll(SEGMENTER, 'new __GtSegmenter(')}`;
}

/**
 * The speed patches, by the name GRAD_TUTOR_BUILD_WITHOUT takes. What each
 * saved on the first frame, CPU time, 21 interleaved runs (bench/patches.ts,
 * Node 20, a loaded 2-core machine): string-width 31 ms, styled-chars 50 ms,
 * segmenter 26 ms, one-string-width 10 ms, shared-namespaces 2 ms (1.6 and
 * 2.5 in two runs). A patch that loaded terminal-size's child_process and
 * signal-exit's assert lazily saved nothing measurable (-2 ms twice) and was
 * removed.
 */
export const SPEED_PATCHES = [
  'string-width', // the emoji regex built only when needed; box characters on the ASCII fast path
  'styled-chars', // Ink's frame: shared blank cells and styles, equal neighbours not diffed
  'segmenter', // no ICU Intl.Segmenter for plain text
  'one-string-width', // wrap-ansi uses string-width 8, not its own string-width 7
  'shared-namespaces', // one esbuild namespace object per CommonJS module
];

const without = new Set((process.env.GRAD_TUTOR_BUILD_WITHOUT ?? '').split(',').filter(Boolean));
for (const name of without)
  if (!SPEED_PATCHES.includes(name)) throw new Error(`build: no speed patch "${name}"; the names are ${SPEED_PATCHES.join(', ')}`);
const speed = (name) => !without.has(name);

export const dependencyPatches = {
  name: 'dependency-patches',
  setup(b) {
    // Each patch reads a dependency's file and returns it changed, or undefined to leave it as it is.
    const edit = (filter, change) =>
      b.onLoad({ filter }, ({ path: file }) => {
        const contents = change(readFileSync(file, 'utf8'), file);
        return contents === undefined ? undefined : { contents, loader: 'js' };
      });
    const quickSegmenter = speed('segmenter') ? withQuickSegmenter : (source) => source;

    // FORMAT (and the one fix).
    // yoga-layout 3 embeds its wasm as a base64 data: URL and its Emscripten
    // loader fetch()es that URL (~50 ms of undici start-up), then the module
    // awaits the result at top level. Export the base64 instead, and build the
    // instance synchronously through Emscripten's instantiateWasm hook.
    // An instance that cannot be made (under a low ulimit -v, V8 cannot reserve
    // its memory) is thrown from the import, for the CLI to explain: Emscripten
    // would log it and reject a promise no one awaits, a stack trace.
    edit(/yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/, (source, file) => {
      const match = /H="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/.exec(source);
      if (!match) throw new Error(`build: no embedded wasm found in ${file}; revisit the yoga patch in scripts/build.mjs`);
      return `${source.replace(match[0], 'H="data:application/octet-stream;base64,"+yogaWasmBase64')}\nexport var yogaWasmBase64 = "${match[1]}";\n`;
    });
    edit(/yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/, (source, file) => {
      const sync = `import loadYoga, { yogaWasmBase64 } from '../binaries/yoga-wasm-base64-esm.js';
function loadYogaSync() {
  // Emscripten fills in the object it is given; with a synchronous
  // instantiateWasm it is complete when loadYoga returns (only its ready
  // promise resolves later).
  let failed;
  const module = {
    instantiateWasm(imports, receive) {
      try {
        const wasm = new WebAssembly.Module(Buffer.from(yogaWasmBase64, 'base64'));
        receive(new WebAssembly.Instance(wasm, imports));
      } catch (error) {
        failed = error;
      }
      return {};
    },
  };
  loadYoga(module);
  if (failed) throw failed;
  if (!module.calledRun) throw new Error('yoga-layout did not load synchronously');
  return module;
}
const Yoga = wrapAssembly(loadYogaSync());`;
      const contents = patch(source, file, "import loadYoga from '../binaries/yoga-wasm-base64-esm.js';", '');
      return patch(contents, file, 'const Yoga = wrapAssembly(await loadYoga());', sync);
    });
    // A fix, not a format or speed patch: Ink 6.8.0's useInput (its issue
    // #901, fixed only in Ink 7, which needs Node 22). A sequence its key
    // table lacks has no name: with a Ctrl modifier (Ctrl+F1 is \x1b[1;5P, a
    // pasted colour code \x1b[0m parses as one) `input` became undefined and
    // input.startsWith threw, ending the tutor; without one (Shift+F1, the
    // focus reports \x1b[I and \x1b[O) its characters after the ESC were
    // handed on as typed text, so \x1b[1;2q quit on its `q`. An escape
    // sequence that names no key is no text: hand on nothing. Alt+letter
    // (ESC and one character) stays as it was.
    edit(/[\\/]ink[\\/]build[\\/]hooks[\\/]use-input\.js$/, (source, file) => {
      const contents = patch(
        source,
        file,
        'else if (keypress.ctrl) {\n                input = keypress.name;',
        "else if (keypress.ctrl) {\n                input = keypress.name ?? '';",
      );
      return patch(
        contents,
        file,
        "// Strip meta if it's still remaining after `parseKeypress`",
        "if (!keypress.name && input.length > 2 && input.startsWith('\\u001B')) {\n                input = '';\n            }\n            // Strip meta if it's still remaining after `parseKeypress`",
      );
    });
    // Ink's reconciler awaits two imports at top level, both only when DEV=true
    // (React DevTools, which the bundle stubs out anyway).
    edit(/[\\/]ink[\\/]build[\\/]reconciler\.js$/, (source, file) => {
      const contents = patch(source, file, "await import('./devtools.js');", "import('./devtools.js');");
      return patch(contents, file, '? await loadPackageJson()', '? { name: undefined, version: undefined }');
    });

    // SPEED.
    // string-width 8 builds /^\p{RGI_Emoji}$/v when it is imported and tests
    // every non-ASCII grapheme with it: constructing and first running that
    // regex costs ~50-100 ms, the largest single item of the first frame, and
    // the drawing's box characters are non-ASCII. Every RGI emoji contains a
    // code point with Emoji_Presentation or a U+FE0F (UTS #51: text-style bases
    // only qualify with FE0F; keycaps carry FE0F; modifiers, flags and tag
    // bases have Emoji_Presentation), so that cheap test goes first and the
    // big regex is built only if a candidate turns up.
    if (speed('string-width'))
      edit(/[\\/]node_modules[\\/]string-width[\\/]index\.js$/, (source, file) => {
        // Only string-width 8 has the regex (7, under wrap-ansi, uses emoji-regex).
        const eager = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
        if (!source.includes(eager)) return undefined;
        const contents = patch(
          quickSegmenter(source, file),
          file,
          eager,
          `let rgiEmojiFull;
const rgiEmojiCandidate = /\\p{Emoji_Presentation}|\\uFE0F/u;
const rgiEmojiRegex = {test: (segment) => rgiEmojiCandidate.test(segment) && (rgiEmojiFull ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(segment)};`,
        );
        // And its fast path for printable ASCII takes the drawing's characters too (src/bundle/width.ts).
        return patch(
          `import { NARROW as __gtNarrow } from ${JSON.stringify(path('src/bundle/width.ts'))};\n${contents}`,
          file,
          'if (/^[\\u0020-\\u007E]*$/.test(string)) {',
          'if ((ambiguousIsNarrow ? __gtNarrow : /^[\\u0020-\\u007E]*$/).test(string)) {',
        );
      });
    // Ink's frame: every cell of the grid got its own blank object and its
    // own copy of its styles, and every pair of neighbouring cells was diffed.
    // Cells and style arrays are only ever read (Ink's output.js is the only
    // user, and reduceAnsiCodesIncremental returns a new array), so blanks
    // and styles can be shared, and equal neighbours need no diff
    // (src/bundle/styled-chars.ts).
    if (speed('styled-chars'))
      edit(/[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/, (source, file) =>
        patch(
          patch(source, file, 'styles: [...codes],', 'styles: codes,'),
          file,
          'export function styledCharsToString(chars) {',
          `import { quickStyledCharsToString } from ${JSON.stringify(path('src/bundle/styled-chars.ts'))};
export const styledCharsToString = quickStyledCharsToString(ansiCodesToString, diffAnsiCodes);
function replacedStyledCharsToString(chars) {`,
        ),
      );
    if (speed('styled-chars'))
      edit(/[\\/]ink[\\/]build[\\/]output\.js$/, (source, file) => {
        const contents = patch(
          source,
          file,
          'const output = [];',
          "const output = [];\n        const blank = { type: 'char', value: ' ', fullWidth: false, styles: [] };",
        );
        return patch(
          contents,
          file,
          `row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
          'row.push(blank);',
        );
      });
    // Ink's text libraries each make an Intl.Segmenter when loaded, and the
    // first one starts ICU (~20 ms). src/bundle/segmenter.ts answers for
    // plain text without it. Registered after the patches above, which call
    // withQuickSegmenter themselves.
    if (speed('segmenter'))
      edit(/[\\/]node_modules[\\/].*\.m?js$/, (source, file) =>
        source.includes(SEGMENTER) ? withQuickSegmenter(source, file) : undefined,
      );
    // wrap-ansi (Ink's wrapping and truncation) carries string-width 7, which
    // builds the whole emoji regex afresh for every non-ASCII character it
    // measures — and the drawing is all box characters. string-width 8 above
    // has the same API; use the one copy. It answers the same except on 958
    // BMP code units (lone combining marks, text-style emoji such as © and
    // ▶), where 8 is what Ink measures its layout with: a fix too
    // (test/bundle/patches.test.ts).
    if (speed('one-string-width'))
      b.onResolve({ filter: /^string-width$/ }, ({ importer }) => {
        if (!/[\\/]node_modules[\\/]wrap-ansi[\\/]/.test(importer)) return undefined;
        return { path: fileURLToPath(new URL('../node_modules/string-width/index.js', import.meta.url)) };
      });
  },
};

// import() inside a vm.Script needs an experimental Node option (and prints
// a warning), so no import() may survive in the bundle. esbuild turns import()
// of bundled code into a lazy require; give it a bundled stand-in for
// built-in modules too.
export const builtinDynamicImports = {
  name: 'builtin-dynamic-imports',
  setup(b) {
    b.onResolve({ filter: /^[a-z:_/]+$/ }, (args) =>
      args.kind === 'dynamic-import' && isBuiltin(args.path) ? { path: args.path, namespace: 'builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, ({ path: name }) => ({
      contents: `export * from ${JSON.stringify(name)};\nexport { default } from ${JSON.stringify(name)};\n`,
      loader: 'js',
    }));
  },
};

const BANNER = 'var __gtImportMetaUrl = require("node:url").pathToFileURL(__filename).href;';

/**
 * esbuild starts the bundle with "use strict", as the ES modules in it were
 * written for; the banner comes before it, which made the directive a plain
 * string and the whole bundle sloppy code. Put the directive first again.
 */
function strictFirst(text) {
  const sloppy = `${BANNER}\n"use strict";\n`;
  if (!text.startsWith(sloppy))
    throw new Error('build: the bundle no longer starts with the banner and "use strict"; revisit strictFirst in scripts/build.mjs');
  return `"use strict";\n${BANNER}\n${text.slice(sloppy.length)}`;
}

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: false,
  legalComments: 'none',
  define: {
    'process.env.NODE_ENV': '"production"',
    GRAD_TUTOR_VERSION: JSON.stringify(pkg.version),
    // The sources find scenarios/ and package.json from import.meta.url,
    // which CommonJS lacks; the banner derives it from __filename.
    'import.meta.url': '__gtImportMetaUrl',
  },
  banner: { js: BANNER },
  alias: { 'react-devtools-core': stub },
  plugins: [dependencyPatches, builtinDynamicImports],
  logLevel: 'warning',
};

/**
 * Bundle `entry` into `outfile`, made to fit bin/grad-tutor.js's loader. It
 * decodes the bundle as Latin-1, several times faster than UTF-8 at this size,
 * so the bundle must be ASCII: esbuild already escapes non-ASCII characters in
 * code, only comments keep them, where an escape is as good. And it runs it as
 * a vm.Script, where import() fails.
 */
async function bundle(entry, outfile) {
  mkdirSync(path('dist/'), { recursive: true });
  writeFileSync(stub, 'export default { connectToDevTools() {}, initialize() {} };\n');
  // A string, parsed when first needed (src/scenario/load.ts).
  const scenarios = JSON.stringify(JSON.stringify(await compileScenarios()));
  const options = { ...common, define: { ...common.define, GRAD_TUTOR_SCENARIOS: scenarios } };
  const { outputFiles } = await build({ ...options, entryPoints: [path(entry)], outfile: path(outfile), write: false });
  const shared = speed('shared-namespaces') ? sharedNamespaces : (code) => code;
  const text = strictFirst(
    shared(outputFiles[0].text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)),
  );
  const dynamicImport = /(?<![\w$.])import\(\s*[^\s)]*/.exec(text);
  if (dynamicImport)
    throw new Error(`build: ${outfile} would contain "${dynamicImport[0]}"; import() cannot run in a vm.Script — import it statically`);
  // bin/grad-tutor.js keys its code cache on this line rather than hash 1.4 MB at every start.
  const id = createHash('sha256').update(text).digest('hex').slice(0, 8);
  writeAtomically(path(outfile), `// grad-tutor build ${id}\n${text}`);
}

/**
 * esbuild gives every `import` of a CommonJS module (React, the reconciler,
 * ...) a namespace object of its own, copying each export as a getter: 79
 * copies, ~7 ms of the start. The module's exports are the same object every
 * time, so one namespace per module and mode serves every importer. A module
 * still loading (a require cycle) can gain exports later: then its count of
 * properties has changed, and a fresh copy is made.
 */
export function sharedNamespaces(text) {
  const start = text.indexOf('var __toESM = ');
  const end = text.indexOf('\n));\n', start);
  if (start < 0 || end < 0) throw new Error("build: esbuild's __toESM helper has changed; revisit sharedNamespaces in scripts/build.mjs");
  const at = end + '\n));\n'.length;
  const shared = `var __gtNamespaces = new WeakMap();
var __gtToESMCopy = __toESM;
__toESM = (mod, isNodeMode) => {
  if (mod === null || (typeof mod !== "object" && typeof mod !== "function")) return __gtToESMCopy(mod, isNodeMode);
  const count = __getOwnPropNames(mod).length;
  const mode = isNodeMode ? "node" : "esm";
  let made = __gtNamespaces.get(mod);
  if (!made) __gtNamespaces.set(mod, made = {});
  if (made[mode]?.count !== count) made[mode] = { count, namespace: __gtToESMCopy(mod, isNodeMode) };
  return made[mode].namespace;
};
`;
  return text.slice(0, at) + shared + text.slice(at);
}

/**
 * Parse scenarios/*.yaml with the project's own loader, so the bundle can
 * carry them ready-made (see src/scenario/load.ts). A scenario that does not
 * load fails the build.
 */
async function compileScenarios() {
  const { outputFiles } = await build({
    stdin: {
      contents: "export { parseScenario } from './src/scenario/index.ts'; export { bundledScenarios } from './src/catalog.ts';",
      resolveDir: path('.'),
      loader: 'ts',
    },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'warning',
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(path('src/catalog.ts')).href) },
  });
  const loader = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(loader, loader.exports, createRequire(import.meta.url));
  const { parseScenario, bundledScenarios } = loader.exports;
  return bundledScenarios().map(({ file }) => {
    const text = readFileSync(file, 'utf8');
    const { file: _where, ...scenario } = parseScenario(text, file);
    return { text, scenario };
  });
}

/** Tests may be starting the CLI while it is rebuilt: never let them read half a file. */
function writeAtomically(file, text) {
  writeFileSync(`${file}.${process.pid}.tmp`, text);
  renameSync(`${file}.${process.pid}.tmp`, file);
}

// Imported (by the render bench, for the same patches), it only lends its plugins.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // GRAD_TUTOR_BUILD_OUT: somewhere else than dist/, for a bench's variant build.
  await bundle('src/main.ts', process.env.GRAD_TUTOR_BUILD_OUT ?? 'dist/cli.cjs');
}
