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
 *
 * @param json - A saved model: `model.toJSON()`, or its JSON text (a `micrograd train --save` file).
 * @param format - `onnx` in this form; `pytorch` and `ts` in the next (see {@link EXPORT_FORMATS}).
 * @param opts - Where the model came from (recorded in the output), and the points the PyTorch script
 *   predicts when run without arguments.
 * @returns The `.onnx` file's bytes (for `pytorch` and `ts`: the `.py` or `.ts` file's text).
 * @throws TypeError when the model is malformed (naming the field), `format` is not one of the three, or
 *   `opts` is not an object, has an unknown key, or holds a `source` that is not a string or `examples`
 *   that are not points of the model's `nin` finite numbers.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { MLP } from 'micrograd-ts';
 * import { exportModel } from 'micrograd-ts/export';
 *
 * const model = new MLP(2, [4, 1]);
 * await writeFile('model.py', exportModel(model.toJSON(), 'pytorch', { source: 'moons demo' }));
 * await writeFile('model.onnx', exportModel(model.toJSON(), 'onnx'));
 * const ts = exportModel(model.toJSON(), 'ts'); // a module exporting predict(x)
 * console.log(ts.split(':')[0]); // → // A micrograd-ts MLP 2-4-1 (relu, linear)
 * ```
 * `python3 model.py 0.5,-1` then prints `0.5,-1 -> -0.03753090080466509 (class 0)`, which is
 * `model.predict([0.5, -1])[0]`.
 */
export function exportModel(json: unknown, format: 'onnx', opts?: ExportOptions): Uint8Array;
/**
 * Export a saved model as PyTorch (`.py`) or TypeScript (`.ts`) source text; the options and errors are
 * those of the `onnx` form.
 *
 * @param json - A saved model: `model.toJSON()`, or its JSON text.
 * @param format - `pytorch` or `ts`.
 * @param opts - Where the model came from, and the PyTorch script's example points.
 * @returns The file's text.
 * @throws TypeError when the model or the options are malformed, naming the field.
 */
export function exportModel(json: unknown, format: 'pytorch' | 'ts', opts?: ExportOptions): string;
/**
 * Export a saved model in any of the {@link EXPORT_FORMATS}, when the format is only known at run time.
 *
 * @param json - A saved model: `model.toJSON()`, or its JSON text.
 * @param format - `pytorch`, `onnx` or `ts`.
 * @param opts - Where the model came from, and the PyTorch script's example points.
 * @returns Text for `pytorch` and `ts`, bytes for `onnx`.
 * @throws TypeError when the model or the options are malformed (naming the field), or `format` is not one
 *   of the three.
 */
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
