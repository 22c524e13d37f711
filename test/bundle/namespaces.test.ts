// scripts/build.mjs makes esbuild's CommonJS-to-ESM namespaces shared per
// module (sharedNamespaces). A small bundle shows both halves of the rule:
// importers of a loaded module share one namespace, and a module imported in
// the middle of a require cycle is copied afresh once it has more exports.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { sharedNamespaces } from '../../scripts/build.mjs';
import { ROOT } from '../e2e/pty.js';

interface Fixture {
  same: boolean;
  value: number;
  late: () => Promise<number>;
}

async function bundle(transform: (text: string) => string): Promise<Fixture> {
  const { outputFiles } = await build({
    entryPoints: [join(ROOT, 'test/fixtures/namespaces/entry.mjs')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const module = { exports: {} as { same: boolean; value: number; late: Promise<number> } & Record<string, unknown> };
  new Function('module', 'exports', 'require', transform(outputFiles[0].text))(module, module.exports, createRequire(import.meta.url));
  const { same, value } = module.exports;
  return { same, value, late: () => Promise.resolve(module.exports.late) };
}

describe('shared namespaces in the bundle', () => {
  it('gives every importer of a module the same namespace, with the same values', async () => {
    const plain = await bundle((text) => text);
    const shared = await bundle(sharedNamespaces);
    expect(plain.same).toBe(false);
    expect(shared.same).toBe(true);
    expect(shared.value).toBe(42);
  });

  it('copies a module afresh once a require cycle has let it gain exports', async () => {
    expect(await (await bundle(sharedNamespaces)).late()).toBe(2);
    expect(await (await bundle((text) => text)).late()).toBe(2);
  });

  it('fails the build loudly if esbuild no longer writes the helper it replaces', () => {
    expect(() => sharedNamespaces('var x = 1;')).toThrow(/__toESM helper has changed/);
  });
});
