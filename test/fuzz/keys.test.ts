// The short form of the key fuzz (`npm run fuzz -- --keys` runs it for longer): random keys, escape
// sequences, bursts and resizes into the built tutor, which must neither crash nor print an error.
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../e2e/pty.js';
import { keyRun } from './key-run.js';

describe('random keys into the interactive tutor', () => {
  beforeAll(() => assertBuilt());

  it('four seconds of keys, escape sequences and resizes: no crash', { timeout: 30_000 }, async () => {
    const report = await keyRun({ seed: 0x6b657973, ms: 4_000 });
    expect(report.crash).toBeUndefined();
    // The run really sent something: a run that sent nothing would pass too.
    expect(report.bursts).toBeGreaterThan(100);
    expect(report.resizes).toBeGreaterThan(3);
  });
});
