// The PyTorch side of the demo table: a long-lived torch_demo.py process that times steps on request.
import { fileURLToPath } from 'node:url';
import { findTorchPython } from '../src/oracle/TorchOracle.js';
import { LinePeer } from './linePeer.js';

const SCRIPT = fileURLToPath(new URL('./torch_demo.py', import.meta.url));

export class TorchPeer extends LinePeer {
  constructor() {
    super(findTorchPython(), [SCRIPT]);
  }

  setup(
    X: number[][],
    y: number[],
    layers: number[][][],
  ): Promise<{ torch: string; default_threads: number }> {
    return this.ask({ setup: { X, y, layers } });
  }

  firstLoss(config: string): Promise<number> {
    return this.ask<{ loss: number }>({ first_loss: config }).then((r) => r.loss);
  }

  /** ms per step over `steps` steps of a configuration such as "float64-1" or "float32-2". */
  run(config: string, steps: number): Promise<number> {
    return this.ask<{ ms: number }>({ run: config, steps }).then((r) => r.ms);
  }
}
