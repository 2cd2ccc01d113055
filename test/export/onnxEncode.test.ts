// The ONNX bytes written without code generation (so pages under a strict CSP can export) decode, through
// protobufjs's reflection of onnx.proto3's own text, to exactly the model that was written.
import { describe, expect, it } from 'vitest';
import { toOnnx } from '../../src/export/index.js';
import { decodeOnnx } from './onnxProto.js';
import { CASES } from './models.js';

describe('the ONNX encoding', () => {
  it('writes what protobufjs reflection reads back, field for field, for every test model', () => {
    for (const c of CASES) {
      const decoded = decodeOnnx(toOnnx(c.json, { source: 'a "quoted" source' }));
      expect(decoded.ir_version).toBe(7);
      expect(decoded.opset_import).toEqual([{ domain: '', version: 14 }]);
      const graph = decoded.graph;
      // Every layer's weights and biases, bit for bit, with their shapes.
      c.json.layers.forEach((layer, l) => {
        const [w, b] = [graph.initializer[2 * l]!, graph.initializer[2 * l + 1]!];
        expect(w.name).toBe(`fc${l + 1}.weight`);
        expect(w.dims).toEqual([layer.weights.length, layer.weights[0]!.length]);
        expect(w.double_data).toEqual(layer.weights.flat());
        expect(b.double_data).toEqual(layer.biases);
      });
      expect(graph.node.filter((n) => n.op_type === 'Gemm').length).toBe(c.json.layers.length);
      expect(decoded.metadata_props).toEqual([{ key: 'source', value: 'a "quoted" source' }]);
    }
  });
});
