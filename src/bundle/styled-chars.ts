// Ink draws every frame on a grid of styled cells and turns each row back
// into text with @alcalzone/ansi-tokenize's styledCharsToString, which diffs
// the styles of every pair of neighbouring cells: three Sets and four arrays
// per cell, some 3,000 cells a frame. The first frame runs it all cold, and it
// was the largest part of drawing it. Neighbours almost always share their
// style (a run of box drawing, a blank), and the diff of two equal styles is
// empty, so this checks that first. The build puts it in place of the
// library's own (scripts/build.mjs); the output is the same, character for
// character (test/bundle/patches.test.ts).

export interface AnsiCode {
  code: string;
  endCode: string;
}

export interface StyledChar {
  value: string;
  styles: AnsiCode[];
}

/** Same codes in the same order: the diff between them is empty. */
function sameStyles(a: AnsiCode[], b: AnsiCode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
  }
  return true;
}

/** styledCharsToString, made from the library's own two helpers. */
export function quickStyledCharsToString(
  ansiCodesToString: (codes: AnsiCode[]) => string,
  diffAnsiCodes: (from: AnsiCode[], to: AnsiCode[]) => AnsiCode[],
): (chars: StyledChar[]) => string {
  return (chars) => {
    let text = '';
    for (let i = 0; i < chars.length; i++) {
      const { value, styles } = chars[i];
      if (i === 0) {
        if (styles.length > 0) text += ansiCodesToString(styles);
      } else {
        const before = chars[i - 1].styles;
        if (!sameStyles(before, styles)) text += ansiCodesToString(diffAnsiCodes(before, styles));
      }
      text += value;
      // Close whatever is still open at the end of the row.
      if (i === chars.length - 1 && styles.length > 0) text += ansiCodesToString(diffAnsiCodes(styles, []));
    }
    return text;
  };
}
