// onnxRuntime: onnxruntime-node from its own install in test/onnx (`npm run setup:onnx`), or undefined if absent.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The part of onnxruntime-node the tests use; conforms.ts checks it against the real types when installed. */
export interface OnnxTensor {
  readonly type: string;
  readonly dims: readonly number[];
  readonly data: unknown;
}
export interface OnnxSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, OnnxTensor>): Promise<Record<string, OnnxTensor>>;
  release(): Promise<void>;
}
export interface OnnxRuntime {
  InferenceSession: { create(buffer: Uint8Array): Promise<OnnxSession> };
  Tensor: new (type: 'float64', data: Float64Array, dims: readonly number[]) => OnnxTensor;
}

export const SETUP_ONNX = 'npm run setup:onnx';
// Resolved inside this folder only, so a stale copy elsewhere (an old root install) is never picked up.
const PKG = fileURLToPath(new URL('./node_modules/onnxruntime-node/package.json', import.meta.url));

function load(): OnnxRuntime | undefined {
  if (existsSync(PKG)) return createRequire(PKG)('onnxruntime-node') as OnnxRuntime;
  // CI runs `npm run setup:onnx` after `npm ci`: there a missing runtime is a broken install, not a reason to skip.
  if (process.env['CI'] === 'true')
    throw new Error(`onnxruntime-node is not installed in test/onnx (CI=true): run \`${SETUP_ONNX}\``);
  return undefined;
}

/** onnxruntime-node (CPU build, float64 capable), or undefined outside CI when `npm run setup:onnx` has not run. */
export const ort: OnnxRuntime | undefined = load();

/** Appended to the title of a test that needs onnxruntime: says why it is skipped and how to run it. */
export const NEEDS_ORT =
  ort === undefined ? ` (skipped: onnxruntime-node is not installed; \`${SETUP_ONNX}\` installs it)` : '';
