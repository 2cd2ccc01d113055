// Every TypeScript example in the site's guides (and in the README) runs as written against the built package (imports of
// 'micrograd-ts' resolve to dist/ by the package's own name), and a "prints" block after one is what it prints.
// In `npm run test:site`: the examples train real networks, too slow for `npm test`.
// Blocks marked ```ts fragment (they use names from the text around them) are left out.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DOCS = join(REPO, 'docs');
// Inside the package folder (so 'micrograd-ts' resolves to this package) and ignored by git.
const SCRATCH = join(REPO, 'out', 'guide-snippets');

interface Snippet {
  file: string;
  index: number;
  code: string;
  prints: string | undefined;
}

function snippets(): Snippet[] {
  const files = ['index.md', ...readdirSync(join(DOCS, 'guides')).map((f) => join('guides', f))];
  // The README's one example is the front door's: it runs too. Paths are relative to docs/.
  files.push(join('..', 'README.md'));
  const found: Snippet[] = [];
  for (const file of files.filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(join(DOCS, file), 'utf8');
    const block = /^```ts\n([\s\S]*?)^```\n(?:\nprints\n\n```text\n([\s\S]*?)^```)?/gm;
    let index = 0;
    for (const m of text.matchAll(block)) found.push({ file, index: index++, code: m[1]!, prints: m[2] });
  }
  return found;
}

describe('the guides’ examples', () => {
  afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));
  const all = snippets();
  it('finds the examples (one or more in most guides)', () => {
    expect(all.length).toBeGreaterThanOrEqual(10);
  });
  for (const s of all) {
    it(`${s.file} example ${s.index + 1} runs${s.prints === undefined ? '' : ' and prints what the guide says'}`, () => {
      mkdirSync(SCRATCH, { recursive: true });
      const path = join(SCRATCH, `${s.file.replace(/\W/g, '_')}_${s.index}.ts`);
      writeFileSync(path, s.code);
      const run = spawnSync(process.execPath, ['--import', 'tsx', path], { cwd: REPO, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      if (s.prints !== undefined) expect(run.stdout).toBe(s.prints);
    });
  }
});
