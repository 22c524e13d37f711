// Imported before Ink and React by bench/render.tsx. Ink reads CI when it is
// loaded and, under CI, writes only the last frame. Colour is forced so that a
// frame costs what it costs on a learner's colour terminal, pipe or not. act()
// is off: the bench times React's real scheduling.
//
// NODE_ENV must be production, as in the shipped bundle: React's development
// build is several times slower and keeps a performance entry per render.
// bench/bundle.ts defines it; under tsx it has to be set before tsx starts
// (tsx picks the JSX runtime then).
if (process.env.NODE_ENV !== 'production') {
  throw new Error("bench/render.tsx: React's development build is loaded; bundle it with bench/bundle.ts or set NODE_ENV=production");
}
process.env.CI = 'false';
delete process.env.CONTINUOUS_INTEGRATION;
process.env.FORCE_COLOR ??= '1';
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
