// micrograd-ts: the curated public API.
export * from './engine/index.js';
export * from './nn/index.js';
export * from './data/index.js';
