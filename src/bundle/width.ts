// string-width measures all text but printable ASCII grapheme by grapheme,
// with several Unicode-property regexes per grapheme. The tutor's drawing is
// box drawing, arrows and maths signs, measured again on every frame. Each
// code unit here is a grapheme on its own (a subset of segmenter.ts's ALONE)
// and one column wide, as string-width itself answers with its default
// ambiguousIsNarrow; so a string of them is as wide as it is long. The build
// widens string-width's ASCII fast path to this class (scripts/build.mjs);
// test/bundle/patches.test.ts checks every code unit against string-width.
export const NARROW =
  /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u03ff\u2010-\u2027\u2030-\u205e\u2070-\u20cf\u2100-\u2319\u231c-\u2328\u232b-\u23e8\u23ed-\u23ef\u23f1\u23f2\u23f4-\u25fc\u25ff-\u2613\u270c-\u2727]*$/;
