// Adam / AdamW: torch.optim.Adam's and AdamW's update, with bias correction in PyTorch 1.13's order.

import type { Value } from '../engine/value.js';
import { describe } from '../engine/describe.js';
import { numberOption, Optimizer, optionsObject, type LearningRate } from './Optimizer.js';

export interface AdamOptions {
  lr: LearningRate;
  /** Default [0.9, 0.999]. */
  betas?: readonly [number, number];
  /** Default 1e-8. */
  eps?: number;
  /** Default 0. */
  weightDecay?: number;
  /** true: AdamW's decoupled decay (p ← p·(1 − lr·wd)); false: L2 added to the gradient, as Adam. */
  decoupled?: boolean;
}

export class Adam extends Optimizer {
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;
  readonly decoupled: boolean;
  private readonly m: Float64Array;
  private readonly v: Float64Array;

  constructor(params: readonly Value[], opts: AdamOptions) {
    const where = 'new Adam(params, opts)';
    const o = optionsObject(opts, where, ['lr', 'betas', 'eps', 'weightDecay', 'decoupled']);
    super('Adam', params, o['lr']);
    const betas = o['betas'] ?? [0.9, 0.999];
    if (!Array.isArray(betas) || betas.length !== 2) {
      throw new TypeError(`${where}: expected opts.betas to be [beta1, beta2], got ${describe(betas)}`);
    }
    this.beta1 = numberOption(betas[0], 0.9, 0, 0.999999999, `${where}: opts.betas[0]`);
    this.beta2 = numberOption(betas[1], 0.999, 0, 0.999999999, `${where}: opts.betas[1]`);
    this.eps = numberOption(o['eps'], 1e-8, 0, Infinity, `${where}: opts.eps`);
    this.weightDecay = numberOption(o['weightDecay'], 0, 0, Infinity, `${where}: opts.weightDecay`);
    const decoupled = o['decoupled'] ?? false;
    if (typeof decoupled !== 'boolean')
      throw new TypeError(`${where}: expected opts.decoupled to be a boolean`);
    this.decoupled = decoupled;
    this.m = new Float64Array(this.params.length);
    this.v = new Float64Array(this.params.length);
  }

  protected update(lr: number): void {
    this.updateThroughHeld(lr);
  }

  protected override updateHeld(lr: number, data: Float64Array, grad: Float64Array, at: Int32Array): void {
    const { beta1, beta2, eps, weightDecay, decoupled, params, m, v } = this;
    const t = this.stepCount + 1;
    // PyTorch: step_size = lr / (1 - beta1^t); denom = sqrt(v) / sqrt(1 - beta2^t) + eps.
    const stepSize = lr / (1 - beta1 ** t);
    const bc2Sqrt = Math.sqrt(1 - beta2 ** t);
    for (let i = 0; i < params.length; i++) {
      const s = at[i]!;
      let g = grad[s]!;
      if (weightDecay !== 0) {
        if (decoupled) data[s] = data[s]! * (1 - lr * weightDecay);
        else g = g + weightDecay * data[s]!;
      }
      const mi = m[i]! * beta1 + (1 - beta1) * g;
      const vi = v[i]! * beta2 + (1 - beta2) * g * g;
      m[i] = mi;
      v[i] = vi;
      const denom = Math.sqrt(vi) / bc2Sqrt + eps;
      data[s] = data[s]! + (-stepSize * mi) / denom;
    }
  }
}
