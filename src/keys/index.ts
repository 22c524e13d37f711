export * from './tables.js';
export * from './text.js';
