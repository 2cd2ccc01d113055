// MLP: a stack of Layers — ReLU on every layer but the last, which is linear, as in micrograd.

import { describe } from '../engine/describe.js';
import { JUPYTER_DISPLAY, type MimeBundle } from '../engine/display.js';
import type { Value } from '../engine/value.js';
import { activateNumber, checkActivation, type Activation } from './activation.js';
import { Layer } from './Layer.js';
import { Module } from './Module.js';
import { MLP_FORMAT, parseMlpJson, type MlpJson } from './mlpJson.js';
import { checkInput, checkOptionsObject, checkSize, resolveRandom, type RandomOptions } from './options.js';
import { checkTask, type Task } from './task.js';

/**
 * Options of `new MLP(nin, nouts, opts)`: the activations, the task, and how the weights are drawn
 * ({@link RandomOptions}).
 */
export interface MLPOptions extends RandomOptions {
  /** Activation of the hidden layers; default `relu`. */
  activation?: Activation;
  /** Activation of the last layer; default `linear`. */
  outputActivation?: Activation;
  /** One activation per layer (overrides the two above). */
  activations?: readonly Activation[];
  /**
   * What the model is for: `classification` (default; outputs are class scores) or `regression` (its
   * first output is the predicted number). Trainer, `micrograd predict` and the exports read it here.
   */
  task?: Task;
}

/**
 * A multi-layer perceptron, as micrograd's `MLP`: a stack of {@link Layer}s, each feeding the next, with
 * ReLU on every layer but the last, which is linear. `new MLP(2, [16, 16, 1])` is the model of micrograd's
 * demo: 2 inputs, two hidden layers of 16 neurons, one output score (337 parameters).
 *
 * `forward` records a graph to call `backward()` on; `predict` gives the same numbers without one; `toJSON`
 * and {@link MLP.fromJSON} save and load it. Train it with a {@link Trainer}, or by hand with {@link SGD} or
 * {@link Adam}.
 *
 * @example
 * ```ts
 * import { MLP } from 'micrograd-ts';
 *
 * const model = new MLP(2, [16, 16, 1]);
 * console.log(model.parameters().length); // → 337
 * const [score] = model.forward([0.5, -1]);
 * score!.backward(); // fills the grad of every parameter
 * console.log(model.predict([0.5, -1])[0] === score!.data); // → true
 * const copy = MLP.fromJSON(JSON.stringify(model));
 * console.log(copy.predict([0.5, -1])[0] === score!.data); // → true
 * ```
 */
export class MLP extends Module {
  /** The layers, input side first. */
  readonly layers: Layer[];
  /** What the model is for (see {@link MLPOptions.task}); `classification` unless made with `regression`. */
  readonly task: Task;

  /**
   * A model of `nouts.length` layers with random weights: layer i has `nouts[i]` neurons.
   *
   * @param nin - Number of inputs.
   * @param nouts - The size of each layer, input side first; the last is the number of outputs.
   * @param opts - Activations (default ReLU, then a linear last layer), task (default `classification`)
   *   and how the weights are drawn (default micrograd's uniform in [-1, 1) from a generator seeded with 0).
   * @throws RangeError when `nin` or a layer size is not a positive integer.
   * @throws TypeError when `nouts` is not a non-empty array; when `opts` is not an object or has an unknown
   *   key; when an activation, `opts.init` or `opts.task` is not one of the known names, or
   *   `opts.activations` does not hold one activation per layer; when `opts.rng` is not an {@link Rng} or
   *   `opts.seed` not an integer, or both are given.
   */
  constructor(nin: number, nouts: readonly number[], opts?: MLPOptions) {
    super();
    const where = 'new MLP(nin, nouts, opts)';
    checkSize(nin, 'nin', where);
    if (!Array.isArray(nouts) || nouts.length === 0) {
      throw new TypeError(
        `${where}: expected nouts to be a non-empty array of layer sizes, got ${describe(nouts)}`,
      );
    }
    nouts.forEach((n, i) => checkSize(n, `nouts[${i}]`, where));
    const o = checkOptionsObject(opts, where, ['activation', 'outputActivation', 'activations', 'task']);
    this.task = o['task'] === undefined ? 'classification' : checkTask(o['task'], `${where} opts.task`);
    const acts = layerActivations(o, nouts.length, where);
    const { rng, init } = resolveRandom(o, where);
    const sizes = [nin, ...nouts];
    this.layers = [];
    for (let i = 0; i < nouts.length; i++) {
      this.layers.push(new Layer(sizes[i]!, sizes[i + 1]!, { rng, init, activation: acts[i]! }));
    }
  }

  /** Number of inputs the model reads. */
  get nin(): number {
    return this.layers[0]!.nin;
  }

  /** Layer sizes, as passed to the constructor. */
  get nouts(): number[] {
    return this.layers.map((l) => l.nout);
  }

  /**
   * The model's outputs for input `x`, recorded as a graph (call `backward()` on a loss built from them):
   * always an array, even for one output neuron.
   *
   * @param x - `nin` inputs, numbers or Values.
   * @throws TypeError when `x` is not an array, or an entry is neither a number nor a Value.
   * @throws RangeError when `x` does not have `nin` entries, or a number in it is not finite.
   */
  forward(x: readonly (Value | number)[]): Value[] {
    let h = checkInput(x, this.nin, 'MLP.forward(x)');
    for (const layer of this.layers) h = layer._forward(h);
    return h as Value[];
  }

  /**
   * The outputs as plain numbers, without recording a graph (for plotting and prediction): the same sums in
   * the same order as `forward`, so the numbers are identical.
   *
   * @param x - `nin` finite numbers.
   * @throws TypeError when `x` is not an array of numbers (Values included: use `forward` for those).
   * @throws RangeError when `x` does not have `nin` entries, or one is not finite.
   */
  predict(x: readonly number[]): number[] {
    let h = checkInput(x, this.nin, 'MLP.predict(x)') as readonly number[];
    if (h.some((v) => typeof v !== 'number'))
      throw new TypeError('MLP.predict(x): expected x to hold numbers, not Values');
    for (const layer of this.layers) {
      h = layer.neurons.map((n) => {
        let act = n.b.data;
        for (let i = 0; i < n.w.length; i++) act = act + n.w[i]!.data * h[i]!;
        return activateNumber(act, n.activation);
      });
    }
    return h as number[];
  }

  /** Every weight and bias, layer by layer, neuron by neuron, weights then bias (micrograd's order). */
  parameters(): Value[] {
    const ps: Value[] = [];
    // A loop, not push(...n.w): spreading a 125k-weight neuron into arguments overflows the stack.
    for (const l of this.layers)
      for (const n of l.neurons) {
        for (const w of n.w) ps.push(w);
        ps.push(n.b);
      }
    return ps;
  }

  override toString(): string {
    return `MLP of [${this.layers.map(String).join(', ')}]`;
  }

  /** The last line of a Jupyter cell shows the model: its printed form and a table of its layers. */
  [JUPYTER_DISPLAY](): MimeBundle {
    const rows = this.layers.map((l, i) => {
      const n = l.neurons.length;
      return `<tr><td>${i + 1}</td><td>${l.nin} → ${n}</td><td>${l.neurons[0]!.activation}</td><td>${n * (l.nin + 1)}</td></tr>`;
    });
    const head = '<tr><th>layer</th><th>inputs → outputs</th><th>activation</th><th>parameters</th></tr>';
    const total = `<caption>MLP, ${this.parameters().length} parameters</caption>`;
    return { 'text/plain': this.toString(), 'text/html': `<table>${total}${head}${rows.join('')}</table>` };
  }

  /**
   * A plain object that `MLP.fromJSON` turns back into the same model (so `JSON.stringify(model)` saves it):
   * its sizes, activations and every weight and bias, in the {@link MlpJson} format.
   */
  toJSON(): MlpJson {
    return {
      format: MLP_FORMAT,
      nin: this.nin,
      // Written only for regression, so a classifier's file reads as it always did.
      ...(this.task === 'regression' ? { task: this.task } : {}),
      layers: this.layers.map((l) => ({
        activation: l.neurons[0]!.activation,
        weights: l.neurons.map((n) => n.w.map((w) => w.data)),
        biases: l.neurons.map((n) => n.b.data),
      })),
    };
  }

  /**
   * Load a model saved by `toJSON` (an object or its JSON text); a malformed input throws and loads nothing.
   *
   * @param json - An {@link MlpJson} object, or its JSON text.
   * @throws TypeError when the text is not JSON or the object is not a valid model, naming the first bad
   *   field (`layers[1].weights[0]: expected an array of 16 numbers …`).
   */
  static fromJSON(json: unknown): MLP {
    const spec = parseMlpJson(json);
    const model = new MLP(spec.nin, spec.nouts, { activations: spec.activations, task: spec.task });
    const ps = model.parameters();
    for (let i = 0; i < ps.length; i++) ps[i]!.data = spec.params[i]!;
    return model;
  }
}

function layerActivations(o: Record<string, unknown>, n: number, where: string): Activation[] {
  const list = o['activations'];
  if (list !== undefined) {
    if (!Array.isArray(list) || list.length !== n) {
      throw new TypeError(
        `${where}: expected opts.activations to be an array of ${n} activations, got ${describe(list)}`,
      );
    }
    return list.map((a, i) => checkActivation(a, `${where} opts.activations[${i}]`));
  }
  const hidden =
    o['activation'] === undefined ? 'relu' : checkActivation(o['activation'], `${where} opts.activation`);
  const last =
    o['outputActivation'] === undefined
      ? 'linear'
      : checkActivation(o['outputActivation'], `${where} opts.outputActivation`);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? last : hidden));
}
