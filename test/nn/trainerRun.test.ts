// Trainer.run: minibatch steps with the parameters held in typed arrays give the numbers of the Value path.
import { describe, expect, it } from 'vitest';
import {
  DivergenceError,
  loadDigits,
  makeMoons,
  MLP,
  Optimizer,
  trainTestSplit,
  Trainer,
  type Dataset,
  type StepResult,
  type TrainOptions,
  type Value,
} from '../../src/index.js';
import { SampleTape } from '../../src/nn/SampleTape.js';

const digits = trainTestSplit(loadDigits(), { testFraction: 0.2, seed: 1337 });
const DIGITS_OPTS: TrainOptions = {
  loss: 'cross-entropy',
  optimizer: 'adam',
  lr: (s) => 0.01 - (0.9 * 0.01 * s) / 900,
  steps: 900,
  batchSize: 32,
  seed: 1337,
};
const digitsModel = (): MLP => new MLP(64, [64, 10], { seed: 1337, init: 'he', activation: 'relu' });

/**
 * The minibatch step as the Trainer took it before the held arrays, from public pieces: zeroGrad, the
 * penalty's grads added to each Value, the one-sample tape's `batch` reading and writing the Values, and
 * the optimizer's `step()` over the Values.
 */
function valueStep(model: MLP, st: SampleTape, opt: Optimizer, batch: Dataset, alpha: number): number {
  opt.zeroGrad();
  let reg = 0;
  for (const p of model.parameters()) {
    const d = p.data;
    reg += d * d;
    p.grad += d * alpha;
    p.grad += d * alpha;
  }
  const n = batch.X.length;
  const { values } = st.tape.batch(st.rows(batch.X, batch.y), { scale: 1 / n });
  let acc = 0;
  for (let i = 0; i < n; i++) acc += values[i]!;
  opt.step();
  return acc * (1 / n) + reg * alpha;
}

describe('Trainer.run on minibatches (parameters held in the tape’s arrays)', () => {
  it('trains the digits as the Value path does: every loss, every parameter’s data and grad, Object.is', () => {
    const model = digitsModel();
    const t = new Trainer(model, digits.train, DIGITS_OPTS);
    // 90 steps: two epochs of 45 minibatches, so the reshuffle between epochs is crossed too.
    const log = t.run(90);
    const ref = digitsModel();
    const twin = new Trainer(ref, digits.train, DIGITS_OPTS); // its optimizer and batches
    const st = new SampleTape(ref, 'cross-entropy', 10);
    const losses = Array.from({ length: 90 }, () =>
      valueStep(ref, st, twin.optimizer, twin.nextBatch(), 1e-4),
    );
    expect(log.map((r) => r.loss)).toEqual(losses);
    const ps = model.parameters();
    const qs = ref.parameters();
    let same = 0;
    for (let i = 0; i < ps.length; i++) {
      if (Object.is(ps[i]!.data, qs[i]!.data) && Object.is(ps[i]!.grad, qs[i]!.grad)) same++;
    }
    expect(same).toBe(4810);
  });

  it('run(k) equals k calls of step(), and onStep sees each result as it comes', () => {
    const a = new Trainer(digitsModel(), digits.train, DIGITS_OPTS);
    const b = new Trainer(digitsModel(), digits.train, DIGITS_OPTS);
    const seen: StepResult[] = [];
    const ran = [...a.run(3, (r) => seen.push(r)), ...a.run(4)];
    const stepped = Array.from({ length: 7 }, () => b.step());
    expect(ran).toEqual(stepped);
    expect(seen).toEqual(stepped.slice(0, 3));
    expect(a.model.parameters().map((p) => p.data)).toEqual(b.model.parameters().map((p) => p.data));
  });

  const moons = makeMoons({ nSamples: 40, noise: 0.1, seed: 3 });
  const twins = (opts: TrainOptions, make?: (m: MLP) => Optimizer) => {
    const trainer = (compile: boolean): Trainer => {
      const model = new MLP(2, [8, 8, 1], { seed: 11, activation: 'tanh' });
      const o = make === undefined ? opts : { ...opts, optimizer: make(model) };
      return new Trainer(model, moons, { ...o, batchSize: 10, steps: 20, compile });
    };
    return { tape: trainer(true), eager: trainer(false) };
  };
  const params = (t: Trainer) => t.model.parameters().map((p) => [p.data, p.grad]);

  it('reads parameters changed between runs, and leaves them current after each', () => {
    const { tape, eager } = twins({ optimizer: 'sgd', lr: 0.5 });
    tape.run(3);
    for (let s = 0; s < 3; s++) eager.step();
    expect(params(tape)).toEqual(params(eager));
    for (const t of [tape, eager]) t.model.parameters()[4]!.data = 0.125;
    tape.run(2);
    for (let s = 0; s < 2; s++) eager.step();
    // max-margin on minibatches: the tape and eager engines agree exactly (minibatchTape.test.ts)
    expect(params(tape)).toEqual(params(eager));
  });

  it('a diverging step throws with the parameters as they were before it, as the eager engine leaves them', () => {
    const { tape, eager } = twins({ optimizer: 'sgd', lr: 1e6 });
    expect(() => tape.run(20)).toThrow(DivergenceError);
    let thrown: unknown;
    try {
      for (let s = 0; s < 20; s++) eager.step();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DivergenceError);
    expect(tape.optimizer.stepCount).toBe(eager.optimizer.stepCount);
    // data only: the eager engine throws before its backward, the tape after the replay that found the loss
    const data = (t: Trainer) => t.model.parameters().map((p) => p.data);
    expect(data(tape)).toEqual(data(eager));
  });

  it('an onStep that throws ends the run with the model as of the steps taken', () => {
    const { tape, eager } = twins({ optimizer: 'adam', lr: 0.02 });
    expect(() =>
      tape.run(10, (r) => {
        if (r.step === 3) throw new Error('stop');
      }),
    ).toThrow('stop');
    for (let s = 0; s < 4; s++) eager.step();
    expect(params(tape)).toEqual(params(eager));
  });

  it('evaluate() inside onStep reads the run’s numbers; step() or run() there is refused', () => {
    const a = new Trainer(digitsModel(), digits.train, DIGITS_OPTS);
    const b = new Trainer(digitsModel(), digits.train, DIGITS_OPTS);
    const inside: unknown[] = [];
    a.run(6, (r) => {
      if (r.step % 3 === 2) inside.push(a.evaluate(), a.evaluate(digits.test));
    });
    const after: unknown[] = [];
    for (let k = 0; k < 2; k++) {
      for (let s = 0; s < 3; s++) b.step();
      after.push(b.evaluate(), b.evaluate(digits.test));
    }
    expect(inside).toEqual(after);
    expect(a.model.parameters().map((p) => p.data)).toEqual(b.model.parameters().map((p) => p.data));
    expect(() => a.run(2, () => a.step())).toThrow(/called from inside a run \(its onStep\)/);
    expect(() => a.run(2, () => a.run(1))).toThrow(/called from inside a run/);
    // the refused call changed nothing: the outer run's first step was taken, and the model holds it
    b.step();
    b.step();
    expect(a.model.parameters().map((p) => p.data)).toEqual(b.model.parameters().map((p) => p.data));
  });

  it('an optimizer written over Values only (its own update) runs through them, with the same numbers', () => {
    class Halving extends Optimizer {
      constructor(ps: readonly Value[]) {
        super('Halving', ps, 0.3);
      }
      protected update(lr: number): void {
        for (const p of this.params) p.data -= lr * p.grad * 0.5;
      }
    }
    const { tape, eager } = twins({}, (m) => new Halving(m.parameters()));
    tape.run(6);
    for (let s = 0; s < 6; s++) eager.step();
    expect(params(tape)).toEqual(params(eager));
  });

  it('loops step() on the full batch and on the eager engine', () => {
    const full = (compile: boolean) =>
      new Trainer(new MLP(2, [4, 1], { seed: 1 }), moons, { steps: 5, compile });
    for (const compile of [true, false]) {
      const a = full(compile);
      const b = full(compile);
      expect(a.run(3)).toEqual([b.step(), b.step(), b.step()]);
    }
  });

  it('refuses a step count that is not an integer >= 0 and an onStep that is not a function', () => {
    const t = new Trainer(new MLP(2, [4, 1], { seed: 1 }), moons, { batchSize: 5 });
    expect(t.run(0)).toEqual([]);
    expect(() => t.run(-1)).toThrow(
      /Trainer\.run\(steps, onStep\): expected steps to be an integer >= 0, got number -1/,
    );
    expect(() => t.run(1.5)).toThrow(RangeError);
    expect(() => t.run('3' as unknown as number)).toThrow(/got string "3"/);
    expect(() => t.run(1, 'log' as unknown as () => void)).toThrow(
      /expected onStep to be a function, got string "log"/,
    );
  });
});
