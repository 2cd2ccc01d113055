// kernelMessages: what the notebook page and its kernel worker say to each other. Outputs are nbformat 4
// outputs as they are, so the page stores and downloads them without converting.

/** A MIME bundle: what `Symbol.for('Jupyter.display')` returns, and what a display output holds. */
export type MimeData = Record<string, string>;

export type Output =
  | { output_type: 'stream'; name: 'stdout' | 'stderr'; text: string }
  | { output_type: 'execute_result'; execution_count: number | null; data: MimeData; metadata: object }
  | { output_type: 'display_data'; data: MimeData; metadata: object }
  | { output_type: 'error'; ename: string; evalue: string; traceback: string[] };

export interface RunRequest {
  id: number;
  /** The cell's TypeScript source. */
  code: string;
  /** Its execution count, shown beside the cell and given to its result. */
  count: number;
}

export type KernelReply =
  | { type: 'ready' }
  | { type: 'output'; id: number; output: Output }
  /** The cell finished; `ok` is false when it threw (its error was sent as an output first). */
  | { type: 'done'; id: number; ok: boolean };
