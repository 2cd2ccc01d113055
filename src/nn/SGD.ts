// SGD: torch.optim.SGD's update (weight decay, momentum with dampening, Nesterov), in PyTorch's order.

import type { Value } from '../engine/value.js';
import { numberOption, Optimizer, optionsObject, type LearningRate } from './Optimizer.js';

export interface SGDOptions {
  lr: LearningRate;
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
  weightDecay?: number;
}

export class SGD extends Optimizer {
  readonly momentum: number;
  readonly dampening: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;
  /** Momentum buffers; null until the first step, which sets them to the gradient (as PyTorch does). */
  private buf: Float64Array | null = null;

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
