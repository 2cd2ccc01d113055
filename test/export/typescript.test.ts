// The TypeScript export, imported and run: the library's predictions bit for bit, strict-mode clean,
// no imports, and a source label that cannot escape its literal.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { toTypeScript } from '../../src/export/index.js';
import { HOSTILE_SOURCES } from './hostileSources.js';
import { CASES } from './models.js';

const dir = mkdtempSync(join(tmpdir(), 'micrograd-export-ts-'));
let n = 0;

interface Exported {
  predict(x: readonly number[]): number[];
  source: string | null;
  inputSize: number;
  outputSize: number;
}

async function load(text: string): Promise<{ mod: Exported; file: string }> {
  const file = join(dir, `model${n++}.ts`);
  writeFileSync(file, text);
  return { mod: (await import(pathToFileURL(file).href)) as Exported, file };
}

describe('toTypeScript', () => {
  it.each(CASES)('$name: predict(x) equals MLP.predict(x) bit for bit (same sums, same order)', async (c) => {
    const { mod } = await load(toTypeScript(c.json));
    expect(mod.inputSize).toBe(c.model.nin);
    expect(mod.outputSize).toBe(c.model.nouts.at(-1));
    for (const x of c.points) expect(mod.predict(x)).toEqual(c.model.predict(x));
  });

  it('type-checks under the strictest options and imports nothing', async () => {
    const { file } = await load(toTypeScript(CASES[1]!.json, { source: 'model.json' }));
    const program = ts.createProgram([file], {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noImplicitReturns: true,
      noUnusedLocals: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      types: [],
      lib: ['lib.es2022.d.ts'],
      noEmit: true,
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    const sf = program.getSourceFile(file)!;
    const imports = sf.statements.filter((s) => ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s));
    expect(imports).toEqual([]);
    expect(sf.text).not.toMatch(/\brequire\(|\bimport\(/);
  });

  it('rejects a point of the wrong size with a TypeError', async () => {
    const { mod } = await load(toTypeScript(CASES[0]!.json));
    expect(() => mod.predict([1])).toThrow(/^predict\(x\): expected an array of 2 numbers, got 1$/);
    expect(() => mod.predict(['1', 2] as never)).toThrow(TypeError);
  });

  it.each(HOSTILE_SOURCES)(
    'keeps the label %j as data: the same statements, the exact string back',
    async (label) => {
      const benign = ts.createSourceFile(
        'b.ts',
        toTypeScript(CASES[3]!.json, { source: 'x' }),
        ts.ScriptTarget.ES2022,
      );
      const text = toTypeScript(CASES[3]!.json, { source: label });
      const sf = ts.createSourceFile('h.ts', text, ts.ScriptTarget.ES2022);
      expect(sf.statements.map((s) => ts.SyntaxKind[s.kind])).toEqual(
        benign.statements.map((s) => ts.SyntaxKind[s.kind]),
      );
      expect(text).toMatch(/^[\x20-\x7e\n]*$/); // printable ASCII only, whatever the label holds
      const { mod } = await load(text);
      expect(mod.source).toBe(label);
    },
  );
});
