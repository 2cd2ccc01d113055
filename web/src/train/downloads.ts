// downloads: the trained model leaves the page as the library's JSON (what `MLP.fromJSON` and the CLI read).

import { byId, download } from '../dom.js';
import type { TrainConfig } from './config.js';

export function setupDownloads(config: () => TrainConfig, ask: () => void): { receive(json: string): void } {
  byId('dl-json').addEventListener('click', ask);
  return {
    receive(json: string) {
      const c = config();
      download(
        `model-${c.dataset}-${c.features.join('-')}.json`,
        new Blob([json], { type: 'application/json' }),
      );
    },
  };
}
