// TorchOracle: a long-lived PyTorch process that answers JSON requests, pipelined, many per second.

import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { isLeafSpec, type GraphAnswer, type GraphSpec } from './graphSpec.js';

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

const FIND_TORCH = 'import importlib.util, sys; sys.exit(importlib.util.find_spec("torch") is None)';

/**
 * The first Python that has torch: $MICROGRAD_PYTHON, /usr/bin/python3, then python3 on PATH.
 * With MICROGRAD_PYTHON_ONLY=1, only $MICROGRAD_PYTHON is tried (to test the no-PyTorch path).
 */
export function findTorchPython(): string {
  const own = process.env['MICROGRAD_PYTHON'];
  const only = process.env['MICROGRAD_PYTHON_ONLY'] === '1';
  const candidates = (only ? [own] : [own, '/usr/bin/python3', 'python3']).filter(
    (c): c is string => typeof c === 'string' && c.length > 0,
  );
  for (const py of candidates) {
    // find_spec locates torch without importing it (an import takes seconds; the oracle does it once).
    const r = spawnSync(py, ['-c', FIND_TORCH], { stdio: 'ignore', timeout: 60_000 });
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
    isLeafSpec(n)
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
  timer: ReturnType<typeof setTimeout>;
}

export interface TorchOracleOptions {
  /**
   * Milliseconds to wait for each answer (the first one includes PyTorch's import, a few seconds).
   * Past it the process is stopped and every request fails with what it printed. Default 60,000, or
   * $MICROGRAD_ORACLE_TIMEOUT seconds.
   */
  timeoutMs?: number;
}

function defaultTimeoutMs(): number {
  const env = process.env['MICROGRAD_ORACLE_TIMEOUT'];
  if (env === undefined || env === '') return 60_000;
  const seconds = Number(env);
  if (!(seconds > 0) || !Number.isFinite(seconds)) {
    throw new RangeError(`MICROGRAD_ORACLE_TIMEOUT: expected a positive number of seconds, got "${env}"`);
  }
  return seconds * 1000;
}

/** The end of a stream's text, for messages: the last 300 characters, on one line. */
const tail = (text: string): string => {
  const t = text.trim().replace(/\s*\n\s*/g, ' | ');
  return t.length > 300 ? `…${t.slice(-300)}` : t;
};

export class TorchOracle {
  readonly python: string;
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stderr = '';
  // Lines on stdout that are not answers (a banner from sitecustomize, a stray print): skipped, but kept
  // for messages, since they often say why the answers never come.
  private noise = '';
  private readonly timeoutMs: number;
  private exited: Error | null = null;

  /** Start the oracle process; throws TorchNotFoundError when there is no PyTorch. */
  constructor(python: string = findTorchPython(), opts: TorchOracleOptions = {}) {
    this.python = python;
    this.timeoutMs = opts.timeoutMs ?? defaultTimeoutMs();
    if (!(this.timeoutMs > 0)) {
      throw new RangeError(`TorchOracle: expected timeoutMs to be a positive number, got ${this.timeoutMs}`);
    }
    this.proc = spawn(python, [ORACLE_SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr.setEncoding('utf8');
    this.proc.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    createInterface({ input: this.proc.stdout }).on('line', (line) => this.onLine(line));
    // 'close' comes after stderr is drained, so the message has Python's last words.
    this.proc.on('close', (code) => {
      // The last line of a Python traceback is the error itself; the rest is Python's stack.
      const last = this.stderr.trim().split('\n').at(-1) ?? '';
      this.fail(
        new Error(`PyTorch oracle (${python}) exited with code ${String(code)}: ${last}${this.said(false)}`),
      );
    });
    // Writing to a process that just died fails with EPIPE; 'close' reports why it died.
    this.proc.stdin.on('error', () => undefined);
    this.proc.on('error', (err) =>
      this.fail(new Error(`PyTorch oracle: cannot run ${python}: ${err.message}`)),
    );
  }

  /** Send one request; resolves with the handler's result. Requests are pipelined: await many at once. */
  request<T = unknown>(kind: string, payload: Record<string, unknown> = {}): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => this.timedOut(kind), this.timeoutMs);
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject, kind, timer });
      this.proc.stdin.write(`${JSON.stringify({ ...payload, id, kind })}\n`);
    });
  }

  /** PyTorch's value and gradient of every node of the graph. */
  async graph(spec: GraphSpec): Promise<GraphAnswer> {
    return decodeAnswer(
      await this.request<{ values: unknown[]; grads: unknown[] }>('graph', encodeSpec(spec)),
    );
  }

  /** Stop the process (killed if it does not end within the timeout). Pending requests are rejected. */
  async close(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((resolve) => this.proc.once('close', () => resolve()));
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), this.timeoutMs);
    this.proc.stdin.end();
    await done;
    clearTimeout(timer);
  }

  /** The process is gone: every pending and later request fails with `err` (the first reason wins). */
  private fail(err: Error): void {
    this.exited ??= err;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(this.exited);
    }
    this.pending.clear();
  }

  private timedOut(kind: string): void {
    const seconds = this.timeoutMs / 1000;
    this.fail(
      new Error(
        `PyTorch oracle (${this.python}) did not answer '${kind}' within ${seconds} s, so it was stopped` +
          `${this.said(true)} (MICROGRAD_ORACLE_TIMEOUT sets the wait in seconds)`,
      ),
    );
    this.proc.kill('SIGKILL');
  }

  /** What the process printed that was not an answer, for messages ('' when nothing). */
  private said(withStderr: boolean): string {
    const parts: string[] = [];
    if (this.noise.trim() !== '') parts.push(`it printed "${tail(this.noise)}" instead of an answer`);
    if (withStderr && this.stderr.trim() !== '') parts.push(`its error output: "${tail(this.stderr)}"`);
    if (withStderr && parts.length === 0) parts.push('it printed nothing');
    return parts.length === 0 ? '' : `; ${parts.join('; ')}`;
  }

  private onLine(line: string): void {
    let resp: { id: number; ok: boolean; result?: unknown; error?: string };
    try {
      resp = JSON.parse(line) as typeof resp;
    } catch {
      resp = { id: NaN, ok: false };
    }
    const p = typeof resp === 'object' && resp !== null ? this.pending.get(resp.id) : undefined;
    if (!p) {
      this.noise = `${this.noise}${line}\n`.slice(-4000);
      return;
    }
    this.pending.delete(resp.id);
    clearTimeout(p.timer);
    if (resp.ok) p.resolve(resp.result);
    else p.reject(new Error(`PyTorch oracle (${p.kind}): ${resp.error ?? 'unknown error'}`));
  }
}
