// A typed rule's check: how long judging one takes (parse, the names, nine points, the wrong rules tried), as
// the tutor does on every frame that shows an answered step's verdict and on each score. Figures, not a test.
//
//   npm run bench:rule (and at the end of npm run bench)
import { performance } from 'node:perf_hooks';
import { backprop } from '../src/engine/index.js';
import { checkRule, localRuleOf, type LocalRule } from '../src/lesson/index.js';
import { parseScenario } from '../src/scenario/index.js';
import { median } from './startup.js';

function ruleAt(lines: string[], node: string, operand: string): LocalRule {
  const trace = backprop(parseScenario(['title: t', ...lines].join('\n'), 't.yaml').graph);
  return localRuleOf(
    trace.contributions.find((c) => c.node === node && c.operand === operand)!,
    trace,
  )!;
}

const CASES: [string, LocalRule, string][] = [
  ['product, right: b', ruleAt(['inputs:', '  a: 3', '  b: -5', 'nodes:', '  c: a * b'], 'c', 'a'), 'b'],
  ['tanh, right: 1 - o^2', ruleAt(['inputs:', '  n: 0.88', 'nodes:', '  o: tanh(n)'], 'o', 'n'), '1 - o^2'],
  ['tanh, wrong: 1 - n^2', ruleAt(['inputs:', '  n: 0.88', 'nodes:', '  o: tanh(n)'], 'o', 'n'), '1 - n^2'],
  ['quotient, none known: a + b', ruleAt(['inputs:', '  a: 3', '  b: -2', 'nodes:', '  q: a / b'], 'q', 'b'), 'a + b'],
  ['(o-y)^2, right: 2*(o-y)', ruleAt(['inputs:', '  o: 0.5', '  y: 1', 'nodes:', '  l: (o - y) ^ 2'], 'l', 'o-y'), '2*(o-y)'],
];
const CHECKS = 2000;

process.stdout.write(`rule check                     median per check (${CHECKS} checks, 7 runs)\n`);
for (const [name, rule, text] of CASES) {
  checkRule(rule, text);
  const runs: number[] = [];
  for (let run = 0; run < 7; run++) {
    const start = performance.now();
    for (let k = 0; k < CHECKS; k++) checkRule(rule, text);
    runs.push(((performance.now() - start) / CHECKS) * 1000);
  }
  process.stdout.write(`${name.padEnd(30)} ${`${median(runs).toFixed(1)} µs`.padStart(10)}\n`);
}
