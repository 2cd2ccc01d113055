// Neuron: act(b + w0*x0 + w1*x1 + …), micrograd's neuron with a choice of activation and init.

import { Value } from '../engine/value.js';
import { ACTIVATION_DISPLAY, applyActivation, checkActivation, type Activation } from './activation.js';
import { drawWeight } from './init.js';
import { Module } from './Module.js';
import { checkInput, checkOptionsObject, checkSize, resolveRandom, type RandomOptions } from './options.js';

export interface NeuronOptions extends RandomOptions {
  /** Default `relu` (micrograd's `nonlin=True`). */
  activation?: Activation;
  /** Outputs of the layer this neuron sits in, for Xavier's fan-out; default 1. */
  fanOut?: number;
}

export class Neuron extends Module {
  readonly w: Value[];
  readonly b: Value;
  readonly activation: Activation;

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

  get nin(): number {
    return this.w.length;
  }

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

  parameters(): Value[] {
    return [...this.w, this.b];
  }

  override toString(): string {
    return `${ACTIVATION_DISPLAY[this.activation]}Neuron(${this.w.length})`;
  }
}
