// A local derivative's rule typed in a real terminal at 80×24, as a person types it: t and the rule in one burst.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BACKSPACE, CTRL_C, ENTER, RIGHT, TAB } from './pty.js';
import { trackedTuis } from './tracked.js';

const tui = trackedTuis();

/** The neuron lesson in predict mode at 80×24, at its first backward edge: ∂o/∂n of o = tanh(n), which is 1 - o² = 0.5. */
async function atTanh() {
  const env = { XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'gt-rule-')) };
  const t = await tui(['neuron', '--quiz'], { env, cols: 80, rows: 24 });
  await t.waitFor('predict · step 1/19');
  // Tab skips the forward questions, unscored, to the seed; → is the edge o → n.
  t.write(TAB + TAB + RIGHT);
  await t.waitFor('What is the local derivative ∂o/∂n of o = tanh(n)?');
  return t;
}

/** The screen with wrapped lines joined, to read a sentence the window broke. */
const joined = (screen: string) => screen.replace(/\n\s*/g, ' ');

describe('typing a rule in a terminal', () => {
  beforeAll(() => assertBuilt());

  it('t and 1 - o^ in one burst: the rule kept with what to fix; 2 and Enter: right', async () => {
    const t = await atTanh();
    expect(joined(t.screen())).toContain('Pick 1–4, or t to type it (to 3 significant digits) or its rule.');
    // q is a letter a rule may hold: it types itself, and the tutor does not quit.
    t.write('tq');
    await t.waitFor('Your answer: q▏');
    t.write(BACKSPACE + '1 - o^' + ENTER);
    let screen = await t.waitFor('Not a rule:');
    expect(screen).toContain('Your answer: 1 - o^▏');
    expect(joined(screen)).toContain('Not a rule: the expression ends after `^` at character 6; add what `^` applies to, or remove it.');
    expect(screen).toContain('Enter answer  Backspace erase  Esc choices  Ctrl+C quit');
    t.write('2' + ENTER);
    screen = await t.waitFor('Correct: 0.5');
    expect(joined(screen)).toContain('Correct: 0.5, and 1 - o^2 is the rule itself: it holds at other values too.');
    // Answered: q quits again.
    t.write('q');
    expect((await t.exit()).code).toBe(0);
  }, 30_000);

  it("1 - n^2, tanh's slope from its input, typed in one burst: wrong, with its own reason", async () => {
    const t = await atTanh();
    t.write('t1 - n^2' + ENTER);
    const screen = await t.waitFor('Not quite:');
    expect(joined(screen)).toContain(
      "Not quite: that is 1 - n² with the input n; tanh's slope reads its output: ∂o/∂n = 1 - o². The answer is 0.5.",
    );
    t.write('q');
    expect((await t.exit()).code).toBe(0);
  }, 30_000);

  it('a name from elsewhere in the graph is refused in words, and Ctrl+C quits mid-rule', async () => {
    const t = await atTanh();
    t.write('t1 - x1^2' + ENTER);
    const screen = await t.waitFor('depends only on its own op');
    expect(joined(screen)).toContain(
      'x1 is not in o = tanh(n): a local derivative depends only on its own op, so the rule reads n and o alone.',
    );
    expect(screen).toContain('Your answer: 1 - x1^2▏');
    t.write(CTRL_C);
    expect((await t.exit()).code).toBe(0);
  }, 30_000);
});
