// conforms: onnxruntime-node's real types fit the interface the tests load it as (checked by `npm run setup:onnx`).
import type * as real from 'onnxruntime-node';
import type { OnnxRuntime } from './onnxRuntime.js';

export const conforms = (ort: typeof real): OnnxRuntime => ort;
