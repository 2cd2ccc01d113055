// transformCell: a notebook cell's TypeScript → the body of an async function the kernel worker runs, with
// notebook semantics (as Deno's and JupyterLite's REPLs): top-level declarations live on the worker's global
// scope, so a later cell may declare `const x1` again; imports read the page's bundled modules; top-level
// `await` works; the last expression is returned for display. Lines stay where they were, so an error's
// line number is the cell's.
import {
  parse,
  type ClassDeclaration,
  type ExportNamedDeclaration,
  type FunctionDeclaration,
  type ImportDeclaration,
  type Node,
  type Program,
  type VariableDeclaration,
} from 'acorn';
import { transform } from 'sucrase';

/** The names the transformed body expects from the function that runs it. */
export const CELL_IMPORT = '__nbImport';

export interface TransformedCell {
  /** The body of `async function (__nbImport) { … }`, line for line with the cell. */
  body: string;
}

interface Edit {
  at: number;
  /** Characters replaced from `at` (0 to insert). */
  remove: number;
  text: string;
}

/** Replace a range with spaces, keeping its newlines, so later lines and columns stay put. */
const blank = (text: string): string => text.replace(/[^\n]/g, ' ');

function importPrelude(node: ImportDeclaration): string {
  const from = `await ${CELL_IMPORT}(${JSON.stringify(node.source.value)})`;
  const named: string[] = [];
  const parts: string[] = [];
  for (const s of node.specifiers) {
    if (s.type === 'ImportNamespaceSpecifier') parts.push(`${s.local.name} = ${from};`);
    else if (s.type === 'ImportDefaultSpecifier') parts.push(`${s.local.name} = (${from}).default;`);
    else {
      const imported = s.imported.type === 'Identifier' ? s.imported.name : JSON.stringify(s.imported.value);
      named.push(imported === s.local.name ? imported : `${imported}: ${s.local.name}`);
    }
  }
  if (named.length > 0) parts.push(`({ ${named.join(', ')} } = ${from});`);
  if (node.specifiers.length === 0) parts.push(`${from};`);
  return parts.join(' ');
}

/** `const a = 1, { b } = c;` → `;(a = 1, { b } = c);`: assignments to the global scope, in place. */
function declarationEdits(js: string, node: VariableDeclaration, edits: Edit[]): void {
  edits.push({ at: node.start, remove: node.kind.length, text: ';(' + ' '.repeat(node.kind.length - 2) });
  for (const d of node.declarations) {
    if (d.init === null || d.init === undefined)
      edits.push({ at: d.id.end, remove: 0, text: ' = undefined' });
  }
  const semi = js[node.end - 1] === ';';
  edits.push({ at: semi ? node.end - 1 : node.end, remove: 0, text: semi ? ')' : ');' });
}

/**
 * Transform one cell. Throws a SyntaxError (with the cell's line and column in its message) when the cell
 * does not parse.
 */
export function transformCell(source: string): TransformedCell {
  // keepUnusedImports: a cell that only imports (the first cell of a notebook) must still bind its names.
  const js = transform(source, {
    transforms: ['typescript'],
    disableESTransforms: true,
    keepUnusedImports: true,
  }).code;
  const program: Program = parse(js, {
    ecmaVersion: 'latest',
    sourceType: 'module',
    allowAwaitOutsideFunction: true,
    locations: true,
  });
  const edits: Edit[] = [];
  const prelude: string[] = [];
  const body = program.body;
  // The cell's value is its last expression statement's, as in a REPL; declarations that only hoist
  // (functions, imports) may follow it.
  const hoistOnly = new Set(['FunctionDeclaration', 'ImportDeclaration', 'EmptyStatement']);
  let last = body.length - 1;
  while (last >= 0 && hoistOnly.has(body[last]!.type)) last--;
  body.forEach((stmt, i) => {
    let s: Node = stmt;
    if (s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') {
      const decl = (s as ExportNamedDeclaration).declaration;
      if (decl === null || decl === undefined) {
        edits.push({ at: s.start, remove: s.end - s.start, text: blank(js.slice(s.start, s.end)) });
        return;
      }
      // `export const x = 1` is `const x = 1` in a notebook: nothing imports a cell.
      edits.push({ at: s.start, remove: decl.start - s.start, text: blank(js.slice(s.start, decl.start)) });
      s = decl;
    }
    if (s.type === 'ImportDeclaration') {
      prelude.push(importPrelude(s as ImportDeclaration));
      edits.push({ at: s.start, remove: s.end - s.start, text: blank(js.slice(s.start, s.end)) });
    } else if (s.type === 'VariableDeclaration') {
      declarationEdits(js, s as VariableDeclaration, edits);
    } else if (s.type === 'FunctionDeclaration') {
      // Hoisted inside the cell as written; published to the global scope before the cell's first line runs.
      const name = (s as FunctionDeclaration).id.name;
      prelude.push(`globalThis[${JSON.stringify(name)}] = ${name};`);
    } else if (s.type === 'ClassDeclaration') {
      const name = (s as ClassDeclaration).id.name;
      edits.push({ at: s.start, remove: 0, text: `;${name} = ` });
      edits.push({ at: s.end, remove: 0, text: ';' });
    } else if (s.type === 'ExpressionStatement' && i === last) {
      const semi = js[s.end - 1] === ';';
      edits.push({ at: s.start, remove: 0, text: 'return (' });
      edits.push({ at: semi ? s.end - 1 : s.end, remove: 0, text: ')' });
    }
  });
  let out = js;
  // From the end backwards; of two edits at one place, the one added later goes in first (so it ends up after).
  const order = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.at - a.at || b.i - a.i);
  for (const e of order) {
    out = out.slice(0, e.at) + e.text + out.slice(e.at + e.remove);
  }
  // The prelude shares the first line, so every later line keeps its number.
  return { body: prelude.join(' ') + out };
}
