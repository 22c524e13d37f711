export * from './steps.js';
export * from './render.js';
export * from './format.js';
export * from './quiz.js';
export * from './knobs.js';
export * from './replay.js';
export * from './tutoring.js';
export * from './identity.js';
