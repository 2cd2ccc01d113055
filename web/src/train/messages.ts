// messages: what the page and the training worker say to each other.

import type { TrainConfig } from './config.js';
import type { CurvePoint } from './curves.js';
import type { Bounds, Measure } from './TrainingRun.js';

/** The settings a run takes without starting over. */
export type LiveSettings = Pick<TrainConfig, 'lr' | 'regularization' | 'regRate' | 'speed' | 'maxSteps'>;

export type ToWorker =
  | { type: 'reset'; config: TrainConfig }
  | { type: 'live'; settings: LiveSettings }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'inspect'; layer: number; neuron: number; sample: number }
  | { type: 'model' };

export type FromWorker =
  | { type: 'data'; X: number[][]; y: number[]; trainIdx: number[]; testIdx: number[]; bounds: Bounds }
  | { type: 'progress'; text: string }
  | { type: 'report'; measure: Measure; curve: CurvePoint[]; running: boolean; stepsPerSec: number }
  | {
      type: 'grid';
      step: number;
      res: number;
      scores: Float32Array;
      thumbRes: number;
      thumbs: Float32Array[];
      weights: { w: number[][][]; b: number[][] };
    }
  | { type: 'stopped'; kind: 'limit' | 'diverged'; step: number; why: string; hint?: string }
  | { type: 'neuron'; layer: number; neuron: number; sample: number; dot: string; loss: number }
  | { type: 'model'; json: string }
  | { type: 'error'; message: string };
