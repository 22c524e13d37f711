/**
 * Routing inside one channel, the strip of columns between two layers. Every
 * hop leaves its source on the source's port row and reaches its target on the
 * target's port row. A hop whose rows differ bends once: along its source row to
 * a track column, down or up the track, along its target row to the arrow.
 *
 * Hops from one source form a net and share one track (a trunk that splits with
 * ├ or ┬). Nets whose tracks' row spans do not overlap may share a column, so
 * no two sources ever share a vertical segment. One rule keeps horizontals
 * apart: if net X starts on a row where net Y ends, X's track must lie left of
 * Y's (X runs in from the left, Y runs out to the right on the same row). When
 * those rules form a cycle, one hop takes a dogleg: it jogs along a free row to
 * a second track, which breaks the cycle.
 */

export interface ChannelHop {
  hop: number;
  /** The source node: hops with the same source share a trunk. */
  from: number;
  sourceRow: number;
  targetRow: number;
}

export type HopRoute =
  { kind: 'straight' } | { kind: 'bend'; track: number } | { kind: 'dogleg'; track: number; row: number; secondTrack: number };

export interface ChannelRoutes {
  tracks: number;
  routes: Map<number, HopRoute>;
}

interface Net {
  /** The row it runs in on from the left; null for the second half of a dogleg, which starts mid-channel. */
  source: number | null;
  /** Port rows it runs out on to the right. */
  targets: number[];
  /** The hops that leave the track toward each target. */
  hops: number[];
  lo: number;
  hi: number;
  /** Nets that must lie to the left, besides the row rule. */
  leftOf: Net[];
  rank: number;
  column: number;
  /** Position in the channel's list of nets. */
  index: number;
}

export function routeChannel(hops: ChannelHop[]): ChannelRoutes {
  const portRows = new Set<number>();
  for (const h of hops) {
    portRows.add(h.sourceRow);
    portRows.add(h.targetRow);
  }
  const jogs = new Map<number, number>(); // hop → the free row it jogs along
  for (;;) {
    const nets = buildNets(hops, jogs);
    const cycle = assignColumns(nets);
    if (!cycle) return { tracks: countColumns(nets), routes: routesOf(hops, nets, jogs) };
    const [x, y] = cycle;
    // y ends on the row x starts from: that hop of y takes the dogleg.
    const i = y.targets.indexOf(x.source!);
    const hop = hops.find((h) => h.hop === y.hops[i])!;
    const row = freeRow(hop.sourceRow, hop.targetRow, portRows, new Set(jogs.values()));
    jogs.set(hop.hop, row);
  }
}

function buildNets(hops: ChannelHop[], jogs: Map<number, number>): Net[] {
  const net = (source: number | null, lo: number, hi: number): Net => ({
    source,
    targets: [],
    hops: [],
    lo,
    hi,
    leftOf: [],
    rank: 0,
    column: -1,
    index: -1,
  });
  const bySource = new Map<number, Net>();
  const nets: Net[] = [];
  for (const h of hops) {
    if (h.sourceRow === h.targetRow) continue;
    const jog = jogs.get(h.hop);
    if (jog !== undefined) {
      const first = net(h.sourceRow, Math.min(h.sourceRow, jog), Math.max(h.sourceRow, jog));
      const second = net(null, Math.min(jog, h.targetRow), Math.max(jog, h.targetRow));
      second.targets.push(h.targetRow);
      second.hops.push(h.hop);
      second.leftOf.push(first);
      first.rank = rankOf(h.sourceRow, jog);
      second.rank = rankOf(jog, h.targetRow);
      nets.push(first, second);
      continue;
    }
    let trunk = bySource.get(h.from);
    if (!trunk) {
      trunk = net(h.sourceRow, h.sourceRow, h.sourceRow);
      bySource.set(h.from, trunk);
      nets.push(trunk);
    }
    trunk.targets.push(h.targetRow);
    trunk.hops.push(h.hop);
    trunk.lo = Math.min(trunk.lo, h.targetRow);
    trunk.hi = Math.max(trunk.hi, h.targetRow);
  }
  nets.forEach((n, i) => (n.index = i));
  for (const trunk of bySource.values()) {
    const far = trunk.targets.reduce((a, b) => (Math.abs(b - trunk.source!) > Math.abs(a - trunk.source!) ? b : a));
    trunk.rank = rankOf(trunk.source!, far);
  }
  return nets;
}

/**
 * Left-to-right preference among tracks: downward nets first, the one reaching
 * lowest leftmost, then upward nets, the one reaching highest leftmost. Two nets
 * that overlap then cross at most once.
 */
function rankOf(from: number, to: number): number {
  return to > from ? -to : to;
}

/**
 * Columns in an order that respects every left-of rule, each net in the first
 * column free over its rows. Returns a pair [x, y] with x required left of y on a
 * cycle of rules when there is one, and assigns nothing then.
 */
function assignColumns(nets: Net[]): [Net, Net] | undefined {
  // A port row is the end of at most one net: ports are one per operand.
  const endingOn = new Map<number, Net>();
  for (const n of nets) for (const row of n.targets) endingOn.set(row, n);
  const before: Net[][] = nets.map((n) => [...n.leftOf]);
  for (const x of nets) {
    const y = x.source === null ? undefined : endingOn.get(x.source);
    if (y && y !== x) before[y.index].push(x);
  }
  const after: Net[][] = nets.map(() => []);
  before.forEach((list, i) => list.forEach((x) => after[x.index].push(nets[i])));

  const waiting = before.map((list) => list.length);
  const ready = nets.filter((_, i) => waiting[i] === 0);
  const placed: Net[] = [];
  const columns: [number, number][][] = [];
  while (ready.length > 0) {
    // Best rank first; ties by creation order.
    let pick = 0;
    for (let i = 1; i < ready.length; i++) {
      const a = ready[i];
      const b = ready[pick];
      if (a.rank < b.rank || (a.rank === b.rank && a.index < b.index)) pick = i;
    }
    const net = ready.splice(pick, 1)[0];
    placed.push(net);
    let column = 0;
    for (const x of before[net.index]) column = Math.max(column, x.column + 1);
    while (column < columns.length && overlaps(columns[column], net.lo, net.hi)) column++;
    if (column === columns.length) columns.push([]);
    insert(columns[column], net.lo, net.hi);
    net.column = column;
    for (const y of after[net.index]) if (--waiting[y.index] === 0) ready.push(y);
  }
  if (placed.length === nets.length) return undefined;
  // Every net left waits on another one left: walk back until a net repeats.
  const left = new Set(nets.filter((n) => n.column === -1));
  nets.forEach((n) => (n.column = -1));
  let walker = [...left][0];
  const seen = new Map<Net, Net>();
  for (;;) {
    const x = before[walker.index].find((n) => left.has(n))!;
    if (seen.has(x) || x === walker) return [x, walker];
    seen.set(walker, x);
    walker = x;
  }
}

function countColumns(nets: Net[]): number {
  return nets.reduce((most, n) => Math.max(most, n.column + 1), 0);
}

/** Intervals of a column are disjoint and sorted; does [lo, hi] touch one? */
function overlaps(column: [number, number][], lo: number, hi: number): boolean {
  const i = lastStartingAtOrBefore(column, hi);
  return i >= 0 && column[i][1] >= lo;
}

function insert(column: [number, number][], lo: number, hi: number): void {
  column.splice(lastStartingAtOrBefore(column, hi) + 1, 0, [lo, hi]);
}

function lastStartingAtOrBefore(column: [number, number][], row: number): number {
  let low = 0;
  let high = column.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (column[mid][0] <= row) low = mid + 1;
    else high = mid - 1;
  }
  return high;
}

/** A row no horizontal of this channel uses, as near the middle of the hop as possible. */
function freeRow(from: number, to: number, portRows: Set<number>, jogRows: Set<number>): number {
  const free = (row: number) => row >= 0 && !portRows.has(row) && !jogRows.has(row);
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const middle = (lo + hi) >> 1;
  for (let d = 0; middle - d > lo || middle + d < hi; d++) {
    if (middle - d > lo && free(middle - d)) return middle - d;
    if (middle + d < hi && free(middle + d)) return middle + d;
  }
  for (let d = 1; ; d++) {
    if (free(hi + d)) return hi + d;
    if (free(lo - d)) return lo - d;
  }
}

function routesOf(hops: ChannelHop[], nets: Net[], jogs: Map<number, number>): Map<number, HopRoute> {
  const trackOf = new Map<number, number>();
  const firstHalf = new Map<number, number>();
  for (const n of nets) n.hops.forEach((hop) => trackOf.set(hop, n.column));
  // A dogleg's first half is the net just before its second half (see buildNets).
  nets.forEach((n, i) => {
    if (n.source === null) firstHalf.set(n.hops[0], nets[i - 1].column);
  });
  const routes = new Map<number, HopRoute>();
  for (const h of hops) {
    const jog = jogs.get(h.hop);
    if (h.sourceRow === h.targetRow) routes.set(h.hop, { kind: 'straight' });
    else if (jog !== undefined)
      routes.set(h.hop, { kind: 'dogleg', track: firstHalf.get(h.hop)!, row: jog, secondTrack: trackOf.get(h.hop)! });
    else routes.set(h.hop, { kind: 'bend', track: trackOf.get(h.hop)! });
  }
  return routes;
}
