// Model export: a saved model (MLP.toJSON's form) as PyTorch, ONNX or TypeScript; runs in Node and browsers.

import { describe } from '../engine/describe.js';
import type { ExportOptions } from './exportOptions.js';
import { EXPORT_FORMATS, type ExportFormat } from './formats.js';
import { toOnnx } from './toOnnx.js';
import { toPytorch } from './toPytorch.js';
import { toTypeScript } from './toTypeScript.js';

export { toPytorch } from './toPytorch.js';
export { toOnnx, ONNX_INPUT, ONNX_OUTPUT } from './toOnnx.js';
export { toTypeScript } from './toTypeScript.js';
export type { ExportOptions } from './exportOptions.js';
export { EXPORT_FORMATS, EXPORT_FILES, type ExportFormat } from './formats.js';

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
