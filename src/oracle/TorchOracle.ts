// TorchOracle: a long-lived PyTorch process that answers JSON requests, pipelined, many per second.

import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { GraphAnswer, GraphSpec } from './graphSpec.js';

/** Where the Python side lives, inside the installed package. */
export const ORACLE_SCRIPT = fileURLToPath(new URL('../../oracle/torch_oracle.py', import.meta.url));

/** Thrown when no Python with PyTorch can be found; its message says how to install one. */
export class TorchNotFoundError extends Error {
  override name = 'TorchNotFoundError';
}

/** How to get PyTorch, for messages. */
export const TORCH_INSTALL_HINT =
  'On Debian/Ubuntu: apt-get install -y --no-install-recommends python3-torch ' +
  '(then /usr/bin/python3 has it), or set MICROGRAD_PYTHON to a Python that can `import torch`.';

/**
 * The first Python that can import torch: $MICROGRAD_PYTHON, /usr/bin/python3, then python3 on PATH.
 * With MICROGRAD_PYTHON_ONLY=1, only $MICROGRAD_PYTHON is tried (to test the no-PyTorch path).
 */
export function findTorchPython(): string {
  const own = process.env['MICROGRAD_PYTHON'];
  const only = process.env['MICROGRAD_PYTHON_ONLY'] === '1';
  const candidates = (only ? [own] : [own, '/usr/bin/python3', 'python3']).filter(
    (c): c is string => typeof c === 'string' && c.length > 0,
  );
  for (const py of candidates) {
    const r = spawnSync(py, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 });
    if (r.status === 0) return py;
  }
  const tried = candidates.length
    ? candidates.join(', ')
    : 'nothing: MICROGRAD_PYTHON_ONLY=1 without MICROGRAD_PYTHON';
  throw new TorchNotFoundError(`PyTorch was not found (tried ${tried}). ${TORCH_INSTALL_HINT}`);
}

/** JSON has no NaN/Infinity, and JSON.stringify drops the sign of -0: those travel as strings. */
export function encodeNumber(x: number): number | string {
  if (Number.isNaN(x)) return 'NaN';
  if (Object.is(x, -0)) return '-0';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return x;
}

export function decodeNumber(x: unknown): number {
  if (typeof x === 'number') return x;
  if (x === 'NaN') return NaN;
  if (x === '-0') return -0;
  if (x === 'Infinity') return Infinity;
  if (x === '-Infinity') return -Infinity;
  throw new TypeError(`oracle: expected a number or "NaN"/"Infinity"/"-Infinity", got ${JSON.stringify(x)}`);
}

/** A spec as the oracle reads it: numbers encoded. */
export function encodeSpec(spec: GraphSpec): Record<string, unknown> {
  const nodes = spec.nodes.map((n) =>
    n.op === 'leaf'
      ? { op: 'leaf', value: encodeNumber(n.value) }
      : n.k === undefined
        ? { op: n.op, inputs: n.inputs }
        : { op: n.op, inputs: n.inputs, k: encodeNumber(n.k) },
  );
  return spec.root === undefined ? { nodes } : { nodes, root: spec.root };
}

/** An answer as the oracle (or a golden file) writes it, numbers decoded. */
export function decodeAnswer(raw: { values: unknown[]; grads: unknown[] }): GraphAnswer {
  return { values: raw.values.map(decodeNumber), grads: raw.grads.map(decodeNumber) };
}

interface Pending {
  resolve: (result: unknown) => void;
  reject: (err: Error) => void;
  kind: string;
}

export class TorchOracle {
  readonly python: string;
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stderr = '';
  private exited: Error | null = null;

  /** Start the oracle process; throws TorchNotFoundError when there is no PyTorch. */
  constructor(python: string = findTorchPython()) {
    this.python = python;
    this.proc = spawn(python, [ORACLE_SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr.setEncoding('utf8');
    this.proc.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    createInterface({ input: this.proc.stdout }).on('line', (line) => this.onLine(line));
    this.proc.on('exit', (code) => {
      this.exited = new Error(`PyTorch oracle exited (code ${String(code)}): ${this.stderr.trim()}`);
      for (const p of this.pending.values()) p.reject(this.exited);
      this.pending.clear();
    });
  }

  /** Send one request; resolves with the handler's result. Requests are pipelined: await many at once. */
  request<T = unknown>(kind: string, payload: Record<string, unknown> = {}): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject, kind });
      this.proc.stdin.write(`${JSON.stringify({ ...payload, id, kind })}\n`);
    });
  }

  /** PyTorch's value and gradient of every node of the graph. */
  async graph(spec: GraphSpec): Promise<GraphAnswer> {
    return decodeAnswer(
      await this.request<{ values: unknown[]; grads: unknown[] }>('graph', encodeSpec(spec)),
    );
  }

  /** Stop the process. Pending requests are rejected. */
  async close(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    this.proc.stdin.end();
    await done;
  }

  private onLine(line: string): void {
    const resp = JSON.parse(line) as { id: number; ok: boolean; result?: unknown; error?: string };
    const p = this.pending.get(resp.id);
    if (!p) return;
    this.pending.delete(resp.id);
    if (resp.ok) p.resolve(resp.result);
    else p.reject(new Error(`PyTorch oracle (${p.kind}): ${resp.error ?? 'unknown error'}`));
  }
}
