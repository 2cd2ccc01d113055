// messages: what the page and the training worker say to each other.

import type { TrainConfig } from './config.js';
import type { Bounds } from './TrainingRun.js';

export type ToWorker =
  | { type: 'reset'; config: TrainConfig }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'inspect'; layer: number; neuron: number; sample: number };

export type FromWorker =
  | { type: 'data'; X: number[][]; y: number[]; bounds: Bounds }
  | { type: 'report'; step: number; loss: number; accuracy: number; running: boolean }
  | { type: 'grid'; res: number; scores: Float32Array; step: number }
  | { type: 'neuron'; layer: number; neuron: number; sample: number; dot: string; loss: number }
  | { type: 'error'; message: string };
