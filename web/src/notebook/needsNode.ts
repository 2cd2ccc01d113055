// needsNode: which cells cannot run in a browser (they import Node's modules or a file beside the notebook,
// or call Deno), and what they need, so the page shows their saved output with a note instead of failing.

/** The modules a cell may import on the page (the kernel worker bundles them). */
export const PAGE_MODULES = ['micrograd-ts', 'micrograd-ts/viz'];

const IMPORT =
  /(?:^|\n)\s*import\s+(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

/** What the cell needs that a browser does not have ("Node (node:child_process) and PyTorch"), or undefined. */
export function needsNode(source: string): string | undefined {
  const needs: string[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const name = m[1] ?? m[2]!;
    if (PAGE_MODULES.includes(name)) continue;
    if (name.startsWith('node:')) needs.push(`Node (${name})`);
    else if (name.startsWith('.') || name.startsWith('/')) needs.push(`the file ${name} beside the notebook`);
    else needs.push(`the package ${name}`);
  }
  if (/\bDeno\.\w/.test(source)) needs.push('Deno');
  if (needs.length === 0) return undefined;
  // A cell that runs Python for PyTorch says so: that is what a reader needs to install.
  if (/\btorch\b/.test(source)) needs.push('PyTorch');
  return [...new Set(needs)].join(' and ');
}
