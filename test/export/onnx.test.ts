// The ONNX export run by onnxruntime-node: float64 in and out, the library's predictions to 1e-12.
import { describe, expect, it } from 'vitest';
import { ONNX_INPUT, ONNX_OUTPUT, toOnnx } from '../../src/export/index.js';
import { NEEDS_ORT, ort } from '../onnx/onnxRuntime.js';
import { HOSTILE_SOURCES } from './hostileSources.js';
import { CASES, mismatches } from './models.js';
import { runOnnx } from './runOnnx.js';
import { decodeOnnx, shapeOf } from './onnxProto.js';

describe.skipIf(ort === undefined)(`toOnnx in onnxruntime${NEEDS_ORT}`, () => {
  it.each(CASES)('$name: onnxruntime gives MLP.predict to 1e-12, in float64', async (c) => {
    const { rows, type } = await runOnnx(toOnnx(c.json), c.points);
    expect(type).toBe('float64');
    expect(mismatches(c, rows)).toEqual([]);
  });

  it('names its float64 input and output and takes any batch size', async () => {
    const c = CASES[1]!;
    const session = await ort!.InferenceSession.create(toOnnx(c.json));
    expect(session.inputNames).toEqual([ONNX_INPUT]);
    expect(session.outputNames).toEqual([ONNX_OUTPUT]);
    await session.release();
    // One point and the whole batch: the batch dimension is symbolic.
    const one = await runOnnx(toOnnx(c.json), [c.points[0]!]);
    expect(mismatches({ ...c, points: [c.points[0]!] }, one.rows)).toEqual([]);
  });

  it('a wrong weight would be seen: a model with one weight changed by 1e-9 fails the comparison', async () => {
    const c = CASES[0]!;
    const json = structuredClone(c.json);
    json.layers[2]!.weights[0]![3]! += 1e-9;
    const { rows } = await runOnnx(toOnnx(json), c.points);
    expect(mismatches(c, rows).length).toBeGreaterThan(0);
  });

  it('keeps every hostile label as metadata that onnxruntime loads', async () => {
    for (const source of HOSTILE_SOURCES) {
      const session = await ort!.InferenceSession.create(toOnnx(CASES[3]!.json, { source }));
      expect(session.outputNames).toEqual([ONNX_OUTPUT]);
      await session.release();
    }
  });
});

describe('toOnnx', () => {
  it('holds, read back by protobufjs from onnx.proto3, the graph the documentation describes', () => {
    const c = CASES[1]!; // 3-5-4-3 (tanh, sigmoid, relu)
    const model = decodeOnnx(toOnnx(c.json, { source: 'model.json' }));
    expect(model.ir_version).toBe(7);
    expect(model.opset_import).toEqual([{ domain: '', version: 14 }]);
    expect(model.producer_name).toBe('micrograd-ts');
    expect(model.doc_string).toBe('A micrograd-ts MLP 3-5-4-3 (tanh, sigmoid, relu).');
    expect(model.metadata_props).toEqual([{ key: 'source', value: 'model.json' }]);
    const g = model.graph;
    expect(g.node.map((n) => `${n.op_type}(${n.input.join(', ')}) -> ${n.output.join(', ')}`)).toEqual([
      'Gemm(input, fc1.weight, fc1.bias) -> fc1',
      'Tanh(fc1) -> fc1.tanh',
      'Gemm(fc1.tanh, fc2.weight, fc2.bias) -> fc2',
      'Sigmoid(fc2) -> fc2.sigmoid',
      'Gemm(fc2.sigmoid, fc3.weight, fc3.bias) -> fc3',
      'Relu(fc3) -> output',
    ]);
    expect(g.node[0]!.attribute).toMatchObject([{ name: 'transB', type: 2, i: 1 }]);
    expect(g.initializer.map((t) => [t.name, t.data_type, t.dims])).toEqual([
      ['fc1.weight', 11, [5, 3]],
      ['fc1.bias', 11, [5]],
      ['fc2.weight', 11, [4, 5]],
      ['fc2.bias', 11, [4]],
      ['fc3.weight', 11, [3, 4]],
      ['fc3.bias', 11, [3]],
    ]);
    expect(g.initializer[2]!.double_data).toEqual(c.json.layers[1]!.weights.flat());
    expect(g.initializer[5]!.double_data).toEqual(c.json.layers[2]!.biases);
    expect([g.input[0]!.name, g.input[0]!.type.tensor_type.elem_type, shapeOf(g.input[0]!)]).toEqual([
      'input',
      11,
      ['N', 3],
    ]);
    expect([g.output[0]!.name, g.output[0]!.type.tensor_type.elem_type, shapeOf(g.output[0]!)]).toEqual([
      'output',
      11,
      ['N', 3],
    ]);
  });

  it('writes a label as valid UTF-8: a lone surrogate becomes U+FFFD, a pair stays', () => {
    const json = CASES[3]!.json;
    expect(toOnnx(json, { source: 'a\ud800b\udc00' })).toEqual(toOnnx(json, { source: 'a\ufffdb\ufffd' }));
    expect(toOnnx(json, { source: '\ud83e\udde0' })).not.toEqual(toOnnx(json, { source: '\ufffd\ufffd' }));
    const bytes = toOnnx(json, { source: '🧠' });
    const brain = new TextEncoder().encode('🧠');
    expect(Buffer.from(bytes).includes(Buffer.from(brain))).toBe(true);
  });
});
