// executeNotebooks: run notebooks/*.ipynb headless with Deno's Jupyter kernel through Jupyter's stock
// `nbconvert --execute`, as the notebooks guide (docs/guides/notebooks.md) tells a reader to.
//
// The kernelspec is written under out/jupyter (what `deno jupyter --install` writes to ~/.local/share),
// so running the notebooks changes nothing outside the repository's ignored folders.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const NOTEBOOKS = ['backprop', 'moons'].map((n) => join(REPO, 'notebooks', `${n}.ipynb`));
const DENO = join(REPO, 'test/runtimes/node_modules/deno/deno');
const JUPYTER_PATH = join(REPO, 'out/jupyter');

/** Whether `npm run runtimes` has put Deno in test/runtimes. */
export const denoInstalled = (): boolean => existsSync(DENO);

interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: unknown[];
  metadata?: Record<string, unknown>;
}

/** Code cells that should show something (all but the import cells) yet came back with no output. */
function silentCells(file: string): number[] {
  const cells = (JSON.parse(readFileSync(file, 'utf8')) as { cells: Cell[] }).cells;
  return cells.flatMap((c, i) => {
    const src = Array.isArray(c.source) ? c.source.join('') : c.source;
    const onlyImports = src.split('\n').every((l) => l.trim() === '' || l.startsWith('import '));
    return c.cell_type === 'code' && !onlyImports && (c.outputs ?? []).length === 0 ? [i] : [];
  });
}

function nbconvert(notebook: string, outDir: string): void {
  // Debian's python3-nbconvert; /usr/bin/python3 so a different python3 on PATH cannot shadow it.
  const args = ['-m', 'nbconvert', '--to', 'notebook', '--execute'];
  const r = spawnSync('/usr/bin/python3', [...args, '--output-dir', outDir, notebook], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, JUPYTER_PATH },
  });
  if (r.status !== 0) throw new Error(`nbconvert failed on ${notebook} (exit ${r.status}):\n${r.stderr}`);
}

/** Drop what changes on every run (each cell's execution timestamps), so a refresh leaves the tree clean. */
function stripVolatile(file: string): void {
  const nb = JSON.parse(readFileSync(file, 'utf8')) as { cells: Cell[] };
  for (const c of nb.cells) delete c.metadata?.['execution'];
  writeFileSync(file, `${JSON.stringify(nb, null, 1)}\n`);
}

/**
 * Execute every notebook into `outDir`, or in place (refreshing the committed outputs) when it is undefined.
 * A code cell that comes back with no output at all fails the run.
 */
export function executeNotebooks(outDir?: string): void {
  if (!existsSync(DENO)) throw new Error(`Deno is missing (${DENO}): run \`npm run runtimes\` first`);
  if (!existsSync(join(REPO, 'dist/index.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const kernel = join(JUPYTER_PATH, 'kernels/deno');
  mkdirSync(kernel, { recursive: true });
  const argv = [DENO, 'jupyter', '--kernel', '--conn', '{connection_file}'];
  writeFileSync(
    join(kernel, 'kernel.json'),
    JSON.stringify({ argv, display_name: 'Deno', language: 'typescript' }),
  );
  const work = mkdtempSync(join(tmpdir(), 'micrograd-nb-'));
  try {
    for (const notebook of NOTEBOOKS) {
      const result = join(work, basename(notebook));
      nbconvert(notebook, work);
      stripVolatile(result);
      const silent = silentCells(result);
      if (silent.length > 0)
        throw new Error(`${basename(notebook)}: cells ${silent.join(', ')} showed nothing`);
      copyFileSync(result, outDir === undefined ? notebook : join(outDir, basename(notebook)));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
