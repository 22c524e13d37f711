import { describe, expect, it } from 'vitest';
import { buildLesson, compareZeroGrad, lessonToJson, lossChart, ZERO_GRAD_WHY } from '../../src/lesson/index.js';
import { loadScenarioFile, parseScenario } from '../../src/scenario/index.js';

const neuron = loadScenarioFile('scenarios/15-neuron-learns.yaml');
const mlp = loadScenarioFile('scenarios/17-mlp.yaml');

describe('params and data in the lesson', () => {
  const lesson = buildLesson(neuron);

  it('the overview says which inputs are params and which are data', () => {
    expect(lesson.steps[0].lines).toContain('Params (what the nudge and training move): w1, w2, b. Data (never moved): x1, x2, y.');
  });

  it('the nudge moves the params only and says the data stay', () => {
    const step = lesson.steps.find((s) => s.phase === 'nudge')!;
    expect(step.text).toBe('Nudge: every param moves by -0.05 × its gradient, to push loss down (descent).');
    expect(step.lines.slice(0, 4)).toEqual([
      'param  before   grad      after = before + -0.05 × grad',
      'w1     -3       1.41421   -3.07071',
      'w2     1        0         1',
      'b      6.88137  0.707107  6.84602',
    ]);
    expect(step.lines).toContain('The data stay: x1, x2, y are what the params are fitted to, never moved.');
    const json = lessonToJson(lesson) as { params: string[]; nudge: { inputs: Record<string, number> } };
    expect(json.params).toEqual(['w1', 'w2', 'b']);
    expect(Object.keys(json.nudge.inputs)).toEqual(['w1', 'w2', 'b']);
  });
});

describe('the Train phase', () => {
  const lesson = buildLesson(neuron);
  const train = lesson.steps.filter((s) => s.phase === 'train');

  it('has one step per update and a summary, before the lesson summary', () => {
    expect(train).toHaveLength(21);
    expect(train.map((s) => s.update)).toEqual([...Array.from({ length: 20 }, (_, k) => k + 1), 20]);
    expect(lesson.steps.at(-1)?.phase).toBe('summary');
    expect(train[20].text).toMatch(/^Training: 20 updates at rate -0.05; loss 0.5 → .*The run fell: the loss went down at every update/);
  });

  it('writes what each update did, with the grads as they stood', () => {
    expect(train[0].text).toBe(
      'Update 1 of 20: forward over the data, zero the grads, backward, then every param += -0.05 × its grad; loss 0.5 → 0.368786.',
    );
    expect(train[0].lines).toContain('w1     1.41421   w1 += -0.05 × 1.41421 = -3.07071');
    expect(train[0].lines).toContain('b      0.707107  b += -0.05 × 0.707107 = 6.84602');
  });

  it('draws the loss so far in at most 80 columns and about 10 rows', () => {
    const chart = train[4].lines.slice(0, train[4].lines.indexOf(''));
    expect(chart.length).toBeLessThanOrEqual(10);
    for (const line of chart) expect([...line].length).toBeLessThanOrEqual(80);
    // Five updates made: six points (0 … 5), each in a column of its own.
    expect(chart.join('').split('•')).toHaveLength(7);
    expect(chart[0]).toMatch(/0\.5 ┤•/);
  });

  it('rebuilds with another rate, and the --json history follows it', () => {
    const faster = buildLesson(neuron, { rate: -0.2 });
    expect(faster.training?.run.rate).toBe(-0.2);
    expect(faster.steps.find((s) => s.update === 1)?.lines).toContain('w1     1.41421   w1 += -0.2 × 1.41421 = -3.28284');
    const json = lessonToJson(faster) as {
      train: {
        steps: number;
        rate: number;
        zero_grad: boolean;
        history: { output: number; params: Record<string, number>; grads: Record<string, number> }[];
      };
    };
    expect(json.train.steps).toBe(20);
    expect(json.train.rate).toBe(-0.2);
    expect(json.train.zero_grad).toBe(true);
    expect(json.train.history).toHaveLength(21);
    expect(json.train.history[1].params.w1).toBeCloseTo(-3 - 0.2 * Math.SQRT2, 10);
  });

  it('says a loss that becomes ∞ in words, with where it started', () => {
    const text = 'title: t\ninputs:\n  w: 3\nnodes:\n  loss: (w - 1) ^ 2\nnudge: -0.1\ntrain:\n  steps: 300\n  rate: -10\n';
    const lesson = buildLesson(parseScenario(text, 't.yaml'));
    const said = lesson.steps.flatMap((s) => s.lines).find((l) => l.startsWith('The loss is ∞ from update'));
    // Each update multiplies w − 1 by 1 − 2·10 = −19, so the loss grows 361-fold until it overflows.
    expect(said).toMatch(
      /^The loss is ∞ from update \d+ on; it was .* one update earlier and 4 at the start\. .*the rate -10 is too large/,
    );
    expect(lesson.steps.find((s) => s.title === 'Train: summary')?.text).toMatch(/The run diverged: the loss became ∞ at update \d+/);
  });
});

describe('with examples', () => {
  const lesson = buildLesson(mlp);

  it('steps through the first row, then sums each param’s gradient over the rows', () => {
    const sums = lesson.steps.filter((s) => s.title.startsWith('Backward: example'));
    expect(sums.map((s) => s.title)).toEqual(['Backward: example 2 of 4', 'Backward: example 3 of 4', 'Backward: example 4 of 4']);
    expect(sums[0].text).toBe(
      "Example 2 of 4 (x1 = 3, x2 = -1, x3 = 0.5, y = -1): its own forward and backward pass, and each param's gradient += this example's. What started as the gradient of example 1's loss ends as that of the loss summed over the 4 examples.",
    );
    // The last running sum is the gradient the nudge uses.
    const b3 = sums[2].lines.find((l) => l.startsWith('b3_1 '))!;
    const nudged = lesson.nudge.moves.find((m) => m.input === 'b3_1')!;
    expect(b3.trim().split(/\s+/).at(-1)).toBe(String(Number(nudged.grad.toPrecision(6))));
    expect(lesson.training?.history[0].grads.b3_1).toBeCloseTo(nudged.grad, 12);
  });

  it('--json gives each example’s inputs and output, and the nudge sums over them', () => {
    const json = lessonToJson(lesson) as { examples: { inputs: Record<string, number>; output: number }[]; nudge: { before: number } };
    expect(json.examples.map((e) => e.inputs.y)).toEqual([1, -1, -1, 1]);
    const total = json.examples.reduce((sum, e) => sum + e.output, 0);
    expect(json.nudge.before).toBeCloseTo(total, 9);
    expect(lesson.training?.history[0].output).toBeCloseTo(total, 9);
  });
});

describe('the zero_grad comparison', () => {
  it('gives both loss series from the same start, a chart of both and the sentence', () => {
    const lesson = buildLesson(neuron);
    const { run, history } = lesson.training!;
    const comparison = compareZeroGrad(neuron.graph, history[0].params, lesson.data, run);
    expect(comparison.right).toEqual(history.map((p) => p.output));
    expect(comparison.forgot).toEqual(buildLesson(neuron, { zeroGrad: false }).training!.history.map((p) => p.output));
    // Right: it settles near 0. Forgotten: it swings back up.
    expect(comparison.right.at(-1)).toBeLessThan(1e-6);
    expect(Math.max(...comparison.forgot.slice(10))).toBeGreaterThan(0.3);
    expect(comparison.chart.some((l) => l.includes('×'))).toBe(true);
    expect(comparison.why).toBe(ZERO_GRAD_WHY);
    expect(comparison.why).toMatch(/optimizer\.zero_grad\(\)/);
  });

  it('forgot-zero-grad says, at each update, that the grads are a sum of passes', () => {
    const forgot = buildLesson(loadScenarioFile('scenarios/16-forgot-zero-grad.yaml'));
    expect(forgot.steps.find((s) => s.update === 3)?.lines).toContain(
      'zero_grad is off: each grad is the sum of all 3 backward passes so far.',
    );
  });
});

describe('the chart', () => {
  it('places the highest value on the top row and the lowest on the bottom row', () => {
    const lines = lossChart([{ values: [4, 2, 1, 0], mark: '•' }], { rows: 4, columns: 4 });
    expect(lines.slice(0, 4).map((l) => l.slice(12))).toEqual(['•', ' •', '  •', '   •']); // 2 is at (2 − 0)/(4 − 0)·3 = 1.5, rounded to row 1 from the top
    expect(lines[3].startsWith(`${' '.repeat(9)}0 ┤`)).toBe(true);
  });

  it('is on a log scale past two decades: the MLP’s loss, 3.29 → 0.0292 (113 times less), was flat after update 4', () => {
    expect(lossChart([{ values: [3.28777, 0.5, 0.0291589], mark: '•' }]).at(-1)).toContain('log scale');
  });

  it('plots a loss that falls through decades on a log scale: each tenfold fall one row lower', () => {
    // 1, 0.1, … 1e-7 over 8 rows: log10 runs 0 … -7, one row per decade.
    const values = Array.from({ length: 8 }, (_, k) => 10 ** -k);
    const lines = lossChart([{ values, mark: '•' }], { rows: 8, columns: 8 });
    expect(lines.slice(0, 8).map((l) => l.slice(12).indexOf('•'))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(lines.at(-1)).toContain('log scale');
    // The middle row is labelled with its value, 10^-3 (row 3 of 0 … 7), so the decades can be read off.
    expect(lines[3].trim().startsWith('0.001 │')).toBe(true);
    // On a linear scale the same values sit on the bottom row from the third on (0.01 · 7 rounds to 0).
    const linear = lossChart([{ values, mark: '•' }], { rows: 8, columns: 8, scale: 'linear' });
    expect(linear[7].slice(12)).toBe('  ••••••');
    expect(linear.at(-1)).not.toContain('log');
  });

  it('stays linear where the loss spans two decades or less, or touches 0', () => {
    expect(lossChart([{ values: [4, 2, 1, 0.5], mark: '•' }]).at(-1)).not.toContain('log');
    expect(lossChart([{ values: [10, 1, 0.1], mark: '•' }]).at(-1)).not.toContain('log');
    expect(lossChart([{ values: [1, 1e-6, 0], mark: '•' }]).at(-1)).not.toContain('log');
  });
});

describe('the predictions against the targets', () => {
  // p = w · x, loss = (p - y)²; one update at rate -0.1 over two rows, worked by hand:
  // before w = 1: p = 2 (x = 2, y = 1) and p = -1 (x = -1, y = 1);
  // grad = Σ 2(w·x − y)·x = 2·(2 − 1)·2 + 2·(−1 − 1)·(−1) = 4 + 4 = 8, so w = 1 − 0.1 · 8 = 0.2;
  // after: p = 0.4 and p = -0.2.
  const FIT = [
    'title: Fit a line',
    'inputs: {w: 1, x: 2, y: 1}',
    'params: [w]',
    'nodes:',
    '  p: w * x',
    '  loss: (p - y) ^ 2',
    'train: {steps: 1, rate: -0.1}',
    'examples:',
    '  - {x: 2, y: 1}',
    '  - {x: -1, y: 1}',
    '',
  ].join('\n');

  it("end the training's summary: each example's prediction and target, before and after", () => {
    const summary = buildLesson(parseScenario(FIT, 'fit.yaml')).steps.find((s) => s.title === 'Train: summary')!;
    const at = summary.lines.findIndex((l) => l.startsWith("Each example's p against its target y"));
    expect(at).toBeGreaterThan(0);
    expect(summary.lines[at]).toBe("Each example's p against its target y (○ before training, ● after, ◆ y):");
    expect(summary.lines.slice(at + 1, at + 4).map((l) => l.split(/\s+/).slice(0, 6))).toEqual([
      ['example', 'y', 'p', 'before', 'p', 'after'],
      ['1', '1', '2', '0.4', expect.any(String)],
      ['2', '1', '-1', '-0.2', expect.any(String)],
    ]);
  });

  it('draws each row on one number line over all of them, −1 … 2 here: ◆ the target, ○ before, ● after', () => {
    const summary = buildLesson(parseScenario(FIT, 'fit.yaml')).steps.find((s) => s.title === 'Train: summary')!;
    const at = summary.lines.findIndex((l) => l.startsWith("Each example's p against its target y"));
    const rows = summary.lines.slice(at + 1, at + 4);
    // The strip is the table's last column: it starts where the axis's first label does.
    const start = rows[0].indexOf('-1');
    const [axis, first, second] = rows.map((l) => l.slice(start));
    // 21 columns from −1 to 2: x sits in column (x + 1) / 3 × 20, rounded.
    const column = (x: number) => Math.round(((x + 1) / 3) * 20);
    expect(axis).toBe(`-1${' '.repeat(column(0) - 2)}0${' '.repeat(20 - column(0) - 1)}2`);
    expect([...first].indexOf('◆')).toBe(column(1));
    expect([...first].indexOf('○')).toBe(column(2));
    expect([...first].indexOf('●')).toBe(column(0.4));
    expect([...second].indexOf('○')).toBe(column(-1));
    expect([...second].indexOf('●')).toBe(column(-0.2));
    expect([...second].indexOf('◆')).toBe(column(1));
    expect([...first][column(0)]).toBe('┼');
  });

  it('are left out where the loss is no squared error of a target the examples set', () => {
    const other = FIT.replace('loss: (p - y) ^ 2', 'loss: (p - y) * (p - y)');
    const summary = buildLesson(parseScenario(other, 'fit.yaml')).steps.find((s) => s.title === 'Train: summary')!;
    expect(summary.lines.join('\n')).not.toContain('against its target');
  });
});
