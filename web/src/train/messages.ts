// messages: what the page and the training worker say to each other.

import type { TrainConfig } from './config.js';
import type { CurvePoint } from './curves.js';
import type { Bounds, Measure } from './TrainingRun.js';

/** The settings a run takes without starting over. */
export type LiveSettings = Pick<TrainConfig, 'lr' | 'regularization' | 'regRate' | 'speed' | 'maxSteps'>;

export type ToWorker =
  /** Start over; every message the worker sends back about this run carries its number `run`. */
  | { type: 'reset'; config: TrainConfig; run: number }
  /** New data (a point added or removed): the run goes on with its weights, step count and optimizer. */
  | { type: 'data'; config: TrainConfig }
  | { type: 'setWeight'; layer: number; neuron: number; input: number; value: number }
  | { type: 'live'; settings: LiveSettings }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'inspect'; layer: number; neuron: number; sample: number }
  | { type: 'model' };

/** What the worker says, tagged with the run it is about: a message from a run since replaced is dropped. */
export type FromWorker = FromWorkerBody & { run: number };

export type FromWorkerBody =
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
  | {
      type: 'stopped';
      kind: 'limit' | 'diverged';
      step: number;
      why: string;
      hint?: string;
      /** For a divergence: the figures at the step it stopped on, which the message quotes. */
      measure?: Measure;
    }
  | { type: 'neuron'; layer: number; neuron: number; sample: number; dot: string; loss: number }
  | { type: 'model'; json: string }
  | { type: 'error'; message: string };
