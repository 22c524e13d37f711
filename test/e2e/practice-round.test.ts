// A practice round in a real terminal at 80×24, over three days on the tutor's
// clock (GRAD_TUTOR_NOW): a right answer said sure, a miss said unsure that
// comes back with new numbers, the record saved, and two days later the
// skill due first in the next round and "due now" in `grad-tutor progress`.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, roundProblems, selfTestProblems, SKILLS, type Problem } from '../../src/practice/index.js';
import { childSeed } from '../../src/practice/random.js';
import { questionOf } from '../../src/session/practice.js';
import { runCli } from '../helpers/run-cli.js';
import { assertBuilt, ENTER } from './pty.js';
import { trackedTuis } from './tracked.js';

const tui = trackedTuis();
const size = { cols: 80, rows: 24 };
const key = (p: Problem, right: boolean) => String(questionOf(p).choices.findIndex((c) => c.right === right) + 1);
const rowsOf = (screen: string) => screen.split('\n');

describe('a practice round in a terminal', () => {
  beforeAll(() => assertBuilt());

  it('asks, asks how sure, tells; a miss comes back with new numbers; two days later the review comes first', async () => {
    const state = mkdtempSync(join(tmpdir(), 'gt-practice-'));
    const day1 = { XDG_STATE_HOME: state, GRAD_TUTOR_NOW: '2026-12-07T09:00' };
    // The problems the tutor will ask, as the same seed makes them (a new learner has no records).
    // A seed on the command line asks the set `practice --json --seed 5` prints.
    const problems = roundProblems({}, { skill: 'product-rule', count: 2, seed: 5, fixed: true }, new Date(2026, 11, 7, 9));
    let t = await tui(['practice', 'product-rule', '--count', '2', '--seed', '5'], { env: day1, ...size });
    let screen = await t.waitFor('problem 1/2');
    expect(screen).toContain('[Practice]');
    expect(screen).toContain(questionOf(problems[0]).prompt.slice(0, 40));
    expect(rowsOf(screen).length).toBeLessThan(24);

    t.write(key(problems[0], true));
    await t.waitFor('were you sure? y sure, n not sure');
    t.write('y');
    screen = await t.waitFor(/Correct: /);
    expect(screen).toContain('You were sure');

    t.write(ENTER);
    await t.waitFor('problem 2/2');
    t.write(key(problems[1], false));
    await t.waitFor('were you sure?');
    t.write('n');
    screen = await t.waitFor('Not quite');
    expect(screen).toContain('It comes back at the end of this round, with new numbers.');
    expect(screen).toContain('problem 2/3');

    // The miss again, with other numbers than the first time.
    t.write(ENTER);
    screen = await t.waitFor('problem 3/3');
    // The round's re-asked problem: the same skill from a seed the round has not used (src/session/practice.ts).
    const fresh = generate('product-rule', childSeed(5, 1000 + 2));
    expect(fresh.source).not.toBe(problems[1].source);
    expect(screen).toContain(questionOf(fresh).prompt.slice(0, 40));
    // Its graph is on screen with its own numbers: each input's value in its box.
    for (const name of fresh.scenario.graph.inputs) {
      const value = fresh.scenario.graph.nodes.find((n) => n.name === name)!.value!;
      expect(screen).toMatch(new RegExp(`v +${String(value).replace(/[.-]/g, '\\$&')}\\b`));
    }
    t.write('q');
    expect(await t.exit()).toEqual({ code: 0, signal: null });

    const saved = JSON.parse(readFileSync(join(state, 'grad-tutor', 'progress.json'), 'utf8')) as {
      skills: Record<string, { streak: number; days: string[]; mastered: boolean }>;
    };
    // Right, then a miss: the streak is back to 0, and nothing is mastered.
    expect(saved.skills['product-rule']).toMatchObject({ streak: 0, mastered: false });

    // Two days later: the skill is due, first in a round of every skill, and "due now" in the progress table.
    const day3 = { XDG_STATE_HOME: state, GRAD_TUTOR_NOW: '2026-12-09T09:00' };
    const progress = await runCli(['progress', '--json'], day3);
    expect(progress.code).toBe(0);
    const rows = (JSON.parse(progress.stdout) as { skills: { id: string; due: boolean | string }[] }).skills;
    expect(JSON.stringify(rows.find((r) => r.id === 'product-rule'))).toMatch(/due/);
    const table = await runCli(['progress'], day3);
    expect(table.stdout).toMatch(/product-rule.*due now/);

    // No seed: the schedule's round (its seed from the clock), the due skill first.
    t = await tui(['practice', '--count', '3'], { env: day3, ...size });
    screen = await t.waitFor('problem 1/3');
    const title = SKILLS.find((s) => s.id === 'product-rule')!.title;
    expect(screen).toContain(`Practice: ${title}`.slice(0, 60));
    t.write('q');
    expect(await t.exit()).toEqual({ code: 0, signal: null });
  });
});

describe('the self-test in a terminal', () => {
  beforeAll(() => assertBuilt());

  it('is offered on the menu, asks twelve, keeps the score, and a week later is offered again and shows the gain', async () => {
    const state = mkdtempSync(join(tmpdir(), 'gt-selftest-'));
    const env = (day: string) => ({ XDG_STATE_HOME: state, GRAD_TUTOR_NOW: day });
    // A new learner's menu offers it.
    let t = await tui([], { env: env('2026-12-07T10:00'), ...size });
    await t.waitFor('New here? "grad-tutor test" first shows what you know.');
    t.write('q');
    await t.exit();

    // Three right, then nine missed.
    let problems = selfTestProblems(4);
    t = await tui(['test', '--seed', '4'], { env: env('2026-12-07T10:00'), ...size });
    await t.waitFor('problem 1/12');
    for (const [k, p] of problems.entries()) {
      t.write(key(p, k < 3));
      await t.waitFor(/Correct|Not quite/);
      t.write(ENTER);
      if (k < 11) await t.waitFor(`problem ${k + 2}/12`);
    }
    let screen = await t.waitFor('Self-test: 3 of 12 right.');
    expect(rowsOf(screen).length).toBeLessThan(24);
    t.write('q');
    expect(await t.exit()).toEqual({ code: 0, signal: null });

    // A week later the menu offers it again; all twelve right: a gain of (12 − 3) / (12 − 3) = 1.
    t = await tui([], { env: env('2026-12-14T10:00'), ...size });
    await t.waitFor('A week on: "grad-tutor test" shows what stayed.');
    t.write('q');
    await t.exit();
    problems = selfTestProblems(5);
    t = await tui(['test', '--seed', '5'], { env: env('2026-12-14T10:00'), ...size });
    for (const [k, p] of problems.entries()) {
      await t.waitFor(`problem ${k + 1}/12`);
      t.write(key(p, true));
      await t.waitFor('Correct');
      t.write(ENTER);
    }
    screen = await t.waitFor('Self-test: 12 of 12 right.');
    expect(screen.replace(/\s+/g, ' ')).toContain('Gain: (12 − 3) / (12 − 3) = 1');
    t.write('q');
    await t.exit();
    const table = await runCli(['progress'], env('2026-12-14T11:00'));
    expect(table.stdout).toContain('self-test on 2026-12-07: 3 of 12');
    expect(table.stdout).toContain('self-test on 2026-12-14: 12 of 12');
  });
});
