// The playground's presets build exactly the walkthrough's graphs from src/walkthrough.
import { describe, expect, it } from 'vitest';
import type { Value } from '../../src/engine/value.js';
import { trace } from '../../src/viz/trace.js';
import { buildNeuron } from '../../src/walkthrough/neuron.js';
import {
  divisionExample,
  productOfSumExample,
  reuseExample,
  scaleExample,
} from '../../src/walkthrough/roughWork.js';
import { presetById, PRESETS } from '../../web/src/graph/presets.js';
import { Program } from '../../web/src/graph/program.js';

function buildPreset(id: string): Value {
  const p = presetById(id)!;
  const { root, named } = Program.parse(p.text).build(p.values);
  for (const [name, label] of Object.entries(p.labels ?? {})) named.get(name)!.label = label;
  return root;
}

/** Ops, constants, data and grads node by node (and labels where the walkthrough gives them). */
function shape(root: Value, labels: boolean): unknown[] {
  root.zeroGrad(); // some rough-work examples have run backward already
  root.backward();
  return trace(root).nodes.map((v) => [v.opName, v.constant, v.data, v.grad, labels ? v.label : '']);
}

describe('presets', () => {
  it('the neuron and its exp form match buildNeuron node for node, labels included', () => {
    // buildNeuron labels the sum 'nn', as the post does; exact equality: the same operations in the same order.
    expect(shape(buildPreset('neuron'), true)).toEqual(shape(buildNeuron('tanh').o, true));
    const expForm = buildNeuron('exp').o;
    expect(shape(buildPreset('neuron-exp'), false)).toEqual(shape(expForm, false));
  });

  it('the rough-work graphs match src/walkthrough/roughWork', () => {
    expect(shape(buildPreset('division'), false)).toEqual(shape(divisionExample(), false));
    expect(shape(buildPreset('reuse'), true)).toEqual(shape(reuseExample().b, true));
    expect(shape(buildPreset('product-of-sum'), true)).toEqual(shape(productOfSumExample().f, true));
    expect(shape(buildPreset('scale'), false)).toEqual(shape(scaleExample(), false));
  });

  it('every preset parses, and ids are unique', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) expect(Program.parse(p.text).variables.every((v) => v in p.values)).toBe(true);
  });
});
