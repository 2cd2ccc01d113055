// misclassified: the test images a model gets wrong, as captioned tiles for the digit-grid picture.

import type { Dataset } from '../data/index.js';
import { predictClass, type MLP } from '../nn/index.js';
import type { DigitTile } from '../viz/digitGridSvg.js';

/** Up to `limit` misclassified samples of `test` (in order), captioned "true → predicted", and how many there were. */
export function misclassifiedTiles(
  model: MLP,
  test: Dataset,
  limit = 50,
): { tiles: DigitTile[]; wrong: number } {
  const tiles: DigitTile[] = [];
  let wrong = 0;
  test.X.forEach((x, i) => {
    const said = predictClass(model.predict(x));
    if (said === test.y[i]) return;
    wrong++;
    if (tiles.length < limit) tiles.push({ pixels: x, caption: `${test.y[i]} → ${said}` });
  });
  return { tiles, wrong };
}
