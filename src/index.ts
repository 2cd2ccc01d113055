// micrograd-ts: the curated public API.
export * from './engine/index.js';
export * from './expr/index.js';
export * from './viz/index.js';
export * from './nn/index.js';
export * from './data/index.js';
export * from './tape/index.js';
export * from './autodiff/index.js';
