// micrograd-ts: the curated public API.
export * from './engine/index.js';
export * from './tape/index.js';
