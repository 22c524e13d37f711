/**
 * The README's screens are the tutor's: each one captured from tmux is drawn
 * again here at its size and compared, so a claim such as "at 60×16 the step
 * shows only its own node" stays true.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openTutor } from './ui/harness.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The first plain code block after `lead` in the README. */
function screenAfter(lead: string): string {
  const at = readme.indexOf(lead);
  expect(at, lead).toBeGreaterThan(0);
  return readme.slice(at).split('\n```\n')[1];
}

const trimmed = (frame: string) =>
  frame
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();

let tutor: Awaited<ReturnType<typeof openTutor>> | undefined;
afterEach(() => tutor?.unmount());

describe('the README’s screens are what the tutor draws', () => {
  it.each([
    ['in an 80×24\nterminal', 'reuse-add', 7, { columns: 80, rows: 24 }],
    ["The lecture's neuron at\n80×24:", 'neuron', 11, { columns: 80, rows: 24 }],
    ['The step of the first example at 60×16:', 'reuse-add', 7, { columns: 60, rows: 16 }],
  ])('%s', async (lead, id, step, size) => {
    tutor = await openTutor({ resume: { id, step }, size, theme: { color: false } });
    expect(trimmed(tutor.frame())).toBe(trimmed(screenAfter(lead)));
  });
});
