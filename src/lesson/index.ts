export * from './steps.js';
export * from './render.js';
export * from './format.js';
export * from './quiz.js';
