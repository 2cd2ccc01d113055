// downloads: the trained model leaves the page as the library's JSON (what `MLP.fromJSON` and `micrograd
// export` read) or, through the library's export writers, as PyTorch, ONNX or a TypeScript module.

import { byId, download } from '../dom.js';
import type { TrainConfig } from './config.js';

export const DOWNLOADS = ['json', 'pytorch', 'onnx', 'ts'] as const;
export type DownloadFormat = (typeof DOWNLOADS)[number];

const EXTENSIONS: Record<DownloadFormat, string> = {
  json: '.json',
  pytorch: '.py',
  onnx: '.onnx',
  ts: '.ts',
};

export function setupDownloads(
  config: () => TrainConfig,
  ask: () => void,
  onError: (message: string) => void,
): { receive(json: string): void } {
  let wanted: DownloadFormat = 'json';
  for (const f of DOWNLOADS) {
    byId(`dl-${f}`).addEventListener('click', () => {
      wanted = f;
      ask();
    });
  }
  const save = async (json: string, f: DownloadFormat): Promise<void> => {
    const c = config();
    const name = `model-${c.dataset}-${c.features.join('-')}${EXTENSIONS[f]}`;
    if (f === 'json') {
      download(name, new Blob([json], { type: 'application/json' }));
      return;
    }
    // The writers (and ONNX's protobuf library) load only when first asked for.
    const { exportModel, EXPORT_FILES } = await import('../../../src/export/index.js');
    const source = `micrograd-ts train page, features ${c.features.join(', ')}`;
    const out = exportModel(json, f, { source });
    const bytes: BlobPart = typeof out === 'string' ? out : new Uint8Array(out);
    download(name, new Blob([bytes], { type: EXPORT_FILES[f].mediaType }));
  };
  return {
    receive(json: string) {
      save(json, wanted).catch((e: unknown) =>
        onError(`Export failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    },
  };
}
