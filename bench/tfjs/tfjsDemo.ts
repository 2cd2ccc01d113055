// micrograd's moons demo in TensorFlow.js (CPU backend, float32 tensors), for the side-by-side table.
import * as tf from '@tensorflow/tfjs';
import { demoLr } from '../demoSetup.js';
import type { TfjsDemo } from './tfjsDemoType.js';

/** `layers[l][j] = [b, w0, w1, ...]`: the TypeScript model's starting weights. */
export async function tfjsDemo(X: number[][], y: number[], layers: number[][][]): Promise<TfjsDemo> {
  await tf.setBackend('cpu');
  const xs = tf.tensor2d(X);
  const ys = tf.tensor2d(y, [y.length, 1]);
  const vars = layers.flatMap((layer) => [
    tf.variable(tf.tensor2d(layer[0]!.slice(1).map((_, i) => layer.map((n) => n[1 + i]!)))),
    tf.variable(tf.tensor1d(layer.map((n) => n[0]!))),
  ]);
  const lossFn = (): tf.Scalar =>
    tf.tidy(() => {
      let h: tf.Tensor = xs;
      for (let i = 0; i < vars.length; i += 2) {
        h = tf.add(tf.matMul(h as tf.Tensor2D, vars[i] as tf.Tensor2D), vars[i + 1]!);
        if (i + 2 < vars.length) h = tf.relu(h);
      }
      const data = tf.mean(tf.relu(tf.sub(1, tf.mul(ys, h))));
      const reg = tf.mul(1e-4, tf.addN(vars.map((v) => tf.sum(tf.mul(v, v)))));
      return tf.add(data, reg) as tf.Scalar;
    });
  const firstLoss = lossFn();
  const first = (await firstLoss.data())[0]!;
  firstLoss.dispose();
  const opt = tf.train.sgd(1.0);
  let k = 0;
  return {
    firstLoss: first,
    run(steps: number): number {
      const t0 = performance.now();
      for (let s = 0; s < steps; s++) {
        opt.setLearningRate(demoLr(k++));
        const loss = opt.minimize(lossFn, true);
        loss?.dataSync(); // wait for the step, as the other rows do
        loss?.dispose();
      }
      return (performance.now() - t0) / steps;
    },
  };
}
