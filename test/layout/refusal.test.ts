import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { skipScenario } from '../../bench/graphs.js';
import { main } from '../../src/cli.js';
import { openLesson } from '../../src/course.js';
import { toMarkdown } from '../../src/export/markdown.js';
import { MAX_LAYOUT_PIECES, tooLargeToLayOut } from '../../src/layout/index.js';
import { parseScenario } from '../../src/scenario/index.js';
import { runCli } from '../helpers/run-cli.js';

// 1,000 inputs summed, 1,000 tanh nodes, then each input added again: 3,999 nodes, and each input's line crosses
// 2,000 layers (all but x1, whose last use comes one layer sooner): 1,000 × 2,000 − 1 = 1,999,999 dummies, which
// would take minutes and gigabytes to lay out. Refused from the layers alone, this test is quick; laid out, it would not be.
const SKIPS = skipScenario(1_000, 1_000);
const PIECES = '2,003,998';
const file = join(mkdtempSync(join(tmpdir(), 'grad-tutor-refusal-')), 'skips.yaml');
writeFileSync(file, SKIPS);

describe('a graph whose layout would be too large', () => {
  it('is refused from its layers, with the count of its pieces', () => {
    const { graph } = parseScenario(SKIPS, 'skips.yaml');
    expect(graph.nodes).toHaveLength(1_000 + 999 + 1_000 + 1_000);
    expect(tooLargeToLayOut(graph)).toBe(
      `its drawing would be ${PIECES} boxes and pieces of line (one for each layer a line crosses), more than 800,000`,
    );
    expect(MAX_LAYOUT_PIECES).toBe(800_000);
    // 4 inputs past 6 layers: 17 nodes and 4 × 10 − 1 dummies are well under it.
    expect(tooLargeToLayOut(parseScenario(skipScenario(4, 6), 's.yaml').graph, true)).toBeUndefined();
  });

  it('graph: one sentence naming the file and the formats that can, exit 2', async () => {
    const { code, stdout, stderr } = await runCli(['graph', file]);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe(
      `${file}: its drawing would be ${PIECES} boxes and pieces of line (one for each layer a line crosses), more than 800,000 — use --format dot or --format mermaid for a graph this large.\n`,
    );
  });

  it('the handout: says why the drawing is left out, and keeps its steps', () => {
    const handout = toMarkdown(parseScenario(SKIPS, 'skips.yaml'));
    expect(handout).toContain(`The graph is not drawn here: its drawing would be ${PIECES} boxes and pieces of line`);
    expect(handout).not.toContain('╭─');
    // Every backward step is still there, one per edge: 2 into each of the 999 first sums and the 1,000 last, 1 into each tanh.
    expect(handout.match(/^### \d+\. Backward: /gm)?.length).toBe(2 * 999 + 2 * 1_000 + 1_000);
  });

  it('the tutor: the file prompt, the menu and a resumed lesson get one sentence', () => {
    const opened = openLesson({ kind: 'file', path: file });
    expect(opened).toEqual({
      error: `${file}: its drawing would be ${PIECES} boxes and pieces of line (one for each layer a line crosses), more than 800,000 — the tutor cannot draw it; split it into smaller scenarios, or see it with "grad-tutor show" or "grad-tutor graph --format dot".`,
    });
  });

  it('the tutor from the command line: the same sentence, exit 2, before a frame is drawn', async () => {
    let stdout = '';
    let stderr = '';
    const terminal = <T extends Readable | Writable>(stream: T) => Object.assign(stream, { isTTY: true, columns: 80, rows: 24 });
    const code = await main([file], {
      stdout: terminal(new Writable({ write: (chunk, _e, done) => ((stdout += String(chunk)), done()) })),
      stderr: new Writable({ write: (chunk, _e, done) => ((stderr += String(chunk)), done()) }),
      stdin: terminal(Readable.from([])),
      env: { TERM: 'xterm-256color' },
    });
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain(`${file}: its drawing would be ${PIECES} boxes and pieces of line`);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
