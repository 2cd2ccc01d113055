// Every `@example` in the library's doc comments runs as written against the built package, and each line
// marked `// → text` prints exactly that text, in order (its start, when the text ends in …): an example's
// numbers cannot drift from the code.
// In `npm run test:site`: some examples train or draw, too slow for `npm test`.
// Blocks marked ```ts fragment (they use names from the text around them) are left out.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(REPO, 'src');
// Inside the package folder (so 'micrograd-ts' resolves to this package) and ignored by git; examples that
// save a file write it here.
const SCRATCH = join(REPO, 'out', 'doc-examples');

interface Example {
  where: string;
  code: string;
  /** The text after each `// →`, in order: the lines the example prints. */
  prints: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** The ```ts blocks of every doc comment's `@example`, with the comment's ` * ` margin taken off. */
function docExamples(file: string, text: string): Example[] {
  const found: Example[] = [];
  for (const comment of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const body = comment[1]!.replace(/^[ \t]*\* ?/gm, '');
    const at = body.indexOf('@example');
    if (at < 0) continue;
    const line = text.slice(0, comment.index).split('\n').length;
    for (const block of body.slice(at).matchAll(/^```ts\n([\s\S]*?)^```/gm)) {
      const code = block[1]!;
      const prints = [...code.matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1]!);
      found.push({ where: `${relative(REPO, file)}:${line}`, code, prints });
    }
  }
  return found;
}

describe('the doc comments’ examples', () => {
  afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));
  const all = sourceFiles(SRC).flatMap((f) => docExamples(f, readFileSync(f, 'utf8')));
  it('finds the examples', () => {
    expect(all.length).toBeGreaterThanOrEqual(10);
  });
  it('reads an example and what it prints from a comment', () => {
    const text = '/**\n * Sum.\n * @example\n * ```ts\n * console.log(1 + 1); // → 2\n * ```\n */\n';
    expect(docExamples('/x.ts', text)).toEqual([
      { where: expect.any(String), code: 'console.log(1 + 1); // → 2\n', prints: ['2'] },
    ]);
  });
  all.forEach((ex, i) => {
    it(`${ex.where} runs${ex.prints.length > 0 ? ' and prints what it says' : ''}`, () => {
      mkdirSync(SCRATCH, { recursive: true });
      const path = join(SCRATCH, `example_${i}.ts`);
      writeFileSync(path, ex.code);
      const run = spawnSync(process.execPath, ['--import', 'tsx', path], { cwd: SCRATCH, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      // A `// →` text ending in … gives the start of a longer line: compare that much of it.
      const shown = run.stdout
        .trimEnd()
        .split('\n')
        .map((line, j) => {
          const said = ex.prints[j];
          return said?.endsWith('…') === true && line.startsWith(said.slice(0, -1)) ? said : line;
        });
      if (ex.prints.length > 0) expect(shown).toEqual(ex.prints);
    });
  });
});
