// Losses built from Values (so backward reaches every weight), with labels checked before any graph is built.
//
// Every loss keeps one graph shape whatever the data (no branches on values), so a compiled tape of it
// stays valid when the weights change.

import { describe } from '../engine/describe.js';
import { Value } from '../engine/value.js';
import { mean, sum } from './sum.js';

function checkScores(scores: unknown, fn: string): readonly Value[] {
  if (!Array.isArray(scores) || scores.length === 0) {
    throw new TypeError(`${fn}: expected scores to be a non-empty array of Values, got ${describe(scores)}`);
  }
  scores.forEach((s: unknown, i) => {
    if (!(s instanceof Value))
      throw new TypeError(`${fn}: expected scores[${i}] to be a Value, got ${describe(s)}`);
  });
  return scores as readonly Value[];
}

function checkLabels(
  y: unknown,
  n: number,
  fn: string,
  ok: (v: number) => boolean,
  expected: string,
): readonly number[] {
  if (!Array.isArray(y))
    throw new TypeError(`${fn}: expected labels to be an array of numbers, got ${describe(y)}`);
  if (y.length !== n) {
    throw new RangeError(`${fn}: expected ${n} labels (one per score), got ${y.length}`);
  }
  y.forEach((v: unknown, i) => {
    if (typeof v !== 'number')
      throw new TypeError(`${fn}: expected labels[${i}] to be a number, got ${describe(v)}`);
    if (!ok(v)) throw new RangeError(`${fn}: expected labels[${i}] to be ${expected}, got ${describe(v)}`);
  });
  return y as readonly number[];
}

/**
 * micrograd's SVM loss: mean over samples of relu(1 - y·score), labels in {-1, +1}. A sample scored on
 * the right side by a margin of 1 or more adds nothing, and no gradient; any other adds 1 − y·s, with
 * ∂/∂s = −y/n.
 *
 * @param scores - One score per sample (a model's single output).
 * @param y - One label per score, -1 or +1.
 * @returns The mean loss, a Value to call `backward()` on.
 * @throws TypeError when `scores` is not a non-empty array of Values, or `y` holds something not a number.
 * @throws RangeError when `y` does not hold one label per score, or a label is not -1 or +1.
 */
export function maxMargin(scores: readonly Value[], y: readonly number[]): Value {
  const fn = 'maxMargin(scores, y)';
  const s = checkScores(scores, fn);
  const labels = checkLabels(y, s.length, fn, (v) => v === 1 || v === -1, '-1 or +1');
  // micrograd: (1 + -yi*scorei).relu(), then sum(losses) * (1.0 / len(losses)).
  return mean(s.map((si, i) => si.mul(-labels[i]!).add(1).relu()));
}

/**
 * Mean squared error: mean of (score - target)², with ∂/∂sᵢ = 2·(sᵢ − tᵢ)/n.
 *
 * @param scores - One score per sample.
 * @param targets - One finite target per score.
 * @returns The mean loss, a Value to call `backward()` on.
 * @throws TypeError when `scores` is not a non-empty array of Values, or `targets` holds a non-number.
 * @throws RangeError when `targets` does not hold one finite number per score.
 *
 * @example
 * ```ts
 * import { Value, mse } from 'micrograd-ts';
 *
 * const s = [new Value(0.5), new Value(-1)];
 * const loss = mse(s, [1, -1]); // ((0.5 − 1)² + 0²) / 2
 * loss.backward();
 * console.log(loss.data, s[0]!.grad); // → 0.125 -0.5
 * ```
 */
export function mse(scores: readonly Value[], targets: readonly number[]): Value {
  const fn = 'mse(scores, targets)';
  const s = checkScores(scores, fn);
  const t = checkLabels(targets, s.length, fn, Number.isFinite, 'a finite number');
  return mean(s.map((si, i) => si.sub(t[i]!).pow(2)));
}

/** log(1 + e^z) without overflow: ½z + ½|z| + log(1 + e^-|z|), with |z| = relu(z) + relu(-z). */
export function softplus(z: Value): Value {
  // ½z + ½|z| is relu(z) exactly in floating point, and unlike relu(z) its derivative at z = 0 is ½, so the
  // whole expression has derivative σ(0) = ½ there too, as PyTorch's softplus and BCE-with-logits do.
  const abs = z.relu().add(z.neg().relu());
  return z.mul(0.5).add(abs.mul(0.5)).add(abs.neg().exp().add(1).log());
}

/**
 * Binary cross-entropy from logits (PyTorch's BCEWithLogitsLoss), mean over samples, targets in [0, 1]:
 * softplus(z) - y·z, which never takes the log or exp of a large number. ∂/∂zᵢ = (σ(zᵢ) − yᵢ)/n.
 *
 * @param logits - One raw score z per sample (no sigmoid applied).
 * @param y - One target per logit, in [0, 1] (class labels 0 and 1).
 * @returns The mean loss, a Value to call `backward()` on.
 * @throws TypeError when `logits` is not a non-empty array of Values, or `y` holds something not a number.
 * @throws RangeError when `y` does not hold one number in [0, 1] per logit.
 */
export function binaryCrossEntropy(logits: readonly Value[], y: readonly number[]): Value {
  const fn = 'binaryCrossEntropy(logits, y)';
  const z = checkScores(logits, fn);
  const t = checkLabels(y, z.length, fn, (v) => v >= 0 && v <= 1, 'a number in [0, 1]');
  return mean(z.map((zi, i) => softplus(zi).sub(zi.mul(t[i]!))));
}

/** max(a, b) as a + relu(b - a): one graph shape for every input. */
export function max2(a: Value, b: Value): Value {
  return a.add(b.sub(a).relu());
}

/**
 * Softmax cross-entropy (PyTorch's CrossEntropyLoss), mean over samples: logits[i] holds sample i's k class
 * scores, y[i] its class index in [0, k). log-sum-exp is shifted by the row's max, so nothing overflows;
 * the shift is itself a Value, but its gradient cancels (∂/∂m of m + log Σ e^(z-m) is 0).
 * Per sample the loss is log Σⱼ e^(zⱼ) − z_y, with ∂/∂zⱼ = (softmax(z)ⱼ − [j = y])/n.
 *
 * @param logits - One row of k class scores per sample (the same k in every row).
 * @param y - One class index in [0, k) per row.
 * @returns The mean loss, a Value to call `backward()` on.
 * @throws TypeError when `logits` is not a non-empty array of equal-length rows of Values, or `y` holds
 *   something not a number.
 * @throws RangeError when `y` does not hold one class index in [0, k) per row.
 */
export function softmaxCrossEntropy(logits: readonly (readonly Value[])[], y: readonly number[]): Value {
  const fn = 'softmaxCrossEntropy(logits, y)';
  if (!Array.isArray(logits) || logits.length === 0) {
    throw new TypeError(
      `${fn}: expected logits to be a non-empty array of rows of Values, got ${describe(logits)}`,
    );
  }
  const k = Array.isArray(logits[0]) ? logits[0].length : 0;
  logits.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== k || k === 0) {
      throw new TypeError(
        `${fn}: expected logits[${i}] to be an array of ${k || 'one or more'} Values, got ${describe(row)}`,
      );
    }
    checkScores(row, `${fn} logits[${i}]`);
  });
  const labels = checkLabels(
    y,
    logits.length,
    fn,
    (v) => Number.isInteger(v) && v >= 0 && v < k,
    `a class index in [0, ${k})`,
  );
  const rows = logits as readonly (readonly Value[])[];
  return mean(
    rows.map((row, i) => {
      let m = row[0]!;
      for (let j = 1; j < row.length; j++) m = max2(m, row[j]!);
      // log Σ e^(z-m) - (z_y - m): both terms are small, so nothing cancels against the size of m
      return sum(row.map((z) => z.sub(m).exp()))
        .log()
        .sub(row[labels[i]!]!.sub(m));
    }),
  );
}

/**
 * micrograd's regularisation: alpha · Σ p² (built as sum(p*p) * alpha), with ∂/∂p = 2·alpha·p: added to a
 * loss, it pulls every weight towards 0.
 *
 * @param params - The Values to penalise, usually `model.parameters()`.
 * @param alpha - The strength, a finite number >= 0 (micrograd's demo: 1e-4).
 * @throws TypeError when `params` is not an array of Values.
 * @throws RangeError when `alpha` is not a finite number >= 0.
 */
export function l2Penalty(params: readonly Value[], alpha: number): Value {
  const fn = 'l2Penalty(params, alpha)';
  if (!Array.isArray(params))
    throw new TypeError(`${fn}: expected params to be an array of Values, got ${describe(params)}`);
  params.forEach((p: unknown, i) => {
    if (!(p instanceof Value))
      throw new TypeError(`${fn}: expected params[${i}] to be a Value, got ${describe(p)}`);
  });
  if (typeof alpha !== 'number' || !Number.isFinite(alpha) || alpha < 0) {
    throw new RangeError(`${fn}: expected alpha to be a finite number >= 0, got ${describe(alpha)}`);
  }
  return sum(params.map((p) => p.mul(p))).mul(alpha);
}
