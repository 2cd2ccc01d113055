// layoutClient: ask the layout worker for a picture. A layout stuck longer than a moment is stopped when a
// newer one is asked for, and any layout is stopped after LAYOUT_TIMEOUT_MS, with a message saying so.

import type { Value } from '../../../src/engine/value.js';
import type { Candidate, Size } from './fitLayout.js';
import { toPlain, type LayoutReply, type LayoutRequest } from './layoutMessages.js';

/** Longest a layout may take before the page gives up on it and says so. */
export const LAYOUT_TIMEOUT_MS = 20_000;
/** A layout running longer than this is abandoned (the worker restarted) when a newer one is asked for. */
const STALE_MS = 300;

export interface Layout {
  /** DOT text (for the DOT export). */
  readonly source: string;
  /** Graphviz's SVG text. */
  readonly svg: string;
  /** Which of the candidates it is, and whether it fits the room with readable text. */
  readonly candidate: Candidate;
  readonly fits: boolean;
}

/** The rejection of a layout replaced by a newer one: the caller ignores it. */
export class Superseded extends Error {}

interface Job {
  readonly request: LayoutRequest;
  readonly resolve: (l: Layout) => void;
  readonly reject: (err: Error) => void;
}

let worker: Worker | undefined;
let running: { job: Job; started: number; timer: ReturnType<typeof setTimeout> } | undefined;
let queued: Job | undefined;
let nextId = 0;

function ensureWorker(): Worker {
  if (worker !== undefined) return worker;
  const w = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<LayoutReply>) => {
    const m = e.data;
    if (running === undefined || running.job.request.id !== m.id) return;
    const { job, timer } = running;
    clearTimeout(timer);
    running = undefined;
    if (m.ok) job.resolve({ source: m.source, svg: m.svg, candidate: m.candidate, fits: m.fits });
    else job.reject(new Error(m.message));
    pump();
  };
  w.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    stop(new Error(`the layout worker failed: ${e.message || 'unknown error'}`));
  };
  worker = w;
  return w;
}

/** End the running layout (Graphviz cannot be interrupted otherwise) and go on with the queue. */
function stop(why: Error): void {
  if (running === undefined) return;
  clearTimeout(running.timer);
  running.job.reject(why);
  running = undefined;
  worker?.terminate();
  worker = undefined;
  pump();
}

function pump(): void {
  if (running !== undefined || queued === undefined) return;
  const job = queued;
  queued = undefined;
  const nodes = job.request.nodes.length;
  const timer = setTimeout(
    () =>
      stop(
        new RangeError(
          `Graphviz did not finish laying out this graph (${nodes} values) in ${LAYOUT_TIMEOUT_MS / 1000} s, ` +
            'so the page stopped it; try a smaller expression',
        ),
      ),
    LAYOUT_TIMEOUT_MS,
  );
  running = { job, started: performance.now(), timer };
  ensureWorker().postMessage(job.request);
}

/** Lay out the graph of `nodes` (trace order, root last) in the worker: the first candidate that fits. */
export function layout(
  nodes: readonly Value[],
  candidates: readonly Candidate[],
  room: Size,
): Promise<Layout> {
  queued?.reject(new Superseded('a newer drawing replaced this one'));
  return new Promise<Layout>((resolve, reject) => {
    const request = { id: ++nextId, nodes: toPlain(nodes), candidates, room };
    queued = { request, resolve, reject };
    if (running !== undefined && performance.now() - running.started > STALE_MS) {
      stop(new Superseded('a newer drawing replaced this one'));
    } else pump();
  });
}
