export * from './graph.js';
export * from './ops.js';
export * from './autograd.js';
export * from './numeric.js';
export * from './nudge.js';
export * from './train.js';
