// Ink reads CI when it is imported and then writes only the last frame, which
// makes lastFrame() empty after exit. CI runs us with CI=true; tests want the
// interactive renderer, as a learner's terminal has.
process.env.CI = 'false';
delete process.env.CONTINUOUS_INTEGRATION;
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
