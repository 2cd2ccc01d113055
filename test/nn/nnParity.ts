// The neural-network checks against PyTorch: the requests, the same computation in micrograd-ts, and the
// comparison. Used by nn.golden.test.ts (against committed answers) and nnGolden.ts (live, regenerating).

import {
  Adam,
  binaryCrossEntropy,
  l2Penalty,
  lossGraph,
  makeMoons,
  maxMargin,
  MLP,
  mse,
  Rng,
  SGD,
  softmaxCrossEntropy,
  sum,
  toPlusMinusOne,
  Trainer,
  Value,
  type Activation,
  type Init,
  type MlpJson,
  type Optimizer,
} from '../../src/index.js';

export interface NnCase {
  name: string;
  kind: 'nn_mlp' | 'nn_loss' | 'nn_optim' | 'nn_demo';
  payload: Record<string, unknown>;
}

/** A case with PyTorch's answer, as stored in test/nn/golden/nn.json. */
export interface GoldenCase extends NnCase {
  torch: Record<string, unknown>;
}

/** Tolerances, each with its reason. */
export const TOL = {
  // Forward sums run in the same order in both, so outputs agree to rounding (a few ulps through tanh/exp).
  forward: 1e-12,
  // Gradients are sums in a different order (PyTorch reduces over the batch in one kernel): ~1e-15 relative.
  grad: 1e-12,
  // The bound for ten optimizer steps from the same start.
  optim: 1e-10,
  // 100 steps of full-batch SGD: rounding differences of 1e-16 grow by at most ~10^4 over the run.
  demo: 1e-10,
} as const;

const grid = (rng: Rng, n: number, d: number, scale = 1): number[][] =>
  Array.from({ length: n }, () => Array.from({ length: d }, () => rng.uniform(-scale, scale)));

export function buildCases(): NnCase[] {
  const cases: NnCase[] = [];
  const shapes: [
    string,
    number,
    number[],
    { activation?: Activation; outputActivation?: Activation; init?: Init },
  ][] = [
    ['micrograd 2-16-16-1 relu', 2, [16, 16, 1], {}],
    ['3-4-4-2 tanh, sigmoid out', 3, [4, 4, 2], { activation: 'tanh', outputActivation: 'sigmoid' }],
    ['1-1-1 relu (one-neuron hidden layer)', 1, [1, 1], {}],
    ['4-8-3 sigmoid, xavier', 4, [8, 3], { activation: 'sigmoid', init: 'xavier' }],
    [
      '2-5-5-5-1 linear hidden, tanh out, he',
      2,
      [5, 5, 5, 1],
      { activation: 'linear', outputActivation: 'tanh', init: 'he' },
    ],
  ];
  shapes.forEach(([name, nin, nouts, opts], i) => {
    const model = new MLP(nin, nouts, { ...opts, seed: 100 + i });
    cases.push({
      name: `mlp ${name}`,
      kind: 'nn_mlp',
      payload: { model: model.toJSON(), X: grid(new Rng(i), 6, nin, 2) },
    });
  });

  const rng = new Rng(42);
  const scores = Array.from({ length: 8 }, () => rng.uniform(-3, 3));
  const pm = scores.map((_, i) => (i % 3 === 0 ? -1 : 1));
  const bits = scores.map((_, i) => (i % 2 === 0 ? 1 : 0));
  const lossCase = (name: string, payload: Record<string, unknown>): void => {
    cases.push({ name: `loss ${name}`, kind: 'nn_loss', payload });
  };
  lossCase('max-margin', { loss: 'max-margin', scores, labels: pm });
  lossCase('mse', { loss: 'mse', scores, labels: scores.map((s) => s * 0.5 + 0.25) });
  lossCase('bce', { loss: 'bce', scores, labels: bits });
  lossCase('bce soft targets', { loss: 'bce', scores, labels: scores.map((_, i) => i / 7) });
  lossCase('bce extreme logits and a logit of 0', {
    loss: 'bce',
    scores: [60, -60, 0, 700, -700],
    labels: [0, 1, 1, 1, 0],
  });
  const rows = grid(rng, 5, 4, 3);
  lossCase('cross-entropy', { loss: 'cross-entropy', scores: rows, labels: [0, 3, 1, 2, 3] });
  lossCase('cross-entropy large logits', {
    loss: 'cross-entropy',
    scores: [
      [500, 499, -3],
      [-800, -801, -799],
    ],
    labels: [1, 0],
  });
  lossCase('l2 penalty', { loss: 'l2', scores, alpha: 1e-4 });

  // An odd count: with as many +1 as -1 labels the output bias's gradient is a sum that cancels to ~1e-17,
  // whose rounding Adam (which divides by |g| + eps) would blow up into a visible difference.
  const data = makeMoons({ nSamples: 21, noise: 0.1, seed: 7 });
  const start = new MLP(2, [8, 1], { seed: 3 }).toJSON();
  const y = toPlusMinusOne(data.y);
  const schedule = Array.from({ length: 10 }, (_, k) => 0.05 * (1 - 0.09 * k));
  const optimCase = (name: string, optimizer: Record<string, unknown>, lrs?: number[]): void => {
    const payload: Record<string, unknown> = {
      model: start,
      X: data.X,
      y,
      alpha: 1e-4,
      steps: 10,
      optimizer,
    };
    if (lrs) payload['lrs'] = lrs;
    cases.push({ name: `optim ${name}`, kind: 'nn_optim', payload });
  };
  optimCase('sgd', { kind: 'sgd', lr: 0.1 });
  optimCase('sgd momentum 0.9 + weight decay', { kind: 'sgd', lr: 0.1, momentum: 0.9, weightDecay: 0.01 });
  optimCase('sgd nesterov', { kind: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true });
  optimCase('sgd momentum with a schedule', { kind: 'sgd', lr: 0.05, momentum: 0.5 }, schedule);
  optimCase('adam', { kind: 'adam', lr: 0.01 });
  optimCase('adam betas/eps + L2 weight decay', {
    kind: 'adam',
    lr: 0.02,
    betas: [0.8, 0.99],
    eps: 1e-6,
    weightDecay: 0.1,
  });
  optimCase('adamw', { kind: 'adamw', lr: 0.01, weightDecay: 0.1 });
  optimCase('adam with a schedule', { kind: 'adam', lr: 0.05 }, schedule);

  const moons = makeMoons({ nSamples: 100, noise: 0.1, seed: 1337 });
  cases.push({
    name: "micrograd's moons demo, 100 steps",
    kind: 'nn_demo',
    payload: {
      model: new MLP(2, [16, 16, 1], { seed: 1337 }).toJSON(),
      X: moons.X,
      y: toPlusMinusOne(moons.y),
      alpha: 1e-4,
      steps: 100,
    },
  });
  return cases;
}

function optimizerFor(params: Value[], spec: Record<string, unknown>, lrs: number[] | undefined): Optimizer {
  const lr = lrs ? (k: number) => lrs[k]! : (spec['lr'] as number);
  const num = (k: string): number | undefined => spec[k] as number | undefined;
  if (spec['kind'] === 'sgd') {
    return new SGD(params, {
      lr,
      momentum: num('momentum') ?? 0,
      weightDecay: num('weightDecay') ?? 0,
      nesterov: (spec['nesterov'] as boolean | undefined) ?? false,
    });
  }
  return new Adam(params, {
    lr,
    betas: (spec['betas'] as [number, number] | undefined) ?? [0.9, 0.999],
    eps: num('eps') ?? 1e-8,
    weightDecay: num('weightDecay') ?? 0,
    decoupled: spec['kind'] === 'adamw',
  });
}

/** What micrograd-ts computes for a case, in the shape of PyTorch's answer. */
export function computeTs(c: NnCase): Record<string, unknown> {
  const p = c.payload;
  switch (c.kind) {
    case 'nn_mlp': {
      const model = MLP.fromJSON(p['model'] as MlpJson);
      const outputs = (p['X'] as number[][]).map((x) => model.forward(x));
      sum(outputs.flat()).backward();
      return {
        outputs: outputs.map((r) => r.map((v) => v.data)),
        grads: model.parameters().map((q) => q.grad),
      };
    }
    case 'nn_loss': {
      const labels = p['labels'] as number[];
      const name = p['loss'] as string;
      if (name === 'cross-entropy') {
        const rows = (p['scores'] as number[][]).map((r) => r.map((v) => new Value(v)));
        const loss = softmaxCrossEntropy(rows, labels);
        loss.backward();
        return { value: loss.data, grad: rows.map((r) => r.map((v) => v.grad)) };
      }
      const s = (p['scores'] as number[]).map((v) => new Value(v));
      const fn = { 'max-margin': maxMargin, mse, bce: binaryCrossEntropy }[name];
      const loss = fn ? fn(s, labels) : l2Penalty(s, p['alpha'] as number);
      loss.backward();
      return { value: loss.data, grad: s.map((v) => v.grad) };
    }
    case 'nn_optim': {
      const model = MLP.fromJSON(p['model'] as MlpJson);
      const classes = (p['y'] as number[]).map((v) => (v + 1) / 2);
      const opt = optimizerFor(
        model.parameters(),
        p['optimizer'] as Record<string, unknown>,
        p['lrs'] as number[] | undefined,
      );
      const after: number[][] = [];
      for (let k = 0; k < (p['steps'] as number); k++) {
        const g = lossGraph(model, p['X'] as number[][], classes, 'max-margin', p['alpha'] as number);
        opt.zeroGrad();
        g.loss.backward();
        opt.step();
        after.push(model.parameters().map((q) => q.data));
      }
      return { params: after };
    }
    case 'nn_demo': {
      const model = MLP.fromJSON(p['model'] as MlpJson);
      const classes = (p['y'] as number[]).map((v) => (v + 1) / 2);
      const t = new Trainer(
        model,
        { X: p['X'] as number[][], y: classes },
        { steps: p['steps'] as number, alpha: p['alpha'] as number },
      );
      const log = Array.from({ length: p['steps'] as number }, () => t.step());
      return {
        losses: log.map((r) => r.loss),
        accuracies: log.map((r) => r.accuracy),
        params: model.parameters().map((q) => q.data),
      };
    }
  }
}

/** Largest |a - b| / max(1, |b|) over matching number leaves; Infinity when the shapes differ. */
export function maxRelError(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return 0;
    return Math.abs(a - b) / Math.max(1, Math.abs(b));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    let m = 0;
    for (let i = 0; i < a.length; i++) m = Math.max(m, maxRelError(a[i], b[i]));
    return m;
  }
  return Infinity;
}

/** The tolerance for one field of one case kind. */
export function toleranceFor(kind: NnCase['kind'], field: string): number {
  if (kind === 'nn_mlp') return field === 'outputs' ? TOL.forward : TOL.grad;
  if (kind === 'nn_loss') return TOL.grad;
  if (kind === 'nn_optim') return TOL.optim;
  return field === 'accuracies' ? 0 : TOL.demo;
}
