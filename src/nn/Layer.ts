// Layer: nout neurons reading the same nin inputs.

import type { Value } from '../engine/value.js';
import { checkActivation } from './activation.js';
import { Module } from './Module.js';
import { Neuron, type NeuronOptions } from './Neuron.js';
import { checkInput, checkOptionsObject, checkSize, resolveRandom } from './options.js';

export type LayerOptions = Omit<NeuronOptions, 'fanOut'>;

export class Layer extends Module {
  readonly neurons: Neuron[];

  constructor(nin: number, nout: number, opts?: LayerOptions) {
    super();
    const where = 'new Layer(nin, nout, opts)';
    checkSize(nin, 'nin', where);
    checkSize(nout, 'nout', where);
    const o = checkOptionsObject(opts, where, ['activation']);
    // One generator for the whole layer, so neuron k draws after neuron k-1 as in micrograd.
    const { rng, init } = resolveRandom(o, where);
    const neuronOpts: NeuronOptions = { rng, init, fanOut: nout };
    if (o['activation'] !== undefined)
      neuronOpts.activation = checkActivation(o['activation'], `${where} opts.activation`);
    this.neurons = [];
    for (let j = 0; j < nout; j++) this.neurons.push(new Neuron(nin, neuronOpts));
  }

  get nin(): number {
    return this.neurons[0]!.nin;
  }

  get nout(): number {
    return this.neurons.length;
  }

  /** Always an array, even for one neuron. */
  forward(x: readonly (Value | number)[]): Value[] {
    return this._forward(checkInput(x, this.nin, 'Layer.forward(x)'));
  }

  /** @internal forward without input checks. */
  _forward(x: readonly (Value | number)[]): Value[] {
    const out: Value[] = new Array<Value>(this.neurons.length);
    for (let j = 0; j < this.neurons.length; j++) out[j] = this.neurons[j]!._forward(x);
    return out;
  }

  parameters(): Value[] {
    const ps: Value[] = [];
    for (const n of this.neurons) {
      for (const w of n.w) ps.push(w); // a loop: push(...n.w) overflows the stack on wide neurons
      ps.push(n.b);
    }
    return ps;
  }

  override toString(): string {
    return `Layer of [${this.neurons.map(String).join(', ')}]`;
  }
}
