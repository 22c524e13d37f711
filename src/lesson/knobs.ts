/** The knobs a learner turns in a lesson: the ladders + and - climb. */

/** Rates a learner steps through with + and -: crossing zero turns ascent into descent. */
export const RATES = [-0.5, -0.2, -0.1, -0.05, -0.02, -0.01, -0.005, -0.001, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5];
/** Steps for the numeric check, from coarse to so fine that rounding error takes over. */
export const HS = [1e-12, 1e-10, 1e-8, 1e-6, 1e-5, 1e-4, 0.001, 0.01, 0.1, 1];

/** The next value up or down a ladder from wherever `value` sits, even between rungs. */
export function stepLadder(ladder: number[], value: number, direction: 1 | -1): number {
  if (direction === 1) return ladder.find((x) => x > value + 1e-15) ?? ladder[ladder.length - 1];
  return [...ladder].reverse().find((x) => x < value - 1e-15) ?? ladder[0];
}
