/** The knobs a learner turns in a lesson: the ladders + and - climb. */

/**
 * How large a step the rate takes, whatever its sign. + and - climb this
 * ladder and keep the sign, so + always means a larger step: on a descent
 * rate, climbing the signed numbers (−0.05 → −0.02) would shrink it.
 */
export const RATE_SIZES = [0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5];
/** Steps for the numeric check, from coarse to so fine that rounding error takes over. */
export const HS = [1e-12, 1e-10, 1e-8, 1e-6, 1e-5, 1e-4, 0.001, 0.01, 0.1, 1];

/** The next value up or down a ladder from wherever `value` sits, even between rungs. */
export function stepLadder(ladder: number[], value: number, direction: 1 | -1): number {
  if (direction === 1) return ladder.find((x) => x > value + 1e-15) ?? ladder[ladder.length - 1];
  return [...ladder].reverse().find((x) => x < value - 1e-15) ?? ladder[0];
}

/**
 * The rate one step larger (1) or smaller (-1), its sign kept: a descent stays a
 * descent. A rate off the ends of the ladder (a file's 0.0001 or 2) is never
 * moved the wrong way.
 */
export function stepRate(rate: number, direction: 1 | -1): number {
  const size = Math.abs(rate);
  const next = stepLadder(RATE_SIZES, size, direction);
  const moved = direction === 1 ? Math.max(size, next) : Math.min(size, next);
  return rate < 0 ? -moved : moved;
}
