import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { sources, SRC } from './helpers/sources.js';

const src = SRC;

/** The modules a file imports whose path names progress, as written. */
const progressImports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from '([^']*progress[^']*)'/g)].map((m) => m[1]);

describe('the progress file has one owner, src/progress/', () => {
  const files = sources(src).map((file) => ({ file, name: relative(src, file) }));

  it('everything else reads it through src/progress/index.ts', () => {
    const outside = files.filter(({ name }) => !name.startsWith('progress/'));
    const reaching = outside.flatMap(({ file, name }) =>
      progressImports(file)
        .filter((from) => !from.endsWith('progress/index.js'))
        .map((from) => `${name} imports ${from}`),
    );
    expect(reaching).toEqual([]);
    // The scan sees the imports it is meant to: the session keeps the steps seen through the format's own functions.
    expect(outside.some(({ file }) => progressImports(file).includes('../progress/index.js'))).toBe(true);
  });

  it('only format.ts turns a record into the file’s text or back', () => {
    const json = files.filter(
      ({ name, file }) => name.startsWith('progress/') && /JSON\.(parse|stringify)/.test(readFileSync(file, 'utf8')),
    );
    expect(json.map(({ name }) => name)).toEqual(['progress/format.ts']);
  });
});
