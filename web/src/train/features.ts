// features: the inputs the network may see, each a function of a point (x1, x2), as in TensorFlow Playground.

export const FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;
export type FeatureName = (typeof FEATURES)[number];

export const FEATURE_TITLES: Readonly<Record<FeatureName, string>> = {
  x1: 'x₁',
  x2: 'x₂',
  x1sq: 'x₁²',
  x2sq: 'x₂²',
  x1x2: 'x₁·x₂',
  sinx1: 'sin x₁',
  sinx2: 'sin x₂',
};

const FN: Readonly<Record<FeatureName, (a: number, b: number) => number>> = {
  x1: (a) => a,
  x2: (_, b) => b,
  x1sq: (a) => a * a,
  x2sq: (_, b) => b * b,
  x1x2: (a, b) => a * b,
  sinx1: (a) => Math.sin(a),
  sinx2: (_, b) => Math.sin(b),
};

/** The network's input row for the point (a, b): one number per chosen feature, in the given order. */
export function featureRow(features: readonly FeatureName[], a: number, b: number): number[] {
  return features.map((f) => FN[f](a, b));
}
