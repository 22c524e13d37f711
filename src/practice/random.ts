/**
 * A small seeded generator (mulberry32), never Math.random: the same seed
 * gives the same problems, so a practice set, a failing test or a benchmark
 * graph can be repeated.
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from one seeded stream. */
export interface Draw {
  /** An integer from lo to hi, both included. */
  int(lo: number, hi: number): number;
  /** One of the items. */
  pick<T>(items: readonly T[]): T;
  /** A copy in an order of the stream's choosing (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

export function draw(seed: number): Draw {
  const next = seeded(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    int,
    pick: (items) => items[int(0, items.length - 1)],
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

/**
 * The k-th seed derived from a seed: a problem set's k-th problem, or the
 * k-th redraw of a problem, each its own stream (a hash, so neighbouring
 * seeds do not give neighbouring streams).
 */
export function childSeed(seed: number, k: number): number {
  return seeded((seed ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0)() * 4294967296;
}
