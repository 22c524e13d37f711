import { describe, expect, it } from 'vitest';
import { errorOf, expectError } from '../helpers/scenario-errors.js';
import { ScenarioError, loadScenarioFile, parseScenario } from '../../src/scenario/index.js';

/** A valid scenario around `nodes` (indented by two), with inputs a and b. */
const withNodes = (nodes: string, tail = ''): string => `title: T\ninputs:\n  a: 1\n  b: 2\nnodes:\n${nodes}${tail}`;
// In withNodes, the first node is on line 6 and its expression (after `  z: `) starts at column 6.

describe('YAML syntax and file shape', () => {
  it('turns a YAML syntax error into our sentence', () => {
    expectError('title: T\ninputs:\n\ta: 1\n', 3, 1, /tab indents/);
    expectError('title: "T\ninputs: {}\n', 1, 8, /^this `"` is never closed$/);
    expectError(withNodes("  z: 'a + b\n  y: a\n"), 6, 6, /^this `'` is never closed$/);
    expectError('title: T\ninputs: {a: 1\nnodes: {z: a * 2}\n', 2, 9, /^this `\{` is never closed$/);
    expectError('{"title": "T", "inputs": {"a": 1}', 1, 1, /^this `\{` is never closed$/);
    expectError('title: [T\n', 1, 8, /^this `\[` is never closed$/);
    expectError(withNodes('  z: a: b\n'), 6, 6, /YAML cannot read this line/);
    expectError(withNodes('  z: @a\n'), 6, 6, /reserved character @/);
    expectError('title: T\n---\ntitle: U\n', 2, 1, /more than one YAML document/);
  });

  it.each(['', '   \n\n', '# a comment\n# another\n', '---\n'])('says %j is empty, at 1:1', (text) => {
    expectError(text, 1, 1, /^the file is empty$/);
  });

  it('wants a mapping at the top', () => {
    expectError('- a\n- b\n', 1, 1, /must be a mapping/);
    expectError('# intro\n\njust some text\n', 3, 1, /must be a mapping/);
  });

  it.each(['title', 'inputs', 'nodes'])('says `%s` is missing, at 1:1', (key) => {
    const all: Record<string, string> = { title: 'title: T\n', inputs: 'inputs:\n  a: 1\n', nodes: 'nodes:\n  z: a * 2\n' };
    const text = ['title', 'inputs', 'nodes']
      .filter((k) => k !== key)
      .map((k) => all[k])
      .join('');
    const error = expectError(`# comment\n${text}`, 1, 1, new RegExp(`^the key \`${key}\` is missing$`));
    expect(error.fix).toContain(`${key}:`);
  });

  it('rejects an unknown key, suggesting the closest known one', () => {
    const error = expectError('title: T\ninputs:\n  a: 1\nnode:\n  z: a * 2\n', 4, 1, /^unknown key `node` \(did you mean `nodes`\?\)$/);
    expect(error.fix).toBe('use only title, description, inputs, nodes, output, notes, params, examples, slope, wrong_order, nudge, train');
    expectError(withNodes('  z: a * 2\n', 'colour: red\n'), 7, 1, /^unknown key `colour`$/);
  });

  it('rejects a key given twice at the second one', () => {
    expectError('title: T\ntitle: U\ninputs:\n  a: 1\nnodes:\n  z: a * 2\n', 2, 1, /`title` is given twice/);
  });
});

describe('title and description', () => {
  it('wants the title to be text', () => {
    expectError('title: 42\ninputs:\n  a: 1\nnodes:\n  z: a * 2\n', 1, 8, /^`title` must be text$/);
    expectError('title: [a, b]\ninputs:\n  a: 1\nnodes:\n  z: a * 2\n', 1, 8, /^`title` must be text$/);
    expectError('title:\ninputs:\n  a: 1\nnodes:\n  z: a * 2\n', 1, 1, /^`title` is empty$/);
    expectError('title: ""\ninputs:\n  a: 1\nnodes:\n  z: a * 2\n', 1, 8, /^`title` is empty$/);
  });

  it('wants a description to be text', () => {
    expectError('title: T\ndescription: {a: 1}\ninputs:\n  a: 1\nnodes:\n  z: a * 2\n', 2, 14, /^`description` must be text$/);
  });
});

describe('inputs and nodes sections', () => {
  it.each([
    ['inputs: 5\n', 2, 9, /^`inputs` must be a mapping of names$/],
    ['inputs:\n  - a: 1\n', 3, 3, /^`inputs` must be a mapping of names$/],
    ['inputs:\n', 2, 1, /^`inputs` is empty$/],
    ['inputs: {}\n', 2, 9, /^`inputs` has no entries$/],
  ])('rejects %j', (inputs, line, col, problem) => {
    expectError(`title: T\n${inputs}nodes:\n  z: a * 2\n`, line, col, problem);
  });

  it('tells how to fix a list under `inputs`', () => {
    expect(errorOf('title: T\ninputs:\n  - a: 1\nnodes:\n  z: a * 2\n').fix).toContain('drop the `- `');
  });

  it.each([
    ['nodes: a + b\n', 5, 8, /^`nodes` must be a mapping of names$/],
    ['nodes:\n', 5, 1, /^`nodes` is empty$/],
    ['nodes: {}\n', 5, 8, /^`nodes` has no entries$/],
  ])('rejects %j', (nodes, line, col, problem) => {
    expectError(`title: T\ninputs:\n  a: 1\n  b: 2\n${nodes}`, line, col, problem);
  });
});

describe('input values', () => {
  it.each([
    ['.inf', 3, 6, /^input `a` is \.inf, not a finite number$/],
    ['-.inf', 3, 6, /not a finite number/],
    ['.nan', 3, 6, /not a finite number/],
    ['"3"', 3, 6, /^input `a` is text, not a number$/],
    ['three', 3, 6, /^input `a` must be a number, not `three`$/],
    ['true', 3, 6, /must be a number, not `true`/],
    ['[1]', 3, 6, /must be a number, not `\[1\]`/],
    ['null', 3, 6, /^input `a` has no value$/],
    ['~', 3, 6, /^input `a` has no value$/],
    ['', 3, 3, /^input `a` has no value$/],
  ])('rejects a: %s', (value, line, col, problem) => {
    expectError(`title: T\ninputs:\n  a: ${value}\nnodes:\n  z: a * 2\n`, line, col, problem);
  });

  it('tells to drop the quotes around a number', () => {
    expect(errorOf('title: T\ninputs:\n  a: "3"\nnodes:\n  z: a * 2\n').fix).toBe('remove the quotes');
  });
});

describe('names', () => {
  it('rejects a name given twice, at the second', () => {
    expectError('title: T\ninputs:\n  a: 1\n  b: 2\n  a: 3\nnodes:\n  z: a * 2\n', 5, 3, /^`a` is given twice in `inputs`$/);
    expectError(withNodes('  z: a * 2\n  y: a + b\n  z: b * 2\n'), 8, 3, /^`z` is given twice in `nodes`$/);
  });

  it('rejects a node that reuses an input’s name, at the node', () => {
    const error = expectError(withNodes('  z: a * 2\n  b: a + 1\n'), 7, 3, /^`b` is already an input$/);
    expect(error.fix).toContain('share one set of names');
  });

  it.each([
    ['2x', /^`2x` is not a valid name$/, 'x2'],
    ['a-b', /^`a-b` is not a valid name$/, 'a_b'],
    ['"a b"', /^`a b` is not a valid name$/, 'a_b'],
    ['exp', /^`exp` is a function name, so it cannot name a value$/, 'exp_'],
  ])('rejects the input name %s', (name, problem, suggestion) => {
    const error = expectError(`title: T\ninputs:\n  ok: 1\n  ${name}: 1\nnodes:\n  z: ok * 2\n`, 4, 3, problem);
    expect(error.fix).toContain(`\`${suggestion}\``);
  });

  it('rejects an invalid node name', () => {
    expectError(withNodes('  z: a * 2\n  sigmoid: a + 1\n'), 7, 3, /`sigmoid` is a function name/);
    expectError(withNodes('  1: a * 2\n'), 6, 3, /^`1` is not a valid name$/);
  });
});

describe('expressions', () => {
  it('points at the offending character of a plain expression', () => {
    expectError(withNodes('  z: a + * b\n'), 6, 10, /after `\+`, found `\*`/);
  });

  it('points into quoted, folded and block expressions', () => {
    expectError(withNodes('  z: "a + * b"\n'), 6, 11, /found `\*`/);
    expectError(withNodes("  z: 'a + * b'\n"), 6, 11, /found `\*`/);
    expectError(withNodes('  z: a +\n    b + * a\n'), 7, 9, /found `\*`/);
    expectError(withNodes('  z: |\n    a +\n      b + * a\n'), 8, 11, /found `\*`/);
    expectError(withNodes('  z: >-\n    a + b\n    + * a\n'), 8, 7, /found `\*`/);
  });

  it('points into an expression in a JSON file', () => {
    const json = '{"title": "T",\n "inputs": {"a": 1},\n "nodes": {"z": "a +* 2"}}\n';
    expectError(json, 3, 21, /found `\*`/);
  });

  it('points just inside the quotes of an empty expression, and at an operator left hanging', () => {
    expectError(withNodes('  z: ""\n'), 6, 7, /^the expression is empty$/);
    expectError(withNodes("  z: '   '\n"), 6, 7, /^the expression is empty$/);
    expectError(withNodes('  z: a * (b -\n'), 6, 13, /^the expression ends after `-`$/);
  });

  it('counts columns after a byte-order mark as the editor shows them', () => {
    expectError('\uFEFFtitle: 42\ninputs:\n  a: 1\nnodes:\n  z: a * 2\n', 1, 8, /^`title` must be text$/);
    expectError('\uFEFFtitel: T\ninputs:\n  a: 1\nnodes:\n  z: a * 2\n', 1, 1, /^unknown key `titel`/);
  });

  it('counts columns on CRLF lines', () => {
    expectError('title: T\r\ninputs:\r\n  a: 1\r\nnodes:\r\n  z: a + * a\r\n', 5, 10, /found `\*`/);
  });

  it('points at an unclosed `(` and at an unmatched `)`', () => {
    expectError(withNodes('  z: a * (a + b\n'), 6, 10, /^this `\(` is never closed$/);
    expectError(withNodes('  z: a + b)\n'), 6, 11, /^this `\)` has no matching `\(`$/);
  });

  it('rejects an unknown name, suggesting a close one', () => {
    const text = 'title: T\ninputs:\n  alpha: 1\n  beta: 2\nnodes:\n  z: alpha * betta\n';
    const error = expectError(text, 6, 14, /^unknown name `betta` \(did you mean `beta`\?\)$/);
    expect(error.message).toContain('did you mean `beta`?');
    expect(error.fix).toContain('define `betta` under inputs or nodes');
    expectError(withNodes('  z: a * 2\n  y: z + gamma\n'), 7, 10, /^unknown name `gamma`$/);
    expectError(withNodes('  cc: c + a\n'), 6, 7, /^unknown name `c`$/);
  });

  it('rejects an unknown function, listing the ones there are', () => {
    expectError(withNodes('  z: a + sin(b)\n'), 6, 10, /^unknown function `sin`; the functions are tanh, exp, log, relu, sigmoid$/);
  });

  it('rejects a function called with the wrong number of arguments', () => {
    expectError(withNodes('  z: tanh(a, b)\n'), 6, 12, /^`tanh` takes exactly one argument$/);
    expectError(withNodes('  z: 1 + exp()\n'), 6, 14, /^`exp` needs one argument$/);
  });

  it('rejects a node that is only a name or only a number', () => {
    expectError(withNodes('  z: a\n'), 6, 6, /^node `z` is just `a`, not an operation$/);
    expectError(withNodes('  z: (b)\n'), 6, 7, /^node `z` is just `b`, not an operation$/);
    const error = expectError(withNodes('  z: 3\n'), 6, 6, /^node `z` is just the number 3, not an operation$/);
    expect(error.fix).toContain('`inputs`');
  });

  it('rejects a node without an expression, at its key', () => {
    expectError(withNodes('  z:\n'), 6, 3, /^node `z` has no expression$/);
    expectError(withNodes('  z: [a, b]\n'), 6, 6, /^the expression of `z` must be text$/);
  });

  it('rejects parentheses nested too deep, at the first one too deep', () => {
    const deep = `${'('.repeat(10_000)}a${')'.repeat(10_000)}`;
    expectError(withNodes(`  z: a * ${deep}\n`), 6, 10 + 200, /nest more than 200 deep/);
  });

  it('rejects a literal too large to be a number', () => {
    expectError(withNodes('  z: a * 1e999\n'), 6, 10, /the number `1e999` is too large/);
  });

  it('rejects a YAML alias with no anchor', () => {
    expectError(withNodes('  z: *b\n'), 6, 6, /`\*b` is a YAML alias with no anchor/);
  });
});

describe('cycles', () => {
  it('names the cycle from its first node in the file, and points at that node', () => {
    const error = expectError(withNodes('  c: d + 1\n  d: c * 2\n'), 6, 3, /cycle: c → d → c$/);
    expect(error.fix).toContain('no node needs its own value');
    // The walk enters this cycle at c (through z), but d comes first in the file.
    expectError(withNodes('  z: c + 1\n  d: c * 2\n  c: d + a\n'), 7, 3, /cycle: d → c → d$/);
  });

  it('calls a node that uses itself a cycle', () => {
    expectError(withNodes('  z: a + 1\n  c: c * 2\n'), 7, 3, /^`c` uses itself: c → c$/);
  });

  it('reads the cycle fixture from disk', () => {
    expect(() => loadScenarioFile('test/fixtures/bad/cycle.yaml')).toThrow(
      'test/fixtures/bad/cycle.yaml:6:3: these nodes depend on each other in a cycle: d → c → d — ',
    );
  });
});

describe('output, nudge and notes', () => {
  it('rejects an output that names no node, at its value', () => {
    const error = expectError(
      withNodes('  zed: a * 2\n', 'output: zeta\n'),
      7,
      9,
      /^`output` names `zeta`, which is not a node \(did you mean `zed`\?\)$/,
    );
    expect(error.fix).toBe('name one of the nodes: zed');
    expectError(withNodes('  z: a * 2\n', 'output: a\n'), 7, 9, /^`output` names `a`, which is not a node$/);
    expectError(withNodes('  z: a * 2\n', 'output:\n'), 7, 1, /^`output` is empty$/);
  });

  it.each([
    ['.nan', 7, 8, /^`nudge` is \.nan, not a finite number$/],
    ['.inf', 7, 8, /not a finite number/],
    ['"0.1"', 7, 8, /^`nudge` is text, not a number$/],
    ['fast', 7, 8, /^`nudge` must be a number, not `fast`$/],
    ['', 7, 1, /^`nudge` is empty$/],
  ])('rejects nudge: %s', (value, line, col, problem) => {
    expectError(withNodes('  z: a * 2\n', `nudge: ${value}\n`), line, col, problem);
  });

  it('rejects a note for an unknown node, at its key', () => {
    expectError(
      withNodes('  zed: a * 2\n', 'notes:\n  a: the first input\n  ze: typo\n'),
      9,
      3,
      /^a note for `ze`, which is no node \(did you mean `zed`\?\)$/,
    );
  });

  it('rejects notes that are not a mapping, or a note that is not text', () => {
    expectError(withNodes('  z: a * 2\n', 'notes: hello\n'), 7, 8, /^`notes` must be a mapping/);
    expectError(withNodes('  z: a * 2\n', 'notes:\n  z: [1]\n'), 8, 6, /^`z` must be text$/);
    expectError(withNodes('  z: a * 2\n', 'notes:\n  z: hi\n  z: again\n'), 9, 3, /^`z` is given twice in `notes`$/);
  });
});

describe('files', () => {
  it.each([
    ['nul-byte.yaml', /^this is not a text file/],
    ['latin1.yaml', /^this is not a text file/],
    ['empty.yaml', /^the file is empty$/],
    ['whitespace.yaml', /^the file is empty$/],
    ['comments-only.yaml', /^the file is empty$/],
  ])('rejects %s at 1:1', (name, problem) => {
    const path = `test/fixtures/bad/${name}`;
    try {
      loadScenarioFile(path);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      const e = error as ScenarioError;
      expect([e.file, e.line, e.col]).toEqual([path, 1, 1]);
      expect(e.problem).toMatch(problem);
      expect(e.message.startsWith(`${path}:1:1: `)).toBe(true);
    }
  });

  it('reports a missing file as a ScenarioError', () => {
    expect(() => loadScenarioFile('test/fixtures/bad/no-such-file.yaml')).toThrow(
      'test/fixtures/bad/no-such-file.yaml:1:1: cannot open the scenario: there is no such file — check the path.',
    );
  });
});

describe('what is not a load error', () => {
  it('loads arithmetic that leaves the reals', () => {
    const s = parseScenario(withNodes('  z: log(a - 5) + 1 / 0 + (0 - b) ^ 0.5\n'), 'f.yaml');
    expect(s.graph.output).toBe('z');
  });
});
