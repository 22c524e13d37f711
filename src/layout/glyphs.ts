/**
 * Box-drawing glyphs by the lines that meet in a cell. A cell knows, for each
 * direction (north, east, south, west), whether a line runs that way and how
 * heavy it is; one table lookup then gives the glyph, so junctions such as a
 * trunk splitting (┬), a port on a box border (├) or a highlighted edge leaving
 * a plain trunk (┡) come out right without special cases.
 */

/** How a line is drawn. `None` means no line in that direction. */
export const Weight = { None: 0, Light: 1, Heavy: 2, Double: 3 } as const;
export type Weight = (typeof Weight)[keyof typeof Weight];

export const Dir = { N: 0, E: 1, S: 2, W: 3 } as const;
export type Dir = (typeof Dir)[keyof typeof Dir];

/** Two bits per direction in one byte: N in the high bits, W in the low. */
const SHIFT = [6, 4, 2, 0];

export function armOf(arms: number, dir: Dir): Weight {
  return ((arms >> SHIFT[dir]) & 3) as Weight;
}

/** Add a line in `dir`; where two lines meet the heavier one wins. */
export function withArm(arms: number, dir: Dir, weight: Weight): number {
  const shift = SHIFT[dir];
  return ((arms >> shift) & 3) >= weight ? arms : (arms & ~(3 << shift)) | (weight << shift);
}

export const OPPOSITE: readonly Dir[] = [Dir.S, Dir.W, Dir.N, Dir.E];

/**
 * Every glyph with its weights in N E S W order (0 none, 1 light, 2 heavy,
 * 3 double), as the Unicode names of U+2500–U+257F spell them. Light corners
 * are the rounded ones (╭╮╰╯), which read softer.
 */
const TABLE = `
─0101 ━0202 │1010 ┃2020 ┍0210 ┎0120 ┏0220 ┑0012 ┒0021 ┓0022 ┕1200 ┖2100
┗2200 ┙1002 ┚2001 ┛2002 ├1110 ┝1210 ┞2110 ┟1120 ┠2120 ┡2210 ┢1220 ┣2220
┤1011 ┥1012 ┦2011 ┧1021 ┨2021 ┩2012 ┪1022 ┫2022 ┬0111 ┭0112 ┮0211 ┯0212
┰0121 ┱0122 ┲0221 ┳0222 ┴1101 ┵1102 ┶1201 ┷1202 ┸2101 ┹2102 ┺2201 ┻2202
┼1111 ┽1112 ┾1211 ┿1212 ╀2111 ╁1121 ╂2121 ╃2112 ╄2211 ╅1122 ╆1221 ╇2212
╈1222 ╉2122 ╊2221 ╋2222 ═0303 ║3030 ╒0310 ╓0130 ╔0330 ╕0013 ╖0031 ╗0033
╘1300 ╙3100 ╚3300 ╛1003 ╜3001 ╝3003 ╞1310 ╟3130 ╠3330 ╡1013 ╢3031 ╣3033
╤0313 ╥0131 ╦0333 ╧1303 ╨3101 ╩3303 ╪1313 ╫3131 ╬3333 ╭0110 ╮0011 ╯1001
╰1100 ╴0001 ╵1000 ╶0100 ╷0010 ╸0002 ╹2000 ╺0200 ╻0020 ╼0201 ╽1020 ╾0102
╿2010`;

function pack(weights: readonly number[]): number {
  return weights.reduce((arms, weight, dir) => withArm(arms, dir as Dir, weight as Weight), 0);
}

const EXACT = new Map<number, string>();
for (const entry of TABLE.trim().split(/\s+/)) EXACT.set(pack([...entry.slice(1)].map(Number)), entry[0]);

/** Where Unicode lacks a combination (double meeting heavy), try lighter ones, in this order. */
const FALLBACKS: ((w: number) => number)[] = [(w) => w, (w) => (w === 2 ? 1 : w), (w) => (w === 3 ? 2 : w), (w) => (w === 0 ? 0 : 1)];

// Filled as glyphs are asked for: a drawing uses a dozen of the 256, and
// working out all of them took 2.6 ms of the tutor's start.
const GLYPHS: (string | undefined)[] = [];

export function glyphOf(arms: number): string {
  let glyph = GLYPHS[arms];
  if (glyph === undefined) {
    const weights = [Dir.N, Dir.E, Dir.S, Dir.W].map((dir) => armOf(arms, dir));
    glyph = ' ';
    for (const soften of FALLBACKS) {
      const found = EXACT.get(pack(weights.map(soften)));
      if (found !== undefined) {
        glyph = found;
        break;
      }
    }
    GLYPHS[arms] = glyph;
  }
  return glyph;
}
