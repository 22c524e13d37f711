export * from './skills.js';
export * from './generate.js';
export * from './questions.js';
