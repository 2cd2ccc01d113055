// Adam / AdamW: torch.optim.Adam's and AdamW's update, with bias correction in PyTorch 1.13's order.

import type { Value } from '../engine/value.js';
import { describe } from '../engine/describe.js';
import { numberOption, Optimizer, optionsObject, type LearningRate } from './Optimizer.js';

/** Options of `new Adam(params, opts)`, named and defaulted as `torch.optim.Adam`'s. */
export interface AdamOptions {
  /** Learning rate γ: a number >= 0, or a function of the step index (see {@link microgradDecay}). */
  lr: LearningRate;
  /**
   * The decay rates β₁ and β₂ of the running means of the gradient and of its square, each in
   * [0, 0.999999999]. Default [0.9, 0.999].
   */
  betas?: readonly [number, number];
  /** ε >= 0, added to √v̂ so the step never divides by zero. Default 1e-8. */
  eps?: number;
  /** Weight decay λ >= 0. Default 0. */
  weightDecay?: number;
  /**
   * `true`: AdamW's decoupled decay (p ← p·(1 − lr·wd)); `false`: L2 added to the gradient, as Adam.
   * Default false.
   */
  decoupled?: boolean;
}

/**
 * Adam, as `torch.optim.Adam` computes it (and AdamW, `torch.optim.AdamW`, with `decoupled: true`). Each
 * parameter θ keeps a running mean m of its gradient and v of the gradient's square; at step t = 1, 2, …
 * with gradient ∇ and learning rate γ:
 *
 * ```text
 * g ← ∇ + λ·θ               Adam's weight decay λ, or instead
 * θ ← θ·(1 − γ·λ)           AdamW's (decoupled: true), g ← ∇
 * m ← β₁·m + (1 − β₁)·g
 * v ← β₂·v + (1 − β₂)·g²
 * m̂ = m / (1 − β₁ᵗ)         bias correction: m and v start at 0,
 * v̂ = v / (1 − β₂ᵗ)         so early averages are too small
 * θ ← θ − γ·m̂ / (√v̂ + ε)
 * ```
 *
 * So the first step moves every parameter by about γ against the sign of its gradient, whatever the
 * gradient's size.
 *
 * @example
 * Minimise w² from w = 2 (its gradient is 2w):
 * ```ts
 * import { Adam, Value } from 'micrograd-ts';
 *
 * const w = new Value(2);
 * const opt = new Adam([w], { lr: 0.1 });
 * opt.zeroGrad();
 * w.mul(w).backward();
 * opt.step();
 * console.log(w.data); // → 1.90000000025
 * opt.zeroGrad();
 * w.mul(w).backward();
 * opt.step();
 * console.log(w.data); // → 1.800166486115701
 * ```
 * (`torch.optim.Adam` in float64 gives the same two numbers; the first is 2 − 0.1·4 / (4 + 1e-8).)
 */
export class Adam extends Optimizer {
  /** β₁: decay rate of the running mean of the gradient. */
  readonly beta1: number;
  /** β₂: decay rate of the running mean of the squared gradient. */
  readonly beta2: number;
  /** ε, added to √v̂ in the step's denominator. */
  readonly eps: number;
  /** Weight decay λ (0: none); how it applies depends on `decoupled`. */
  readonly weightDecay: number;
  /** `true`: AdamW's decay θ ← θ·(1 − γ·λ) before the update; `false`: Adam's λ·θ added to the gradient. */
  readonly decoupled: boolean;
  private readonly m: Float64Array;
  private readonly v: Float64Array;

  /**
   * An Adam (or AdamW) optimizer over `params`, with every running mean at 0.
   *
   * @param params - The Values to update, usually `model.parameters()`.
   * @param opts - The learning rate, and betas, eps, weight decay and its kind (defaults as PyTorch's).
   * @throws TypeError when `params` is not an array of Values; when `opts` is not an object or has an
   *   unknown key; when `opts.lr` is neither a number nor a function; when `opts.betas` is not a pair;
   *   when `opts.decoupled` is not a boolean.
   * @throws RangeError when a Value appears twice in `params`; when `opts.lr` is not a finite number >= 0;
   *   when a beta is outside [0, 0.999999999] or `eps` or `weightDecay` is negative.
   */
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
