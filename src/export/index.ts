// Model export: a saved model (MLP.toJSON's form) as PyTorch, ONNX or TypeScript; runs in Node and browsers.

import { describe } from '../engine/describe.js';
import type { ExportOptions } from './exportOptions.js';
import { toOnnx } from './toOnnx.js';
import { toPytorch } from './toPytorch.js';
import { toTypeScript } from './toTypeScript.js';

export { toPytorch } from './toPytorch.js';
export { toOnnx, ONNX_INPUT, ONNX_OUTPUT } from './toOnnx.js';
export { toTypeScript } from './toTypeScript.js';
export type { ExportOptions } from './exportOptions.js';

export const EXPORT_FORMATS = ['pytorch', 'onnx', 'ts'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File extension and media type of each format, for a save dialog or a download link. */
export const EXPORT_FILES: { readonly [F in ExportFormat]: { extension: string; mediaType: string } } = {
  pytorch: { extension: '.py', mediaType: 'text/x-python' },
  onnx: { extension: '.onnx', mediaType: 'application/octet-stream' },
  ts: { extension: '.ts', mediaType: 'text/plain' },
};

/**
 * Export a saved model (`MLP.toJSON()` or its JSON text): source text for `pytorch` and `ts`, bytes for
 * `onnx`. A malformed model throws a TypeError naming the bad field, before anything is produced.
 */
export function exportModel(json: unknown, format: 'onnx', opts?: ExportOptions): Uint8Array;
export function exportModel(json: unknown, format: 'pytorch' | 'ts', opts?: ExportOptions): string;
export function exportModel(json: unknown, format: ExportFormat, opts?: ExportOptions): string | Uint8Array;
export function exportModel(json: unknown, format: ExportFormat, opts?: ExportOptions): string | Uint8Array {
  switch (format) {
    case 'pytorch':
      return toPytorch(json, opts);
    case 'onnx':
      return toOnnx(json, opts);
    case 'ts':
      return toTypeScript(json, opts);
    default:
      throw new TypeError(
        `exportModel: expected format to be one of ${EXPORT_FORMATS.join(', ')}, got ${describe(format)}`,
      );
  }
}
