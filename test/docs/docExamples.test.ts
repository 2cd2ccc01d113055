// Every `@example` in the core's doc comments runs as written (its 'micrograd-ts' import bound to the sources),
// and each `// prints …` comment is what a console.log prints, in order (the start of it when the comment
// ends in …): the numbers shown on hover are real.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
// The folders whose examples follow this file's convention (self-contained, `// prints` after a log line).
const FOLDERS = ['engine', 'expr', 'autodiff', 'tape', 'data'].map((f) => join(REPO, 'src', f));
const SCRATCH = join(REPO, 'out', 'doc-examples');
const ENTRY = pathToFileURL(join(REPO, 'src', 'index.ts')).href;

interface Example {
  where: string;
  code: string;
  prints: string[];
}

/** The ```ts blocks that follow an `@example` tag in each doc comment, with their `// prints` lines. */
function examples(): Example[] {
  const found: Example[] = [];
  for (const dir of FOLDERS) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      for (const comment of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
        const body = comment[1]!.replace(/^[ \t]*\* ?/gm, '');
        const tagged = body.split('@example').slice(1).join('\n');
        const line = text.slice(0, comment.index).split('\n').length;
        for (const block of tagged.matchAll(/^```ts\n([\s\S]*?)^```/gm)) {
          const code = block[1]!;
          const prints = [...code.matchAll(/\/\/ prints (.*)$/gm)].map((m) => m[1]!);
          found.push({ where: `${relative(REPO, join(dir, name))}:${line}`, code, prints });
        }
      }
    }
  }
  return found;
}

describe('doc-comment examples', () => {
  afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));
  const all = examples();

  it('finds the examples (Value, its ops, backward, Tape, gradcheck, …)', () => {
    expect(all.length).toBeGreaterThanOrEqual(10);
  });

  for (const [i, ex] of all.entries()) {
    it(`${ex.where} runs and prints what its comments say`, async () => {
      expect(ex.code).toContain("from 'micrograd-ts'");
      mkdirSync(SCRATCH, { recursive: true });
      const file = join(SCRATCH, `example${i}.ts`);
      writeFileSync(file, ex.code.replaceAll("from 'micrograd-ts'", `from '${ENTRY}'`));
      const lines: string[] = [];
      const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
        lines.push(format(...args));
      });
      try {
        await import(pathToFileURL(file).href);
      } finally {
        log.mockRestore();
      }
      // A `// prints` text ending in … gives the start of a longer line: compare that much of it.
      const shown = lines.map((line, j) => {
        const said = ex.prints[j];
        return said?.endsWith('…') === true && line.startsWith(said.slice(0, -1)) ? said : line;
      });
      expect(shown).toEqual(ex.prints);
    });
  }
});
