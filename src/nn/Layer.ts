// Layer: nout neurons reading the same nin inputs.

import type { Value } from '../engine/value.js';
import { checkActivation } from './activation.js';
import { Module } from './Module.js';
import { Neuron, type NeuronOptions } from './Neuron.js';
import { checkInput, checkOptionsObject, checkSize, resolveRandom } from './options.js';

/**
 * Options of `new Layer(nin, nout, opts)`: every neuron's activation and how the weights are drawn. The
 * fan-out a Xavier init needs is the layer's `nout`.
 */
export type LayerOptions = Omit<NeuronOptions, 'fanOut'>;

/**
 * A layer of `nout` {@link Neuron}s, each reading the same `nin` inputs, as micrograd's `Layer`. All the
 * neurons draw their weights from one generator, neuron after neuron, so a seed gives the same layer every
 * time.
 *
 * @example
 * ```ts
 * import { Layer } from 'micrograd-ts';
 *
 * const layer = new Layer(3, 2, { activation: 'tanh' });
 * const out = layer.forward([1, 2, 3]);
 * console.log(out.length, layer.parameters().length); // → 2 8
 * console.log(String(layer)); // → Layer of [TanhNeuron(3), TanhNeuron(3)]
 * ```
 */
export class Layer extends Module {
  /** The layer's neurons, one per output. */
  readonly neurons: Neuron[];

  /**
   * A layer of `nout` fresh neurons, each with `nin` random weights.
   *
   * @param nin - Number of inputs each neuron reads.
   * @param nout - Number of neurons (and of outputs).
   * @param opts - Activation (default `relu`) and how the weights are drawn (default micrograd's uniform in
   *   [-1, 1) from a generator seeded with 0).
   * @throws RangeError when `nin` or `nout` is not a positive integer.
   * @throws TypeError when `opts` is not an object or has an unknown key, when `opts.activation` or
   *   `opts.init` is not one of the known names, when `opts.rng` is not an {@link Rng} or `opts.seed` not an
   *   integer, or when both `rng` and `seed` are given.
   */
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

  /** Number of inputs every neuron reads. */
  get nin(): number {
    return this.neurons[0]!.nin;
  }

  /** Number of neurons, so of outputs. */
  get nout(): number {
    return this.neurons.length;
  }

  /**
   * Every neuron's output for input `x`: always an array, even for one neuron.
   *
   * @param x - `nin` inputs, numbers or Values.
   * @throws TypeError when `x` is not an array, or an entry is neither a number nor a Value.
   * @throws RangeError when `x` does not have `nin` entries, or a number in it is not finite.
   */
  forward(x: readonly (Value | number)[]): Value[] {
    return this._forward(checkInput(x, this.nin, 'Layer.forward(x)'));
  }

  /** @internal forward without input checks. */
  _forward(x: readonly (Value | number)[]): Value[] {
    const out: Value[] = new Array<Value>(this.neurons.length);
    for (let j = 0; j < this.neurons.length; j++) out[j] = this.neurons[j]!._forward(x);
    return out;
  }

  /** Each neuron's weights then bias, neuron by neuron: `nout · (nin + 1)` Values. */
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
