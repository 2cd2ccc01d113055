// Run an exported ONNX model in onnxruntime-node on a batch of points, in float64.
import { ONNX_INPUT, ONNX_OUTPUT } from '../../src/export/index.js';
import { ort, SETUP_ONNX } from '../onnx/onnxRuntime.js';

export async function runOnnx(
  bytes: Uint8Array,
  points: number[][],
): Promise<{ rows: number[][]; type: string }> {
  // Callers skip when it is absent (test titles carry NEEDS_ORT); this is only a guard.
  if (ort === undefined) throw new Error(`runOnnx: onnxruntime-node is not installed: run \`${SETUP_ONNX}\``);
  const session = await ort.InferenceSession.create(bytes);
  try {
    const nin = points[0]!.length;
    const input = new ort.Tensor('float64', Float64Array.from(points.flat()), [points.length, nin]);
    const out = (await session.run({ [ONNX_INPUT]: input }))[ONNX_OUTPUT]!;
    const [n, nout] = out.dims as [number, number];
    const data = out.data as Float64Array;
    const rows = Array.from({ length: n }, (_, p) => Array.from(data.subarray(p * nout, (p + 1) * nout)));
    return { rows, type: out.type };
  } finally {
    await session.release();
  }
}
