// The ONNX bytes written without code generation (so pages under a strict CSP can export) decode, through
// protobufjs's reflection of the same schema, to exactly the model that was written.
import { describe, expect, it } from 'vitest';
import { toOnnx } from '../../src/export/index.js';
import { encodeOnnxModel } from '../../src/export/onnxEncode.js';
import { onnxModelType } from '../../src/export/onnxSchema.js';
import { CASES } from './models.js';

describe('encodeOnnxModel', () => {
  it('writes what protobufjs reflection reads back, field for field, for every test model', () => {
    const Model = onnxModelType();
    for (const c of CASES) {
      const bytes = toOnnx(c.json, { source: 'a "quoted" source' });
      const decoded = Model.toObject(Model.decode(bytes), { longs: Number, defaults: false });
      expect(decoded['ir_version']).toBe(7);
      expect(decoded['opset_import']).toEqual([{ version: 14 }]);
      const graph = decoded['graph'] as {
        initializer: { name: string; dims: number[]; double_data: number[] }[];
        node: { op_type: string }[];
      };
      // Every layer's weights and biases, bit for bit, with their shapes.
      c.json.layers.forEach((layer, l) => {
        const [w, b] = [graph.initializer[2 * l]!, graph.initializer[2 * l + 1]!];
        expect(w.name).toBe(`fc${l + 1}.weight`);
        expect(w.dims).toEqual([layer.weights.length, layer.weights[0]!.length]);
        expect(w.double_data).toEqual(layer.weights.flat());
        expect(b.double_data).toEqual(layer.biases);
      });
      expect(graph.node.filter((n) => n.op_type === 'Gemm').length).toBe(c.json.layers.length);
      expect(decoded['metadata_props']).toEqual([{ key: 'source', value: 'a "quoted" source' }]);
    }
  });

  it('encodes scalars, nested and repeated fields so they read back as reflection encodes them', () => {
    const Model = onnxModelType();
    const m = {
      ir_version: 7,
      producer_name: 'p',
      opset_import: [{ domain: '', version: 14 }],
      graph: {
        name: 'g',
        node: [
          { op_type: 'Gemm', input: ['a', 'b'], output: ['c'], attribute: [{ name: 't', type: 2, i: 1 }] },
        ],
        initializer: [{ name: 'w', data_type: 11, dims: [2, 1], double_data: [0.5, -1e-300] }],
      },
    };
    const mine = encodeOnnxModel(m);
    const theirs = Model.encode(Model.fromObject(m)).finish();
    expect(Model.toObject(Model.decode(mine), { longs: Number })).toEqual(
      Model.toObject(Model.decode(theirs), { longs: Number }),
    );
  });
});
