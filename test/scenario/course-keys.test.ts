import { describe, expect, it } from 'vitest';
import { errorOf, expectError } from '../helpers/scenario-errors.js';
import { parseScenario } from '../../src/scenario/index.js';
import { buildLesson } from '../../src/lesson/index.js';
import { runCli } from '../helpers/run-cli.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** f(x) = 3x² − 4x + 5 at x = 3; `tail` starts on line 6. */
const curve = (tail: string): string => `title: T\ninputs:\n  x: 3\nnodes:\n  f: 3 * x ^ 2 - 4 * x + 5\n${tail}`;
/** a = 1, b = a + a, c = b + b; `tail` starts on line 7. */
const doubled = (tail: string): string => `title: T\ninputs:\n  a: 1\nnodes:\n  b: a + a\n  c: b + b\n${tail}`;

describe('slope', () => {
  it('reads of, h and backward; h defaults to 1, 0.1, 0.01, 0.001 and backward to false', () => {
    expect(parseScenario(curve('slope:\n  of: x\n'), 'f.yaml').slope).toEqual({ of: 'x', h: [1, 0.1, 0.01, 0.001], backward: false });
    expect(parseScenario(curve('slope: {of: x, h: [0.5, 0.25], backward: true}\n'), 'f.yaml').slope).toEqual({
      of: 'x',
      h: [0.5, 0.25],
      backward: true,
    });
    expect(parseScenario(curve(''), 'f.yaml').slope).toBeUndefined();
  });

  it('with backward: true the lesson goes on from the slope to the chain rule', () => {
    const phases = buildLesson(parseScenario(curve('slope: {of: x, h: [0.1], backward: true}\n'), 'f.yaml')).steps.map((s) => s.phase);
    expect([...new Set(phases)]).toEqual(['overview', 'forward', 'slope', 'seed', 'backward', 'check', 'nudge', 'summary']);
  });

  it('each mistake at its line and column', () => {
    expectError(curve('slope:\n'), 6, 1, /^`slope` is empty$/);
    expectError(curve('slope: x\n'), 6, 8, /^`slope` must be a mapping of settings$/);
    expectError(curve('slope:\n  of: y\n'), 7, 7, /^`of` in `slope` names `y`, which is not an input$/);
    expectError(curve('slope:\n  h: [0.1]\n'), 6, 1, /^`slope` does not say which input to nudge$/);
    expectError(curve('slope:\n  of: x\n  hh: [1]\n'), 8, 3, /^unknown key `hh` in `slope` \(did you mean `h`\?\)$/);
    expectError(curve('slope:\n  of: x\n  h: 0.1\n'), 8, 6, /^`h` in `slope` must be a list of nudges$/);
    expectError(curve('slope:\n  of: x\n  h: []\n'), 8, 6, /^`h` in `slope` lists no nudges$/);
    expectError(curve('slope:\n  of: x\n  h: [1, 0, 0.1]\n'), 8, 10, /^a nudge in `h` is 0, not above 0$/);
    expectError(curve('slope:\n  of: x\n  h: [1, big]\n'), 8, 10, /^a nudge in `h` must be a number, not `big`$/);
    expectError(curve(`slope:\n  of: x\n  h: [${Array(13).fill(1).join(', ')}]\n`), 8, 6, /^`h` in `slope` lists 13 nudges, more than 12$/);
    expectError(curve('slope:\n  of: x\n  backward: yes\n'), 8, 13, /^`backward` in `slope` must be true or false, not `yes`$/);
    expectError(curve('slope:\n  of:\n'), 7, 3, /^`of` in `slope` is empty$/);
  });
});

describe('wrong_order', () => {
  it('names the node that passes its gradient on too early', () => {
    expect(parseScenario(doubled('wrong_order: b\n'), 'f.yaml').wrongOrder).toBe('b');
  });

  it('each mistake at its line and column', () => {
    expectError(doubled('wrong_order:\n'), 7, 1, /^`wrong_order` is empty$/);
    expectError(doubled('wrong_order: q\n'), 7, 14, /^`wrong_order` names `q`, which is not a node$/);
    expectError(doubled('wrong_order: a\n'), 7, 14, /^`wrong_order` names `a`, which is an input and passes no gradient on$/);
    expectError(doubled('wrong_order: c\n'), 7, 14, /^`c` is used only once, so no order of the backward pass can change its gradient$/);
    expectError(
      doubled('slope:\n  of: a\nwrong_order: b\n'),
      9,
      1,
      /^`wrong_order` replays the backward pass, which this lesson ends before$/,
    );
  });

  it('the fix names the nodes that can be early', () => {
    expect(errorOf(doubled('wrong_order: c\n')).fix).toBe('name `b`');
  });

  it('check prints the sentence with file:line:col and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'course-keys-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, doubled('wrong_order: c\n'));
    const { code, stderr } = await runCli(['check', file]);
    expect(code).toBe(2);
    expect(stderr).toBe(`${file}:7:14: \`c\` is used only once, so no order of the backward pass can change its gradient — name \`b\`.\n`);
  });
});

describe('a section of settings that is empty or no mapping', () => {
  it('names its first setting, with the input, and the others it may take (slope and train alike)', () => {
    expect(errorOf(curve('slope:\n')).fix).toBe('give at least `of: x` indented below it, or remove the key');
    expect(errorOf(curve('slope: [1]\n')).fix).toBe('write `of: x` (and optionally `h:`, `backward:`) indented below `slope:`');
    expect(errorOf(curve('train:\n')).fix).toBe('give at least `steps: 20` indented below it, or remove the key');
    expect(errorOf(curve('train: 5\n')).fix).toBe('write `steps: 20` (and optionally `rate:`, `zero_grad:`) indented below `train:`');
  });
});
