/**
 * Every export of every hostile file (see hostile-corpus.ts) stays inert: the
 * scripts run with python3 in an empty folder, write nothing there and print
 * what a plain file's script prints; the handout holds no markup from file
 * text; DOT and Mermaid parse and never carry it.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'commonmark';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleLine } from '../../src/io/visible.js';
import { runCli } from '../helpers/run-cli.js';
import { NODE_NAMES, hostileScenario, writeCorpus, type HostileFile } from './hostile-corpus.js';
import { pythonWith } from './run-python.js';

const python = spawnSync('python3', ['--version']).status === 0 ? 'python3' : null;
if (!python) console.log('Hostile export tests SKIPPED for the scripts: there is no python3 here to run them.');
const torchPython = pythonWith('torch');
if (!torchPython) console.log('Hostile PyTorch scripts SKIPPED: no Python here imports torch (apt-get install -y python3-torch).');

const root = mkdtempSync(join(tmpdir(), 'gt-hostile-'));
const corpus = writeCorpus(join(root, 'files'));
const plainFile = join(root, 'plain.yaml');
writeFileSync(plainFile, hostileScenario('Plain title'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Exported {
  python: string;
  pytorch: string;
  markdown: string;
  quiz: string;
  dot: string;
  mermaid: string;
}

async function exportAll(file: string): Promise<Exported> {
  const run = async (args: string[]) => {
    const { code, stdout, stderr } = await runCli(args);
    expect({ code, stderr }, `${args.join(' ')}`).toEqual({ code: 0, stderr: '' });
    return stdout;
  };
  return {
    python: await run(['export', file, '--format', 'python']),
    pytorch: await run(['export', file, '--format', 'pytorch']),
    markdown: await run(['export', file, '--format', 'markdown']),
    quiz: await run(['export', file, '--format', 'markdown', '--quiz']),
    dot: await run(['graph', file, '--format', 'dot']),
    mermaid: await run(['graph', file, '--format', 'mermaid']),
  };
}

/** Runs a script as `python3 script.py` from a fresh empty folder: what it printed, how it exited, what it left there. */
function runInEmptyFolder(interpreter: string, script: string) {
  const scripts = mkdtempSync(join(root, 'script-'));
  const path = join(scripts, 'lesson.py');
  writeFileSync(path, script);
  const cwd = mkdtempSync(join(root, 'empty-'));
  const ran = spawnSync(interpreter, [path], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: ran.status, stdout: ran.stdout, stderr: ran.stderr, left: readdirSync(cwd) };
}

let plain: Exported;
const exported = new Map<HostileFile, Exported>();
const baseline = new Map<HostileFile, Exported>();

beforeAll(async () => {
  plain = await exportAll(plainFile);
  for (const f of corpus) {
    exported.set(f, await exportAll(f.file));
    baseline.set(f, await exportAll(f.baseline));
  }
}, 120_000);

const cases = corpus.map((f) => [f.name, f] as const);

describe.skipIf(!python)('the plain-Python script of a hostile file, run with python3 in an empty folder', () => {
  let expected: string;
  beforeAll(() => {
    const ran = runInEmptyFolder(python!, plain.python);
    expect(ran.status).toBe(0);
    expected = ran.stdout;
  });

  it.each(cases)('%s: writes nothing, exits 0, prints what the plain file prints', (_name, f) => {
    const ran = runInEmptyFolder(python!, exported.get(f)!.python);
    expect(ran.left).toEqual([]);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(ran.stdout).toBe(expected);
  });
});

describe.skipIf(!torchPython)('the PyTorch script of a hostile file, run in an empty folder', () => {
  // One Python for all of them (torch takes seconds to import), reading each file as bytes, as `python3 file` does,
  // so that a coding declaration would take effect.
  const DRIVER = `
import contextlib, io, json, sys, traceback
results = []
for path in sys.argv[1:]:
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(open(path, 'rb').read(), path, 'exec'), {'__name__': '__main__'})
        results.append({'stdout': out.getvalue()})
    except BaseException:
        results.append({'stdout': out.getvalue(), 'error': traceback.format_exc()})
sys.stdout.write(json.dumps(results))
`;
  let results: { stdout: string; error?: string }[];
  let left: string[];
  beforeAll(() => {
    const scripts = mkdtempSync(join(root, 'torch-'));
    const paths = [plain, ...corpus.map((f) => exported.get(f)!)].map((e, k) => {
      const path = join(scripts, `lesson-${k}.py`);
      writeFileSync(path, e.pytorch);
      return path;
    });
    const cwd = mkdtempSync(join(root, 'empty-'));
    const ran = spawnSync(torchPython!, ['-c', DRIVER, ...paths], { cwd, encoding: 'utf8', maxBuffer: 1 << 26, timeout: 300_000 });
    expect(ran.status, ran.stderr).toBe(0);
    results = JSON.parse(ran.stdout) as typeof results;
    left = readdirSync(cwd);
  }, 300_000);

  it('none of them wrote anything', () => expect(left).toEqual([]));

  it.each(cases.map(([name, f], k) => [name, f, k + 1] as const))('%s: runs and prints what the plain file prints', (_name, _f, k) => {
    expect(results[k].error).toBeUndefined();
    expect(results[k].stdout).toBe(results[0].stdout);
  });
});

describe('the scripts of a hostile file, as text', () => {
  it.each(cases)('%s: lines 1 and 2 are fixed, and no line declares an encoding', (_name, f) => {
    for (const script of [exported.get(f)!.python, exported.get(f)!.pytorch]) {
      const lines = script.split('\n');
      expect(lines.slice(0, 2)).toEqual(['#!/usr/bin/env python3', '# -*- coding: utf-8 -*-']);
      expect(lines.slice(2).filter((line) => /coding[:=]/.test(line))).toEqual([]);
      expect(script).not.toMatch(/[\r\u2028\u2029\u0085\u000b\u000c\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff\u061c\u001b]/);
    }
  });
});

/** How many of each kind of node CommonMark reads in the document. */
function kinds(markdown: string): Record<string, number> {
  const count: Record<string, number> = {};
  const walker = new Parser().parse(markdown).walker();
  for (let step = walker.next(); step; step = walker.next()) {
    if (step.entering && step.node.type !== 'text' && step.node.type !== 'softbreak')
      count[step.node.type] = (count[step.node.type] ?? 0) + 1;
  }
  return count;
}

describe('the handout of a hostile file, read by CommonMark', () => {
  it.each(cases)('%s: the same blocks and inlines as without punctuation: no html, link, image or fence from file text', (_name, f) => {
    const { markdown, quiz } = exported.get(f)!;
    const read = kinds(markdown);
    for (const markup of ['html_inline', 'html_block', 'link', 'image', 'block_quote', 'thematic_break', 'emph'])
      expect(read[markup], markup).toBeUndefined();
    expect(read).toEqual(kinds(baseline.get(f)!.markdown));
    expect(kinds(quiz)).toEqual(kinds(baseline.get(f)!.quiz));
  });

  it.each(cases)('%s: the title reads back exactly, made visible', (_name, f) => {
    const doc = new Parser().parse(exported.get(f)!.markdown);
    const heading = doc.firstChild!;
    expect(heading.type).toBe('heading');
    let text = '';
    const walker = heading.walker();
    for (let step = walker.next(); step; step = walker.next()) if (step.entering && step.node.literal) text += step.node.literal;
    const title = f.name.startsWith('the file name') ? 'Plain title' : f.trick;
    expect(text).toBe(visibleLine(title).trim());
  });

  it.each(cases)('%s: no directive, attribute list or math outside a code block', (_name, f) => {
    let fence: string | null = null;
    for (const line of exported.get(f)!.markdown.split('\n')) {
      const opens = /^(`{3,})/.exec(line)?.[1];
      if (fence === null && opens) fence = opens;
      else if (fence !== null && line === fence) fence = null;
      else if (fence === null) expect(line).not.toMatch(/(^|[^\\])(::|[{}$])/);
    }
  });
});

describe('DOT and Mermaid of a hostile file', () => {
  it.each(cases)('%s: the same text as the plain file: names and numbers, never file text', (_name, f) => {
    expect(exported.get(f)!.dot).toBe(plain.dot);
    expect(exported.get(f)!.mermaid).toBe(plain.mermaid);
  });
});

describe("show's transcript of a hostile file", () => {
  it.each(cases)('%s: no control, bidi or zero-width character reaches the terminal', async (_name, f) => {
    const { code, stdout } = await runCli(['show', f.file]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(
      /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff\u061c]/,
    );
  });
});

describe('a hostile node name', () => {
  it.each(NODE_NAMES)('%j is refused in one sentence naming file:line:col, exit 2', async (name) => {
    const file = join(root, `name-${NODE_NAMES.indexOf(name)}.yaml`);
    writeFileSync(file, `title: t\ninputs:\n  a: 2\nnodes:\n  ${JSON.stringify(name)}: a * 2\n`);
    const { code, stdout, stderr } = await runCli(['export', file, '--format', 'python']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:3: `));
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
