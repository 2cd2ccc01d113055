// Data: the seeded generator, 2-D toy datasets, label helpers and CSV parsing.
export { Rng } from './Rng.js';
export { linspace, type Dataset } from './Dataset.js';
export { makeMoons, type MoonsOptions } from './makeMoons.js';
export { makeCircles, type CirclesOptions } from './makeCircles.js';
export { makeBlobs, type BlobsOptions } from './makeBlobs.js';
export { spiral, type SpiralOptions } from './spiral.js';
export { xor, type XorOptions } from './xor.js';
export { toPlusMinusOne, classCount } from './labels.js';
export { parseCsv, type CsvOptions } from './parseCsv.js';
export { loadDigits, DIGITS_FEATURES, type DigitsOptions } from './loadDigits.js';
export { trainTestSplit, type SplitOptions } from './trainTestSplit.js';
export { regressPlane, type RegressOptions } from './regressPlane.js';
export { regressGaussian, gaussianLabel } from './regressGaussian.js';
