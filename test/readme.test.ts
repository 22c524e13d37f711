import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  EDIT_KEYS,
  helpRows,
  LESSON_KEYS,
  MENU_KEYS,
  NEXT_LESSON,
  ORDER_KEYS,
  PRACTICE_SURE_KEYS,
  PRACTICE_TOLD_KEYS,
  PROMPT_KEYS,
  QUIZ_KEYS,
  TYPED_KEYS,
} from '../src/keys/index.js';
import { phaseKinds } from '../src/lesson/index.js';
import { HELP } from '../src/cli.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the README tells the truth', () => {
  it('lists every key of every key table, as the app does', () => {
    for (const [keys, does] of [
      ...helpRows(LESSON_KEYS),
      // A phase kind's own keys (the Train phase's z), which the help lists in a lesson with that phase.
      ...helpRows(phaseKinds().flatMap((kind) => kind.keys ?? [])),
      ...helpRows([NEXT_LESSON]),
      ...helpRows(QUIZ_KEYS),
      ...helpRows(ORDER_KEYS),
      ...helpRows(PRACTICE_SURE_KEYS.filter((b) => b.action !== 'quit')),
      ...helpRows(PRACTICE_TOLD_KEYS),
      ...helpRows(TYPED_KEYS),
      ...helpRows(EDIT_KEYS),
      ...helpRows(MENU_KEYS),
      ...helpRows(PROMPT_KEYS),
    ]) {
      const cells = keys
        .split(' ')
        .map((k) => '`' + k + '`')
        .join(' ');
      expect(readme).toContain(`| ${cells} | ${does} |`);
    }
  });

  it('names every command that --help names', () => {
    for (const command of HELP.match(/^ {2}grad-tutor (\w+)/gm)!.map((m) => m.trim().split(' ')[1])) {
      expect(readme).toContain(`grad-tutor ${command}`);
    }
  });

  it('gives the two quick-start commands', () => {
    expect(readme).toMatch(/npm install[\s\S]*npx grad-tutor/);
    expect(readme).toContain('npm test');
  });
});
