// ipynb: read and write Jupyter notebooks (nbformat 4). Reading checks what the page relies on and names
// what is wrong; writing gives nbformat 4.5 (cell ids) with sources and texts split into lines, as Jupyter does.

import type { MimeData, Output } from './kernelMessages.js';
import type { CellState, CellType, NotebookState } from './notebookState.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** nbformat stores multi-line text as a string or as a list of lines. */
function text(v: unknown, what: string): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v.join('');
  throw new TypeError(
    `${what}: expected a string or a list of strings, got ${JSON.stringify(v)?.slice(0, 40)}`,
  );
}

/** Text as Jupyter writes it: a list of lines, each but the last ending in \n. */
export function lines(s: string): string[] {
  return s === '' ? [] : (s.match(/[^\n]*\n|[^\n]+$/g) ?? []);
}

function readData(v: unknown, what: string): MimeData {
  if (!isObject(v)) throw new TypeError(`${what}: expected a MIME bundle (an object), got ${typeof v}`);
  // JSON types (application/json, vega specs) are kept as their text; the page shows the text types.
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [k, k.endsWith('json') ? JSON.stringify(x) : text(x, `${what} ${k}`)]),
  );
}

function readOutput(o: unknown, where: string): Output {
  if (!isObject(o)) throw new TypeError(`${where}: expected an output object`);
  switch (o['output_type']) {
    case 'stream':
      return {
        output_type: 'stream',
        name: o['name'] === 'stderr' ? 'stderr' : 'stdout',
        text: text(o['text'], where),
      };
    case 'execute_result':
      return {
        output_type: 'execute_result',
        execution_count: typeof o['execution_count'] === 'number' ? o['execution_count'] : null,
        data: readData(o['data'], where),
        metadata: isObject(o['metadata']) ? o['metadata'] : {},
      };
    case 'display_data':
      return {
        output_type: 'display_data',
        data: readData(o['data'], where),
        metadata: isObject(o['metadata']) ? o['metadata'] : {},
      };
    case 'error':
      return {
        output_type: 'error',
        ename: String(o['ename'] ?? 'Error'),
        evalue: String(o['evalue'] ?? ''),
        traceback: Array.isArray(o['traceback']) ? o['traceback'].map(String) : [],
      };
    default:
      throw new TypeError(`${where}: unknown output_type ${JSON.stringify(o['output_type'])}`);
  }
}

let idCounter = 0;
/** A fresh cell id (nbformat 4.5: 1–64 letters, digits, - and _). */
export function newCellId(): string {
  idCounter += 1;
  return `cell-${Date.now().toString(36)}-${idCounter}`;
}

/** Parse a notebook file's text. Throws a TypeError or RangeError naming what is wrong with it. */
export function parseNotebook(json: string, name: string): NotebookState {
  let nb: unknown;
  try {
    nb = JSON.parse(json);
  } catch (err) {
    throw new TypeError(`${name} is not a notebook: not JSON (${(err as Error).message})`);
  }
  if (!isObject(nb) || !Array.isArray(nb['cells']))
    throw new TypeError(`${name} is not a notebook: it has no cells list`);
  if (nb['nbformat'] !== 4) {
    throw new RangeError(
      `${name}: expected nbformat 4 (what Jupyter writes today), got ${JSON.stringify(nb['nbformat'])}`,
    );
  }
  const cells = nb['cells'].map((c: unknown, i): CellState => {
    const where = `${name}, cell ${i + 1}`;
    if (!isObject(c)) throw new TypeError(`${where}: expected a cell object`);
    const type = c['cell_type'];
    if (type !== 'code' && type !== 'markdown' && type !== 'raw') {
      throw new TypeError(`${where}: expected cell_type code, markdown or raw, got ${JSON.stringify(type)}`);
    }
    const outputs =
      type === 'code' && Array.isArray(c['outputs']) ? c['outputs'].map((o) => readOutput(o, where)) : [];
    const id = typeof c['id'] === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(c['id']) ? c['id'] : newCellId();
    return {
      id,
      type: type as CellType,
      source: text(c['source'] ?? '', `${where} source`),
      outputs,
      executionCount: typeof c['execution_count'] === 'number' ? c['execution_count'] : null,
      metadata: isObject(c['metadata']) ? c['metadata'] : {},
      status: 'idle',
    };
  });
  return {
    name,
    cells,
    metadata: isObject(nb['metadata']) ? nb['metadata'] : {},
    kernel: 'starting',
    nextCount: 1,
  };
}

function writeOutput(o: Output): Json {
  const data = (d: MimeData): Json =>
    Object.fromEntries(Object.entries(d).map(([k, v]) => [k, k.endsWith('json') ? JSON.parse(v) : lines(v)]));
  switch (o.output_type) {
    case 'stream':
      return { name: o.name, output_type: 'stream', text: lines(o.text) };
    case 'execute_result':
      return {
        data: data(o.data),
        execution_count: o.execution_count,
        metadata: o.metadata,
        output_type: 'execute_result',
      };
    case 'display_data':
      return { data: data(o.data), metadata: o.metadata, output_type: 'display_data' };
    case 'error':
      return { ename: o.ename, evalue: o.evalue, output_type: 'error', traceback: o.traceback };
  }
}

/** The notebook as nbformat 4.5 JSON text (one space indent and a final newline, as Jupyter writes it). */
export function serializeNotebook(state: NotebookState): string {
  const cells = state.cells.map((c) => {
    const base = { cell_type: c.type, id: c.id, metadata: c.metadata, source: lines(c.source) };
    return c.type === 'code'
      ? { ...base, execution_count: c.executionCount, outputs: c.outputs.map(writeOutput) }
      : base;
  });
  return `${JSON.stringify({ cells, metadata: state.metadata, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
}
