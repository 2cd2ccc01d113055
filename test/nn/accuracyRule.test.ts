// Which class an output row names depends on the loss: one output under cross-entropy is a softmax over one
// class (always class 0), not the two-class rule "score > 0 is class 1" that the other losses use.
import { describe, expect, it } from 'vitest';
import { accuracy, MLP, predictClass, Trainer } from '../../src/nn/index.js';

describe('predictClass and accuracy follow the loss', () => {
  it('one output: the sign for max-margin, mse and bce; class 0 for cross-entropy (softmax over one class)', () => {
    for (const loss of ['max-margin', 'mse', 'bce'] as const) {
      expect(predictClass([0.3], loss)).toBe(1);
      expect(predictClass([-0.3], loss)).toBe(0);
    }
    expect(predictClass([0.3], 'cross-entropy')).toBe(0);
    expect(predictClass([-0.3], 'cross-entropy')).toBe(0);
  });

  it('several outputs: the argmax under cross-entropy', () => {
    expect(predictClass([0.1, 0.7, -2], 'cross-entropy')).toBe(1);
  });

  it('accuracy of one-output rows of one class under cross-entropy is 1 whatever the scores', () => {
    const rows = [[0.5], [-0.5], [2], [-3]];
    expect(accuracy(rows, [0, 0, 0, 0], 'cross-entropy')).toBe(1);
    // The two-class rule reads the same rows as classes 1, 0, 1, 0.
    expect(accuracy(rows, [0, 0, 0, 0], 'max-margin')).toBe(0.5);
  });
});

describe('Trainer on one class under cross-entropy', () => {
  // Ten points, all class 0: a softmax over one class predicts it every time, so accuracy is 100% from the
  // first step (and the loss is log 1 = 0 plus the L2 penalty).
  const X = Array.from({ length: 10 }, (_, i) => [i / 10 - 0.5, (i % 3) - 1]);
  const data = { X, y: X.map(() => 0) };

  it.each([true, false])('reports accuracy 1 at every step and in evaluate() (compile: %s)', (compile) => {
    const t = new Trainer(new MLP(2, [4, 1], { seed: 3 }), data, {
      loss: 'cross-entropy',
      steps: 3,
      compile,
    });
    for (let s = 0; s < 3; s++) expect(t.step().accuracy).toBe(1);
    expect(t.evaluate().accuracy).toBe(1);
  });

  it('with minibatches (the one-sample tape) too', () => {
    const t = new Trainer(new MLP(2, [4, 1], { seed: 3 }), data, {
      loss: 'cross-entropy',
      steps: 3,
      batchSize: 4,
    });
    for (let s = 0; s < 3; s++) expect(t.step().accuracy).toBe(1);
  });
});
