/**
 * Golden files: the expected text lives in test/layout/golden/. Run with
 * UPDATE_GOLDEN=1 to write them after a deliberate change, then read the diff.
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');

export function expectGolden(file: string, actual: string): void {
  const path = join(DIR, file);
  const text = actual.endsWith('\n') ? actual : `${actual}\n`;
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return;
  }
  if (!existsSync(path)) throw new Error(`no golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run test/layout`);
  expect(text).toBe(readFileSync(path, 'utf8'));
}
