// micrograd-ts: the curated public API.
export * from './engine/index.js';
