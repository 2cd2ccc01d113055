// tfjsDemoType: the shape of tfjsDemo.ts, for callers that load it only when TensorFlow.js is installed.

export interface TfjsDemo {
  /** Run `steps` training steps; returns ms per step. */
  run(steps: number): number;
  /** The loss before training (float32), for checking that both sides compute the same demo. */
  firstLoss: number;
}

/** What tfjsDemo.ts exports (`layers[l][j] = [b, w0, w1, ...]`: the TypeScript model's starting weights). */
export interface TfjsDemoModule {
  tfjsDemo(X: number[][], y: number[], layers: number[][][]): Promise<TfjsDemo>;
}
