// SGD: torch.optim.SGD's update (weight decay, momentum with dampening, Nesterov), in PyTorch's order.

import type { Value } from '../engine/value.js';
import { numberOption, Optimizer, optionsObject, type LearningRate } from './Optimizer.js';

/** Options of `new SGD(params, opts)`, named and defaulted as `torch.optim.SGD`'s. */
export interface SGDOptions {
  /** Learning rate γ: a number >= 0, or a function of the step index (see {@link microgradDecay}). */
  lr: LearningRate;
  /** Momentum factor μ >= 0; default 0 (plain gradient descent). */
  momentum?: number;
  /** Dampening τ in [0, 1] of the gradient's share of the momentum buffer; default 0. */
  dampening?: number;
  /** Nesterov momentum (needs momentum > 0 and dampening 0); default false. */
  nesterov?: boolean;
  /** L2 weight decay λ >= 0, added to the gradient as λ·θ; default 0. */
  weightDecay?: number;
}

/**
 * Stochastic gradient descent, as `torch.optim.SGD` computes it. For each parameter θ with gradient ∇ and
 * learning rate γ, in this order:
 *
 * ```text
 * g ← ∇ + λ·θ               weight decay λ, when λ ≠ 0
 * if μ ≠ 0:                 momentum μ
 *   b ← g                   on the first step
 *   b ← μ·b + (1 − τ)·g     on later steps (dampening τ)
 *   g ← g + μ·b             with Nesterov, else g ← b
 * θ ← θ − γ·g
 * ```
 *
 * With no options besides `lr` this is micrograd's update, `p.data -= lr * p.grad`.
 *
 * @example
 * Minimise w² from w = 2 (its gradient is 2w), with momentum:
 * ```ts
 * import { SGD, Value } from 'micrograd-ts';
 *
 * const w = new Value(2);
 * const opt = new SGD([w], { lr: 0.1, momentum: 0.9 });
 * for (let k = 0; k < 2; k++) {
 *   opt.zeroGrad();
 *   w.mul(w).backward();
 *   opt.step(); // w: 2 → 1.6 (b = 4) → 0.92 (b = 0.9·4 + 3.2 = 6.8)
 * }
 * console.log(w.data); // → 0.9199999999999999
 * ```
 * (`torch.optim.SGD` in float64 gives 0.9199999999999999 too.)
 */
export class SGD extends Optimizer {
  /** Momentum factor μ (0: none). */
  readonly momentum: number;
  /** Dampening τ of the gradient's share of the momentum buffer. */
  readonly dampening: number;
  /** Whether the step uses Nesterov momentum, g + μ·b, rather than the buffer b. */
  readonly nesterov: boolean;
  /** L2 weight decay λ, added to each gradient as λ·θ. */
  readonly weightDecay: number;
  /** Momentum buffers; null until the first step, which sets them to the gradient (as PyTorch does). */
  private buf: Float64Array | null = null;

  /**
   * An SGD optimizer over `params` (momentum buffers are made on the first step).
   *
   * @param params - The Values to update, usually `model.parameters()`.
   * @param opts - The learning rate, and momentum, dampening, Nesterov and weight decay (default 0, off).
   * @throws TypeError when `params` is not an array of Values; when `opts` is not an object or has an
   *   unknown key; when `opts.lr` is neither a number nor a function; when `opts.nesterov` is not a boolean.
   * @throws RangeError when a Value appears twice in `params`; when `opts.lr` is not a finite number >= 0;
   *   when `momentum` or `weightDecay` is negative or `dampening` outside [0, 1]; when `nesterov` is set
   *   without momentum > 0 and dampening 0.
   */
  constructor(params: readonly Value[], opts: SGDOptions) {
    const o = optionsObject(opts, 'new SGD(params, opts)', [
      'lr',
      'momentum',
      'dampening',
      'nesterov',
      'weightDecay',
    ]);
    super('SGD', params, o['lr']);
    const where = 'new SGD(params, opts)';
    this.momentum = numberOption(o['momentum'], 0, 0, Infinity, `${where}: opts.momentum`);
    this.dampening = numberOption(o['dampening'], 0, 0, 1, `${where}: opts.dampening`);
    this.weightDecay = numberOption(o['weightDecay'], 0, 0, Infinity, `${where}: opts.weightDecay`);
    const nesterov = o['nesterov'] ?? false;
    if (typeof nesterov !== 'boolean')
      throw new TypeError(`${where}: expected opts.nesterov to be a boolean`);
    if (nesterov && (this.momentum <= 0 || this.dampening !== 0)) {
      throw new RangeError(`${where}: Nesterov momentum needs momentum > 0 and dampening 0`);
    }
    this.nesterov = nesterov;
  }

  protected update(lr: number): void {
    this.updateThroughHeld(lr);
  }

  protected override updateHeld(lr: number, data: Float64Array, grad: Float64Array, at: Int32Array): void {
    const { momentum, dampening, nesterov, weightDecay, params } = this;
    const first = this.buf === null;
    if (momentum !== 0 && this.buf === null) this.buf = new Float64Array(params.length);
    const buf = this.buf;
    for (let i = 0; i < params.length; i++) {
      const s = at[i]!;
      let d = grad[s]!;
      if (weightDecay !== 0) d = d + weightDecay * data[s]!;
      if (buf !== null) {
        buf[i] = first ? d : buf[i]! * momentum + (1 - dampening) * d;
        d = nesterov ? d + momentum * buf[i]! : buf[i]!;
      }
      data[s] = data[s]! + -lr * d;
    }
  }
}
