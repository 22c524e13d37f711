// A stand-in for Intl.Segmenter that the build puts in place of the three
// that Ink's text libraries make (string-width, slice-ansi, ansi-tokenize).
//
// Why: the first Intl object a process makes starts ICU, about 20 ms on
// Node 20 — a tenth of the tutor's whole start — and those libraries make
// theirs when they are loaded. Yet nearly all the text the tutor draws is
// ASCII, box drawing, arrows and maths signs, where every character is a
// grapheme cluster of its own. For such text this answers at once, exactly as
// ICU would; for any other text it hands over to a real Intl.Segmenter, made
// the first time one is needed.

/**
 * Code units that are always a grapheme cluster on their own, whatever their
 * neighbours (UAX #29): none is Extend, SpacingMark, Prepend, ZWJ, a regional
 * indicator, a Hangul jamo or syllable, a surrogate, or CR (CR LF is one
 * cluster). Controls other than CR break on both sides. Checked against ICU in
 * test/bundle/patches.test.ts.
 */
export const ALONE = /^[\u0000-\u000c\u000e-\u02ff\u0370-\u03ff\u2010-\u2027\u2030-\u205e\u2070-\u20cf\u2100-\u2bff]*$/;

interface Segment {
  segment: string;
  index: number;
  input: string;
}

/** Intl.Segments for text where each code unit is one cluster. */
class OneByOne {
  constructor(private readonly input: string) {}

  containing(index = 0): Segment | undefined {
    const at = Math.trunc(Number(index)) || 0;
    if (at < 0 || at >= this.input.length) return undefined;
    return { segment: this.input[at], index: at, input: this.input };
  }

  *[Symbol.iterator](): IterableIterator<Segment> {
    const input = this.input;
    for (let index = 0; index < input.length; index++) yield { segment: input[index], index, input };
  }
}

export class QuickSegmenter {
  private readonly locales: ConstructorParameters<typeof Intl.Segmenter>[0];
  private readonly options: Intl.SegmenterOptions | undefined;
  private real: Intl.Segmenter | undefined;

  constructor(locales?: ConstructorParameters<typeof Intl.Segmenter>[0], options?: Intl.SegmenterOptions) {
    this.locales = locales;
    this.options = options;
  }

  segment(input: string): Intl.Segments | OneByOne {
    const text = String(input);
    const graphemes = (this.options?.granularity ?? 'grapheme') === 'grapheme';
    if (graphemes && ALONE.test(text)) return new OneByOne(text);
    return this.icu().segment(text);
  }

  resolvedOptions(): Intl.ResolvedSegmenterOptions {
    return this.icu().resolvedOptions();
  }

  /** The real segmenter, made (and ICU started) only when first needed. */
  private icu(): Intl.Segmenter {
    this.real ??= new Intl.Segmenter(this.locales, this.options);
    return this.real;
  }
}
