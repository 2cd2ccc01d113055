// kernelWorker: the notebook's kernel. Cells run here, off the page's thread, so Interrupt can end a cell
// that never returns by ending the worker; outputs go back as nbformat outputs.

import { formatLogArgs, inspectValue } from './inspectValue.js';
import type { KernelReply, MimeData, Output, RunRequest } from './kernelMessages.js';
import { CELL_IMPORT, transformCell } from './transformCell.js';

// The modules a cell may import: the library, as the page bundled it (loaded on a cell's first import).
const MODULES: Record<string, () => Promise<unknown>> = {
  'micrograd-ts': () => import('../../../src/index.js'),
  'micrograd-ts/viz': () => import('../../../src/viz/index.js'),
};

/** The line a cell's code starts on in the function the worker builds from it (its header is two lines). */
const HEADER_LINES = 2;

const post = (m: KernelReply): void => self.postMessage(m);
const DISPLAY = Symbol.for('Jupyter.display');

/** The run whose outputs console.log and display() currently belong to. */
let current: RunRequest | undefined;

function emit(output: Output): void {
  if (current !== undefined) post({ type: 'output', id: current.id, output });
}

async function importModule(name: string): Promise<unknown> {
  const load = MODULES[name];
  if (load === undefined) {
    throw new Error(
      `cannot import "${name}" in the browser: a cell here may import ${Object.keys(MODULES).join(' and ')}`,
    );
  }
  return load();
}

/** The MIME bundle a value shows as: its own display method when it has one, else its inspected text. */
async function mimeBundle(value: unknown): Promise<MimeData> {
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Record<symbol, unknown>)[DISPLAY] === 'function'
  ) {
    const bundle = (await (value as Record<symbol, () => unknown>)[DISPLAY]!()) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(bundle).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    );
  }
  return { 'text/plain': inspectValue(value) };
}

const isBundle = (v: unknown): v is MimeData =>
  v !== null && typeof v === 'object' && Object.values(v).every((x) => typeof x === 'string');

/**
 * Show a value below the cell now, as Deno's `Deno.jupyter.display` does (`{ raw: true }`: the value is a
 * MIME bundle already). The library's `show` sends its outputs through this.
 */
async function display(value: unknown, options?: { raw?: boolean }): Promise<void> {
  const data = options?.raw === true && isBundle(value) ? value : await mimeBundle(value);
  emit({ output_type: 'display_data', data, metadata: {} });
}

const stream =
  (name: 'stdout' | 'stderr') =>
  (...args: unknown[]): void =>
    emit({ output_type: 'stream', name, text: `${formatLogArgs(args)}\n` });
Object.assign(self.console, {
  log: stream('stdout'),
  info: stream('stdout'),
  debug: stream('stdout'),
  warn: stream('stderr'),
  error: stream('stderr'),
});
Object.assign(self, { display });

/** The cell's line and column of an error, read from its stack (the cell's code is named cell-N.js). */
function cellPosition(err: unknown, count: number): string | undefined {
  if (!(err instanceof Error)) return undefined;
  // The parsers name a syntax error's place as (line:column), the column counted from 0.
  const at = err instanceof SyntaxError ? /\((\d+):(\d+)\)/.exec(err.message) : null;
  if (at !== null) return `line ${at[1]}, column ${Number(at[2]) + 1}`;
  const m = new RegExp(`cell-${count}\\.js:(\\d+):(\\d+)`).exec(err.stack ?? '');
  if (m === null) return undefined;
  return `line ${Number(m[1]) - HEADER_LINES}, column ${m[2]}`;
}

function errorOutput(err: unknown, count: number): Output {
  const e = err instanceof Error ? err : new Error(String(err));
  const where = cellPosition(err, count);
  const traceback = [`${e.name}: ${e.message}`];
  if (where !== undefined) traceback.push(`    at cell [${count}], ${where}`);
  return { output_type: 'error', ename: e.name, evalue: e.message, traceback };
}

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (
  ...args: string[]
) => (load: typeof importModule) => Promise<unknown>;

async function run(req: RunRequest): Promise<void> {
  current = req;
  let ok = true;
  try {
    const { body } = transformCell(req.code);
    const fn = new AsyncFunction(CELL_IMPORT, `${body}\n//# sourceURL=cell-${req.count}.js`);
    const value = await fn(importModule);
    if (value !== undefined) {
      emit({
        output_type: 'execute_result',
        execution_count: req.count,
        data: await mimeBundle(value),
        metadata: {},
      });
    }
  } catch (err) {
    ok = false;
    emit(errorOutput(err, req.count));
  }
  post({ type: 'done', id: req.id, ok });
}

// Cells run one after another, in the order the page sends them.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (e: MessageEvent<RunRequest>) => {
  queue = queue.then(() => run(e.data));
};
// An error thrown later by a cell's timer or promise is shown under the cell that ran last (not passed on
// to the page, which takes a worker error for a kernel that could not start).
self.addEventListener('unhandledrejection', (e) => {
  e.preventDefault();
  emit(errorOutput(e.reason, current?.count ?? 0));
});
self.addEventListener('error', (e) => {
  e.preventDefault();
  emit(errorOutput(e.error ?? e.message, current?.count ?? 0));
});
post({ type: 'ready' });
