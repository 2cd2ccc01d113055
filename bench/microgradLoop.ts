// micrograd's demo loop written as micrograd's notebook writes it: what a user's own training code runs.
import { Value } from '../src/engine/value.js';
import type { MLP } from '../src/nn/MLP.js';
import { compile } from '../src/tape/compile.js';
import { DEMO_ALPHA, demoDataset, demoLr, demoModel } from './demoSetup.js';

/**
 * The notebook's `loss()`: inputs wrapped as Values once per step, `(1 + -yi*scorei).relu()`, Python's
 * `sum(losses) * (1.0 / len(losses))`, `alpha * sum(p*p for p in parameters)`. Numbers mixed with Values
 * stay numbers in the source, as in Python.
 */
export function notebookLoss(model: MLP, X: readonly number[][], y: readonly number[]): Value {
  const inputs = X.map((row) => row.map((x) => new Value(x)));
  const scores = inputs.map((x) => model.forward(x)[0]!);
  const losses = scores.map((s, i) => s.mul(-y[i]!).add(1).relu());
  let dataLoss: Value = new Value(0);
  for (const l of losses) dataLoss = dataLoss.add(l);
  dataLoss = dataLoss.mul(1.0 / losses.length);
  let reg: Value = new Value(0);
  for (const p of model.parameters()) reg = reg.add(p.mul(p));
  return dataLoss.add(reg.mul(DEMO_ALPHA));
}

/** The notebook's training loop: one step is loss(), zero_grad(), backward(), `p.data -= lr * p.grad`. */
export function microgradLoop(): { step(): number; model: MLP; X: number[][]; y: number[] } {
  const model = demoModel();
  const { X, y: classes } = demoDataset();
  const y = classes.map((c) => c * 2 - 1);
  const params = model.parameters();
  let k = 0;
  return {
    model,
    X,
    y,
    step() {
      const loss = notebookLoss(model, X, y);
      model.zeroGrad();
      loss.backward();
      const lr = demoLr(k++);
      for (const p of params) p.data -= lr * p.grad;
      return loss.data;
    },
  };
}

/**
 * The same loop with its first step's graph compiled: `compile(loss)` once, then every step replays it
 * (`tape.forward()`, zero the grads, `tape.backward()`, the same update by hand).
 */
export function compiledLoop(): { step(): number } {
  const model = demoModel();
  const { X, y: classes } = demoDataset();
  const y = classes.map((c) => c * 2 - 1);
  const params = model.parameters();
  const tape = compile(notebookLoss(model, X, y));
  let k = 0;
  return {
    step() {
      const loss = tape.forward();
      model.zeroGrad();
      tape.backward();
      const lr = demoLr(k++);
      for (const p of params) p.data -= lr * p.grad;
      return loss;
    },
  };
}
