// The neural-network layer: modules, losses, optimizers and learning-rate schedules.
export { Module } from './Module.js';
export { Neuron, type NeuronOptions } from './Neuron.js';
export { Layer, type LayerOptions } from './Layer.js';
export { MLP, type MLPOptions } from './MLP.js';
export { MLP_FORMAT, type MlpJson, type MlpLayerJson } from './mlpJson.js';
export { ACTIVATIONS, type Activation } from './activation.js';
export { INITS, type Init } from './init.js';
export { type RandomOptions } from './options.js';
export { sum, mean } from './sum.js';
export { maxMargin, mse, binaryCrossEntropy, softmaxCrossEntropy, l2Penalty } from './losses.js';
export { Optimizer, type LearningRate } from './Optimizer.js';
export { SGD, type SGDOptions } from './SGD.js';
export { Adam, type AdamOptions } from './Adam.js';
export { microgradDecay, constantLr } from './schedules.js';
export { LOSSES, lossGraph, accuracy, predictClass, type LossName, type BatchGraph } from './lossGraph.js';
export {
  Trainer,
  type TrainOptions,
  type StepResult,
  type TrainEngine,
  type OptimizerSpec,
} from './Trainer.js';
export {
  checkDivergence,
  dataScale,
  DivergenceMonitor,
  DivergenceError,
  type Divergence,
  type DivergenceCause,
  type DivergenceSettings,
  type DivergenceOptions,
} from './divergence.js';
export {
  TASKS,
  inferTask,
  meanSquaredError,
  r2Score,
  taskScores,
  type Task,
  type TaskScores,
} from './task.js';
