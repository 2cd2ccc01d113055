// Neuron: act(b + w0*x0 + w1*x1 + …), micrograd's neuron with a choice of activation and init.

import { Value } from '../engine/value.js';
import { ACTIVATION_DISPLAY, applyActivation, checkActivation, type Activation } from './activation.js';
import { drawWeight } from './init.js';
import { Module } from './Module.js';
import { checkInput, checkOptionsObject, checkSize, resolveRandom, type RandomOptions } from './options.js';

/** Options of `new Neuron(nin, opts)`: its activation, and how it draws weights ({@link RandomOptions}). */
export interface NeuronOptions extends RandomOptions {
  /** The function applied to the weighted sum; default `relu` (micrograd's `nonlin=True`). */
  activation?: Activation;
  /** Outputs of the layer this neuron sits in, for Xavier's fan-out; default 1. */
  fanOut?: number;
}

/**
 * One neuron, as in micrograd: `act(b + w₀·x₀ + w₁·x₁ + …)`, with `nin` weights drawn at random (micrograd's
 * uniform in [-1, 1) by default) and a bias starting at 0. Its output is a Value, so `backward()` on anything
 * computed from it fills the grads of `w` and `b`.
 *
 * @example
 * The walkthrough's neuron: inputs 2 and 0, weights -3 and 1, the bias that makes the output 1/√2.
 * ```ts
 * import { Neuron } from 'micrograd-ts';
 *
 * const n = new Neuron(2, { activation: 'tanh' });
 * n.w[0]!.data = -3;
 * n.w[1]!.data = 1;
 * n.b.data = 6.88137358;
 * const o = n.forward([2, 0]);
 * o.backward();
 * console.log(o.data.toFixed(4)); // → 0.7071
 * console.log(n.w[0]!.grad.toFixed(4)); // → 1.0000
 * console.log(String(n)); // → TanhNeuron(2)
 * ```
 * (∂o/∂w₀ = x₀·(1 − o²) = 2 · 0.5 = 1.)
 */
export class Neuron extends Module {
  /** The weights, one per input: `w[i]` multiplies input `i`. */
  readonly w: Value[];
  /** The bias, added to the weighted sum; starts at 0. */
  readonly b: Value;
  /** The function applied to the weighted sum (`linear`: none). */
  readonly activation: Activation;

  /**
   * A neuron with `nin` random weights and a bias of 0.
   *
   * @param nin - Number of inputs (and of weights).
   * @param opts - Activation (default `relu`) and how the weights are drawn (default micrograd's uniform
   *   in [-1, 1) from a generator seeded with 0).
   * @throws RangeError when `nin` or `opts.fanOut` is not a positive integer.
   * @throws TypeError when `opts` is not an object or has an unknown key, when `opts.activation` or
   *   `opts.init` is not one of the known names, when `opts.rng` is not an {@link Rng} or `opts.seed` not an
   *   integer, or when both `rng` and `seed` are given.
   */
  constructor(nin: number, opts?: NeuronOptions) {
    super();
    const where = 'new Neuron(nin, opts)';
    checkSize(nin, 'nin', where);
    const o = checkOptionsObject(opts, where, ['activation', 'fanOut']);
    this.activation =
      o['activation'] === undefined ? 'relu' : checkActivation(o['activation'], `${where} opts.activation`);
    const fanOut = o['fanOut'] === undefined ? 1 : checkSize(o['fanOut'], 'opts.fanOut', where);
    const { rng, init } = resolveRandom(o, where);
    this.w = [];
    for (let i = 0; i < nin; i++) this.w.push(new Value(drawWeight(rng, init, nin, fanOut)));
    this.b = new Value(0);
  }

  /** Number of inputs the neuron reads (the length of `w`). */
  get nin(): number {
    return this.w.length;
  }

  /**
   * The neuron's output for input `x`: `act(b + Σ wᵢ·xᵢ)`, the sum starting from the bias and adding the
   * products in order, as micrograd does. Numbers in `x` become constants of the graph; Values stay inputs
   * whose grads `backward()` fills.
   *
   * @param x - `nin` inputs, numbers or Values.
   * @returns The output Value (the root of a new graph over `w`, `b` and `x`).
   * @throws TypeError when `x` is not an array, or an entry is neither a number nor a Value.
   * @throws RangeError when `x` does not have `nin` entries, or a number in it is not finite.
   */
  forward(x: readonly (Value | number)[]): Value {
    return this._forward(checkInput(x, this.w.length, 'Neuron.forward(x)'));
  }

  /** @internal forward without input checks (the caller has checked). */
  _forward(x: readonly (Value | number)[]): Value {
    // micrograd: sum((wi*xi for wi, xi in zip(self.w, x)), self.b) — the sum starts from the bias.
    let act = this.b;
    const w = this.w;
    for (let i = 0; i < w.length; i++) act = act.add(w[i]!.mul(x[i]!));
    return applyActivation(act, this.activation);
  }

  /** The weights, then the bias: `nin + 1` Values. */
  parameters(): Value[] {
    return [...this.w, this.b];
  }

  override toString(): string {
    return `${ACTIVATION_DISPLAY[this.activation]}Neuron(${this.w.length})`;
  }
}
