/**
 * Colour is an addition, never the message: every highlight also shows by its
 * glyphs. With NO_COLOR or --no-color the tutor sets no colour at all (Ink's
 * colour library would otherwise still emit some styles on a terminal).
 */
export interface Theme {
  color: boolean;
}

export function themeFrom(env: NodeJS.ProcessEnv, noColorFlag: boolean): Theme {
  // no-color.org: any non-empty NO_COLOR disables colour.
  const noColor = noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '');
  return { color: !noColor };
}
