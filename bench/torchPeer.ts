// The PyTorch side of the demo table: a long-lived torch_demo.py process that times steps on request.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { findTorchPython } from '../src/oracle/TorchOracle.js';

const SCRIPT = fileURLToPath(new URL('./torch_demo.py', import.meta.url));

export class TorchPeer {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly waiting: Array<(line: string) => void> = [];
  private stderr = '';

  constructor() {
    this.proc = spawn(findTorchPython(), [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr.setEncoding('utf8');
    this.proc.stderr.on('data', (c: string) => (this.stderr = (this.stderr + c).slice(-4000)));
    createInterface({ input: this.proc.stdout }).on('line', (line) => this.waiting.shift()?.(line));
    this.proc.on('exit', (code) => {
      if (this.waiting.length > 0)
        throw new Error(`torch_demo.py exited (code ${String(code)}): ${this.stderr}`);
    });
  }

  private ask<T>(msg: unknown): Promise<T> {
    return new Promise((resolve) => {
      this.waiting.push((line) => resolve(JSON.parse(line) as T));
      this.proc.stdin.write(`${JSON.stringify(msg)}\n`);
    });
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

  /** ms per step over `steps` steps of a configuration such as "float64-1" or "float32-default". */
  run(config: string, steps: number): Promise<number> {
    return this.ask<{ ms: number }>({ run: config, steps }).then((r) => r.ms);
  }

  close(): void {
    this.proc.stdin.end();
  }
}
