// notebookState: the notebook page's one state object — the notebook's cells and their outputs, plus the
// kernel's status. Everything the page shows is drawn from it; Download writes it out as it is.

import type { KernelStatus } from './kernelClient.js';
import type { Output } from './kernelMessages.js';

export type CellType = 'code' | 'markdown' | 'raw';
/** Where a code cell is: waiting for its turn, running, or (needs Node) kept with its saved output. */
export type CellStatus = 'idle' | 'queued' | 'running' | 'needs-node';

export interface CellState {
  id: string;
  type: CellType;
  source: string;
  outputs: Output[];
  executionCount: number | null;
  /** The cell's metadata from the file, written back unchanged. */
  metadata: Record<string, unknown>;
  status: CellStatus;
}

export interface NotebookState {
  /** The file name Download saves under. */
  name: string;
  cells: CellState[];
  /** The notebook's metadata from the file (its kernelspec among it), written back unchanged. */
  metadata: Record<string, unknown>;
  kernel: KernelStatus;
  /** The count the next run cell gets, as Jupyter's In [n]. */
  nextCount: number;
}
