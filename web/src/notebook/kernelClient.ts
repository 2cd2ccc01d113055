// kernelClient: the page's side of the kernel worker. Interrupt and Restart end the worker and start a new
// one (a cell stuck in a loop cannot be stopped any other way); the page and its outputs stay.

import type { KernelReply, Output, RunRequest } from './kernelMessages.js';

export type KernelStatus = 'starting' | 'idle' | 'busy';
/** How a run ended: the cell returned, threw, or the kernel was interrupted or restarted under it. */
export type RunEnd = 'ok' | 'error' | 'interrupted';

interface Pending {
  onOutput: (o: Output) => void;
  resolve: (end: RunEnd) => void;
}

export class KernelClient {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  /** Where each run's outputs go, kept after it ends: a timer it set may still print or throw. */
  private readonly sinks = new Map<number, (o: Output) => void>();
  private nextId = 1;
  status: KernelStatus = 'starting';

  constructor(private readonly onStatus: (s: KernelStatus) => void) {
    this.start();
  }

  private setStatus(s: KernelStatus): void {
    this.status = s;
    this.onStatus(s);
  }

  private start(): void {
    this.setStatus('starting');
    const worker = new Worker(new URL('./kernelWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<KernelReply>) => this.receive(e.data);
    worker.onerror = (e) => {
      // The worker's script failed to load (a policy that forbids it, a missing file): say so under the
      // cells waiting for it.
      e.preventDefault();
      this.endAll('error', {
        output_type: 'error',
        ename: 'KernelError',
        evalue: `the kernel could not start: ${e.message || 'its script did not load'}`,
        traceback: [],
      });
    };
    this.worker = worker;
  }

  private receive(m: KernelReply): void {
    if (m.type === 'ready') {
      this.setStatus(this.pending.size > 0 ? 'busy' : 'idle');
      return;
    }
    if (m.type === 'output') {
      this.sinks.get(m.id)?.(m.output);
      return;
    }
    const p = this.pending.get(m.id);
    if (p === undefined) return;
    this.pending.delete(m.id);
    if (this.pending.size === 0) this.setStatus('idle');
    p.resolve(m.ok ? 'ok' : 'error');
  }

  private endAll(end: RunEnd, output?: Output): void {
    for (const p of this.pending.values()) {
      if (output !== undefined) p.onOutput(output);
      p.resolve(end);
    }
    this.pending.clear();
  }

  /** Run one cell; outputs arrive through `onOutput` as the cell makes them. */
  run(code: string, count: number, onOutput: (o: Output) => void): Promise<RunEnd> {
    const req: RunRequest = { id: this.nextId++, code, count };
    return new Promise((resolve) => {
      this.pending.set(req.id, { onOutput, resolve });
      this.sinks.set(req.id, onOutput);
      if (this.status === 'idle') this.setStatus('busy');
      this.worker!.postMessage(req);
    });
  }

  /** End the running cell (and any queued): the worker is ended and a fresh one started, its variables gone. */
  restart(): void {
    this.worker?.terminate();
    this.sinks.clear();
    this.endAll('interrupted');
    this.start();
  }
}
