export * from './graph.js';
export * from './ops.js';
export * from './autograd.js';
export * from './numeric.js';
