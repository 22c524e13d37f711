import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { sources, SRC } from './helpers/sources.js';

const src = SRC;

/** The files that declare each interface, type, class or enum, by its name. */
function declaredTypes(): Map<string, string[]> {
  const where = new Map<string, string[]>();
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    const names = new Set([...text.matchAll(/^(?:export )?(?:declare )?(?:interface|type|class|enum) (\w+)/gm)].map((m) => m[1]));
    for (const name of names) where.set(name, [...(where.get(name) ?? []), relative(src, file)]);
  }
  return where;
}

describe('type names', () => {
  it('each name means one thing: no interface or type is declared in two files', () => {
    const twice = [...declaredTypes()].filter(([name, files]) => files.length > 1);
    expect(twice).toEqual([]);
  });

  it('the scan finds the types it is meant to (so the check above can fail)', () => {
    const found = declaredTypes();
    expect(found.get('Progress')?.length).toBe(1);
    expect(found.get('Layout')).toEqual(['layout/types.ts']);
    // The training settings (a scenario's `train:`) and the run made with them: two names, one file each.
    expect(found.get('TrainSettings')).toEqual(['engine/train.ts']);
    expect(found.get('Training')).toEqual(['lesson/phases/train.ts']);
  });
});
