// Architecture rules from DESIGN.md, checked on the source text: portable layers import nothing from
// Node, the engine imports nothing outside itself, and the library draws no unseeded randomness.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out; // a missing layer: the tests below fail on an empty list
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(sourceFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/**
 * Module specifiers of every static or dynamic import/export-from in a file. Doc comments are left out:
 * their examples import from 'micrograd-ts' as a user would, which the file itself does not.
 */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/^[ \t]*\/\*\*[\s\S]*?\*\//gm, '');
  const specs: string[] = [];
  for (const m of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    specs.push((m[1] ?? m[2])!);
  }
  return specs;
}

// export/: the model writers run in the browser too (the train page offers the same downloads).
const PORTABLE = ['engine', 'tape', 'nn', 'data', 'expr', 'export', 'autodiff'];

/** Every file reachable from `entry` through relative imports (static or dynamic), and every other specifier met. */
function importGraph(entry: string): { files: string[]; external: string[] } {
  const seen = new Set<string>();
  const external: string[] = [];
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of imports(file)) {
      if (spec.startsWith('.')) stack.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else external.push(`${relative(SRC, file)} imports ${spec}`);
    }
  }
  return { files: [...seen].map((f) => relative(SRC, f)), external };
}

describe('architecture', () => {
  it('portable layers (engine, tape, nn, data, expr, export, autodiff) import nothing from Node', () => {
    for (const layer of PORTABLE) expect(sourceFiles(join(SRC, layer)).length, layer).toBeGreaterThan(0);
    const offenders = PORTABLE.flatMap((layer) =>
      sourceFiles(join(SRC, layer)).flatMap((f) =>
        imports(f)
          .filter((s) => s.startsWith('node:') || ['fs', 'path', 'child_process', 'os', 'url'].includes(s))
          .map((s) => `${relative(SRC, f)} imports ${s}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('the engine imports only from itself and has no runtime dependencies', () => {
    const files = sourceFiles(join(SRC, 'engine'));
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.flatMap((f) =>
      imports(f)
        .filter((s) => !s.startsWith('./'))
        .map((s) => `${relative(SRC, f)} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the package root reaches no dependency, no Node module and no picture code', () => {
    const { files, external } = importGraph(join(SRC, 'index.ts'));
    expect(files).toContain(join('engine', 'value.ts')); // the walk did follow the imports
    expect(files).toContain(join('nn', 'MLP.ts'));
    expect(external).toEqual([]);
    expect(files.filter((f) => f.startsWith('viz') || f.startsWith('cli'))).toEqual([]);
  });

  it('the library never calls Math.random (all randomness is seeded)', () => {
    const offenders = sourceFiles(SRC).filter((f) => /Math\.random\s*\(/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });
});
