/** What a scenario may call its inputs and nodes, and "did you mean" suggestions. */

import { functionList, isFunctionName } from './expression.js';

const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why `name` cannot name an input or a node, as a problem and a fix; null when it can. */
export function nameProblem(name: string): { problem: string; fix: string } | null {
  if (VALID_NAME.test(name)) {
    if (name in Object.prototype) {
      // `constructor`, `toString`, `__proto__`…: the engine and the lesson keep values in plain objects keyed by name.
      return { problem: `\`${name}\` is a reserved word, so it cannot name a value`, fix: `pick another name such as \`${name}_\`` };
    }
    if (!isFunctionName(name)) return null;
    return {
      problem: `\`${name}\` is a function name, so it cannot name a value`,
      fix: `pick another name such as \`${name}_\` (the functions are ${functionList()})`,
    };
  }
  const what = name === '' ? 'an empty name' : `\`${name}\``;
  return {
    problem: `${what} is not a valid name`,
    fix: `start with a letter or \`_\` and use only letters, digits and \`_\`, e.g. \`${suggestName(name)}\``,
  };
}

/** A valid name close to an invalid one: `a-b` → `a_b`, `2x` → `x2`. */
function suggestName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]+/g, '_');
  const leadingDigits = /^(\d+)_*(.*)$/.exec(cleaned);
  if (leadingDigits) return leadingDigits[2] ? `${leadingDigits[2]}${leadingDigits[1]}` : `x${leadingDigits[1]}`;
  return /^_*$/.test(cleaned) ? 'x' : cleaned;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) rows[i].push(i === 0 ? j : 0);
  }
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i][j] = best;
    }
  }
  return rows[a.length][b.length];
}

/** Names longer than this get no "did you mean" beyond a difference in case. */
const MAX_GUESS_LENGTH = 100;

/**
 * The candidate `name` was most likely meant to be: one that differs only in case,
 * else the nearest within distance 2. The distance must also be smaller than the
 * longer word, or every one-letter name would "suggest" every other one.
 */
export function closest(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    if (candidate.toLowerCase() === name.toLowerCase()) return candidate;
    // The distance is at least the difference in length. And editDistance takes time and
    // memory length × length: two 20,000-letter names would need gigabytes. No guesses for those.
    if (Math.abs(name.length - candidate.length) > 2 || name.length > MAX_GUESS_LENGTH) continue;
    const d = editDistance(name, candidate);
    if (d <= 2 && d < Math.max(name.length, candidate.length) && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean `x`?)`, or nothing. For the end of a problem clause. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const guess = closest(name, candidates);
  return guess === null ? '' : ` (did you mean \`${guess}\`?)`;
}
