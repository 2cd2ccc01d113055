// micrograd-ts: the curated public API, dependency-free (pictures are in micrograd-ts/viz).
export * from './engine/index.js';
export * from './expr/index.js';
export * from './nn/index.js';
export * from './data/index.js';
export * from './tape/index.js';
export * from './autodiff/index.js';
