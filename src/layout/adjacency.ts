/**
 * The hops of a layering as flat typed arrays, for the phases that walk them
 * many times (ordering and row sweeps): for each node, the hops into it and out
 * of it, in hop order. Plain arrays of objects made those sweeps several times slower.
 */

import type { Layering } from './types.js';

export interface Adjacency {
  from: Int32Array;
  to: Int32Array;
  slot: Int32Array;
  /** Hops into node v: `inHops[inStart[v] .. inStart[v + 1])`. */
  inStart: Int32Array;
  inHops: Int32Array;
  /** Hops out of node v: `outHops[outStart[v] .. outStart[v + 1])`. */
  outStart: Int32Array;
  outHops: Int32Array;
}

export function adjacency(layering: Layering): Adjacency {
  const n = layering.nodes.length;
  const m = layering.hops.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const slot = new Int32Array(m);
  const inStart = new Int32Array(n + 1);
  const outStart = new Int32Array(n + 1);
  layering.hops.forEach((hop, h) => {
    from[h] = hop.from;
    to[h] = hop.to;
    slot[h] = hop.slot;
    inStart[hop.to + 1]++;
    outStart[hop.from + 1]++;
  });
  for (let v = 0; v < n; v++) {
    inStart[v + 1] += inStart[v];
    outStart[v + 1] += outStart[v];
  }
  const inHops = new Int32Array(m);
  const outHops = new Int32Array(m);
  const inFill = inStart.slice(0, n);
  const outFill = outStart.slice(0, n);
  for (let h = 0; h < m; h++) {
    inHops[inFill[to[h]]++] = h;
    outHops[outFill[from[h]]++] = h;
  }
  return { from, to, slot, inStart, inHops, outStart, outHops };
}
