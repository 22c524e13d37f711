import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
// The loader's rule, so a bundled id and a loaded scenario's id never disagree.
import { scenarioId } from './scenario/load.js';

/**
 * The bundled scenarios. Both the source (src/catalog.ts) and the bundle
 * (dist/cli.cjs) sit one folder below the package root, beside scenarios/.
 */
export const SCENARIO_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));

const SCENARIO_FILE = /\.(ya?ml|json)$/i;

export interface CatalogEntry {
  id: string;
  file: string;
}

export function bundledScenarios(dir = SCENARIO_DIR): CatalogEntry[] {
  return readdirSync(dir)
    .filter((name) => SCENARIO_FILE.test(name))
    .sort()
    .map((name) => ({ id: scenarioId(name), file: join(dir, name) }));
}

/** An id of a bundled scenario, or else a path to a file. */
export function resolveScenario(idOrPath: string, dir = SCENARIO_DIR): string {
  return bundledScenarios(dir).find((entry) => entry.id === idOrPath)?.file ?? idOrPath;
}
