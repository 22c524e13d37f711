/**
 * Phase 4: columns and edge paths. Each channel between two layers is routed on
 * its own (channel.ts); its track count fixes how wide it is, and so where the
 * next layer starts. Then every edge's hops are joined into one orthogonal path
 * from its source's port to the arrow at its target.
 *
 *   source ├─ stub ─┬─ tracks ─┬─ pad ─▶│ target
 *
 * Before a layer with a `^` or a `/`, the channel is wider by the room to write each operand's role on its edge
 * (`─base▶`, `─den▶`; roles.ts): only horizontal lines run between the last track and the arrows.
 */

import { routeChannel, type ChannelHop, type HopRoute } from './channel.js';
import { inRow, outRow } from './coordinates.js';
import { roleOf } from './roles.js';
import type { Box, Layout, Placement, Point, RoutedEdge } from './types.js';

/** The widest terminal every drawing should fit; above it the channels drop their padding column, then the boxes narrow if that fits. */
export const COMFORTABLE_WIDTH = 80;

export function routes(placement: Placement): Layout {
  const { nodes, hops, layers, top, height, graph } = placement;
  const channels = layers.slice(0, -1).map(() => [] as ChannelHop[]);
  hops.forEach((hop, i) => {
    channels[nodes[hop.from].layer].push({
      hop: i,
      from: hop.from,
      sourceRow: outRow(placement, hop.from),
      targetRow: inRow(placement, hop.to, hop.slot),
    });
  });
  const routed = channels.map(routeChannel);
  const tracks = routed.map((channel) => channel.tracks);

  const roles = channels.map((channel, l) => roleRoom(channel, routed[l], (h) => roleOf(graph.nodes[hops[h].to], hops[h].slot)));
  const columnsWith = (pad: number, widths: number[]) => {
    const x = [0];
    tracks.forEach((k, l) => x.push(x[l] + widths[l] + 1 + k + Math.max(pad, roles[l]) + 1));
    return x;
  };
  const last = layers.length - 1;
  const tooWide = (x: number[], widths: number[]) => last >= 0 && x[last] + widths[last] > COMFORTABLE_WIDTH;
  // Past 80 columns, first the padding column goes, then the blank inside each box.
  let layerWidth = placement.layerWidth;
  let x = columnsWith(1, layerWidth);
  if (tooWide(x, layerWidth)) x = columnsWith(0, layerWidth);
  // Narrow boxes only where they make the drawing fit: a wider one is cut into windows or bands anyway, as it was.
  const narrowX = columnsWith(0, placement.narrowWidth);
  const narrow = tooWide(x, layerWidth) && !tooWide(narrowX, placement.narrowWidth);
  if (narrow) {
    layerWidth = placement.narrowWidth;
    x = narrowX;
  }

  const hopRoute = new Map<number, HopRoute>();
  for (const channel of routed) for (const [hop, route] of channel.routes) hopRoute.set(hop, route);

  /** Append the path of hop `id` to `points`: along its channel, and straight across the next layer if it ends at a dummy. */
  const follow = (points: Point[], id: number) => {
    const hop = hops[id];
    const l = nodes[hop.from].layer;
    const start = x[l] + layerWidth[l];
    const end = x[l + 1] - 1;
    const from = outRow(placement, hop.from);
    const to = inRow(placement, hop.to, hop.slot);
    const track = (k: number) => start + 1 + k;
    const route = hopRoute.get(id)!;
    extend(points, { row: from, col: start });
    if (route.kind === 'bend') {
      extend(points, { row: from, col: track(route.track) });
      extend(points, { row: to, col: track(route.track) });
    } else if (route.kind === 'dogleg') {
      extend(points, { row: from, col: track(route.track) });
      extend(points, { row: route.row, col: track(route.track) });
      extend(points, { row: route.row, col: track(route.secondTrack) });
      extend(points, { row: to, col: track(route.secondTrack) });
    }
    extend(points, { row: to, col: end });
    if (nodes[hop.to].name === null) extend(points, { row: to, col: x[l + 1] + layerWidth[l + 1] - 1 });
  };
  const portOf = (id: number): Point => {
    const l = nodes[id].layer;
    return { row: outRow(placement, id), col: x[l] + layerWidth[l] - 1 };
  };

  // Each trunk is followed once; an edge along one starts where it leaves it, so no edge repeats the trunk's corners.
  const trunkPaths = new Map<readonly number[], { corners: Point[]; after: { length: number; last: Point }[] }>();
  const edges: RoutedEdge[] = placement.edges.map((edge) => {
    if (edge.along === 0) {
      const points = [portOf(hops[edge.tap].from)];
      follow(points, edge.tap);
      return { from: edge.from, to: edge.to, slot: edge.slot, points };
    }
    let trunk = trunkPaths.get(edge.trunk);
    if (!trunk) {
      const corners: Point[] = [portOf(hops[edge.trunk[0]].from)];
      // Where the trunk stands after each of its hops: the corners before then never change again.
      const after = edge.trunk.map((id) => {
        follow(corners, id);
        return { length: corners.length, last: { ...corners[corners.length - 1] } };
      });
      trunkPaths.set(edge.trunk, (trunk = { corners, after }));
    }
    const leaves = trunk.after[edge.along - 1];
    const points = [leaves.last];
    follow(points, edge.tap);
    return { from: edge.from, to: edge.to, slot: edge.slot, points, trunk: { corners: trunk.corners, before: leaves.length - 1 } };
  });
  const trunks = [...trunkPaths.values()].map((t) => t.corners);

  const boxes: Record<string, Box> = {};
  graph.nodes.forEach((node, id) => {
    const l = nodes[id].layer;
    boxes[node.name] = { row: top[id], col: x[l], width: layerWidth[l], height: height[id] };
  });

  let bottom = 0;
  for (const box of Object.values(boxes)) bottom = Math.max(bottom, box.row + box.height);
  for (const path of [...trunks, ...edges.map((e) => e.points)]) for (const p of path) bottom = Math.max(bottom, p.row + 1);
  const width = last >= 0 ? x[last] + layerWidth[last] : 0;
  return { graph, compact: placement.compact, ...(narrow ? { narrow } : {}), width, height: bottom, boxes, edges, trunks, tracks };
}

/**
 * The columns a channel needs after its tracks so that each edge into a `^` or a `/` has its role (`base`, `den`)
 * and a piece of line before it, right of the last vertical line that meets its row: the label hides no crossing.
 */
function roleRoom(
  channel: ChannelHop[],
  routed: { tracks: number; routes: Map<number, HopRoute> },
  role: (hop: number) => string | undefined,
): number {
  const verticals: { track: number; low: number; high: number }[] = [];
  const span = (track: number, a: number, b: number) => verticals.push({ track, low: Math.min(a, b), high: Math.max(a, b) });
  for (const h of channel) {
    const route = routed.routes.get(h.hop)!;
    if (route.kind === 'bend') span(route.track, h.sourceRow, h.targetRow);
    else if (route.kind === 'dogleg') {
      span(route.track, h.sourceRow, route.row);
      span(route.secondTrack, route.row, h.targetRow);
    }
  }
  let room = 0;
  for (const h of channel) {
    const text = role(h.hop);
    if (!text) continue;
    // The last track whose line meets this row; −2 for none, where the stub column by the source is free too.
    const blocked = verticals.reduce((most, v) => (v.low <= h.targetRow && h.targetRow <= v.high ? Math.max(most, v.track) : most), -2);
    room = Math.max(room, text.length + 2 + blocked - routed.tracks);
  }
  return room;
}

/** An edge's whole path, from its source's port to its arrow: its share of a trunk, then its own corners. */
export function pathOf(edge: RoutedEdge): Point[] {
  if (!edge.trunk) return edge.points;
  const path = edge.trunk.corners.slice(0, edge.trunk.before);
  for (const p of edge.points) extend(path, p);
  return path;
}

/** Append a corner, dropping repeats and merging straight runs into one segment. */
function extend(points: Point[], p: Point): void {
  const n = points.length;
  const last = points[n - 1];
  if (last && last.row === p.row && last.col === p.col) return;
  const before = points[n - 2];
  if (before && ((before.row === last.row && last.row === p.row) || (before.col === last.col && last.col === p.col))) {
    points[n - 1] = p;
    return;
  }
  points.push(p);
}
