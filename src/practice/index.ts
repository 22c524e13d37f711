export * from './skills.js';
export * from './generate.js';
export * from './questions.js';
export * from './round.js';
export * from './selftest.js';
