// The ONNX export run by onnxruntime-node: float64 in and out, the library's predictions to 1e-12.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { ONNX_INPUT, ONNX_OUTPUT, toOnnx } from '../../src/export/index.js';
import { HOSTILE_SOURCES } from './hostileSources.js';
import { CASES, mismatches } from './models.js';
import { runOnnx } from './runOnnx.js';

describe('toOnnx', () => {
  it.each(CASES)('$name: onnxruntime gives MLP.predict to 1e-12, in float64', async (c) => {
    const { rows, type } = await runOnnx(toOnnx(c.json), c.points);
    expect(type).toBe('float64');
    expect(mismatches(c, rows)).toEqual([]);
  });

  it('names its float64 input and output and takes any batch size', async () => {
    const c = CASES[1]!;
    const session = await ort.InferenceSession.create(toOnnx(c.json));
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
      const session = await ort.InferenceSession.create(toOnnx(CASES[3]!.json, { source }));
      expect(session.outputNames).toEqual([ONNX_OUTPUT]);
      await session.release();
    }
  });
});
