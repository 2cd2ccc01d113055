// Optimizer: the parameter list, the learning rate (a number or a schedule of the step) and zeroGrad.

import { checkKeys } from '../engine/checkKeys.js';
import { describe } from '../engine/describe.js';
import { Value } from '../engine/value.js';

/** A learning rate: a constant, or a function of the step index (0 for the first step). */
export type LearningRate = number | ((step: number) => number);

/**
 * What every optimizer shares, as `torch.optim.Optimizer`: the parameters it updates, the learning rate
 * (a number or a schedule of the step), `zeroGrad` and `step`. A training step is: `zeroGrad()`, build the
 * loss, `loss.backward()`, `step()`. {@link SGD} and {@link Adam} are the two there are.
 */
export abstract class Optimizer {
  /** The Values this optimizer updates (a copy of the array given; the Values themselves are shared). */
  readonly params: readonly Value[];
  /** Steps taken so far; the next `step()` uses the learning rate for this index. */
  stepCount = 0;
  private readonly lrSpec: LearningRate;
  private readonly name: string;
  /** Scratch arrays for `updateThroughHeld`, made on its first call. */
  private gathered: { data: Float64Array; grad: Float64Array; at: Int32Array } | null = null;

  protected constructor(name: string, params: readonly Value[], lr: unknown) {
    this.name = name;
    const where = `new ${name}(params, opts)`;
    if (!Array.isArray(params)) {
      throw new TypeError(
        `${where}: expected params to be an array of Values (model.parameters()), got ${describe(params)}`,
      );
    }
    const seen = new Set<Value>();
    params.forEach((p: unknown, i) => {
      if (!(p instanceof Value))
        throw new TypeError(`${where}: expected params[${i}] to be a Value, got ${describe(p)}`);
      if (seen.has(p)) throw new RangeError(`${where}: params[${i}] appears twice in params`);
      seen.add(p);
    });
    this.params = [...params];
    if (typeof lr === 'number') checkRate(lr, `${where}: opts.lr`);
    else if (typeof lr !== 'function') {
      throw new TypeError(
        `${where}: expected opts.lr to be a number or a function of the step, got ${describe(lr)}`,
      );
    }
    this.lrSpec = lr as LearningRate;
  }

  /**
   * The learning rate the next `step()` will use: the number given, or the schedule at `stepCount`.
   *
   * @throws RangeError when the schedule gives something other than a finite number >= 0.
   */
  get lr(): number {
    const spec = this.lrSpec;
    if (typeof spec === 'number') return spec;
    return checkRate(
      spec(this.stepCount),
      `${this.name}: the learning-rate schedule at step ${this.stepCount}`,
    );
  }

  /** Set every parameter's grad to 0. */
  zeroGrad(): void {
    for (const p of this.params) p.grad = 0;
  }

  /**
   * Update every parameter from its grad (by the rule of the optimizer), then count the step.
   *
   * @throws RangeError when the learning-rate schedule gives something other than a finite number >= 0;
   *   nothing is updated then.
   */
  step(): void {
    this.update(this.lr);
    this.stepCount++;
  }

  /**
   * @internal `step()` over parameters held in arrays (a Trainer's run keeps them there): params[i]'s data
   * is `data[at[i]]` and its grad `grad[at[i]]`. The same arithmetic; the Values are left alone.
   */
  stepHeld(data: Float64Array, grad: Float64Array, at: Int32Array): void {
    this.updateHeld(this.lr, data, grad, at);
    this.stepCount++;
  }

  protected abstract update(lr: number): void;

  /**
   * The update over held arrays. An optimizer written over Values only (a subclass with just `update`)
   * runs through them: the held numbers written to its parameters, `update(lr)`, the data read back.
   */
  protected updateHeld(lr: number, data: Float64Array, grad: Float64Array, at: Int32Array): void {
    const ps = this.params;
    for (let i = 0; i < ps.length; i++) {
      ps[i]!.data = data[at[i]!]!;
      ps[i]!.grad = grad[at[i]!]!;
    }
    this.update(lr);
    for (let i = 0; i < ps.length; i++) data[at[i]!] = ps[i]!.data;
  }

  /**
   * `update(lr)` for an optimizer whose arithmetic is written once, in `updateHeld`: the parameters'
   * data and grads are gathered into arrays, updated there, and the data written back.
   */
  protected updateThroughHeld(lr: number): void {
    const ps = this.params;
    const n = ps.length;
    this.gathered ??= { data: new Float64Array(n), grad: new Float64Array(n), at: identity(n) };
    const { data, grad, at } = this.gathered;
    for (let i = 0; i < n; i++) {
      data[i] = ps[i]!.data;
      grad[i] = ps[i]!.grad;
    }
    this.updateHeld(lr, data, grad, at);
    for (let i = 0; i < n; i++) ps[i]!.data = data[i]!;
  }
}

function identity(n: number): Int32Array {
  const at = new Int32Array(n);
  for (let i = 0; i < n; i++) at[i] = i;
  return at;
}

function checkRate(lr: unknown, where: string): number {
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr < 0) {
    throw new RangeError(`${where}: expected a finite learning rate >= 0, got ${describe(lr)}`);
  }
  return lr;
}

/** A finite number in [lo, hi] (or its default when undefined). */
export function numberOption(x: unknown, dflt: number, lo: number, hi: number, where: string): number {
  if (x === undefined) return dflt;
  if (typeof x !== 'number' || !(x >= lo && x <= hi)) {
    throw new RangeError(`${where}: expected a number in [${lo}, ${hi}], got ${describe(x)}`);
  }
  return x;
}

export function optionsObject(
  opts: unknown,
  where: string,
  known: readonly string[],
): Record<string, unknown> {
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts)) {
    throw new TypeError(`${where}: expected opts to be an object with lr, got ${describe(opts)}`);
  }
  checkKeys(opts, known, where);
  return opts as Record<string, unknown>;
}
