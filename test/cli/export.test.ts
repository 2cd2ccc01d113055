// `micrograd export`, run as a real process on the build: the files it writes are the writers' output,
// the ONNX file runs, and a hostile model file is refused with one clear line and nothing written.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportModel } from '../../src/export/index.js';
import { CASES, mismatches } from '../export/models.js';
import { runOnnx } from '../export/runOnnx.js';
import { NEEDS_ORT, ort } from '../onnx/onnxRuntime.js';
import { runCli } from './runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'micrograd-export-cli-'));
const c = CASES[0]!;
const modelFile = join(dir, 'model.json');
const text = `${JSON.stringify(c.json, null, 1)}\n`;
writeFileSync(modelFile, text);

describe('micrograd export', () => {
  it.each(['pytorch', 'ts'] as const)(
    '--format %s -o FILE writes the writer’s text, naming the model file',
    (format) => {
      const out = join(dir, `out-${format}`);
      const r = runCli(['export', modelFile, '--format', format, '-o', out]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^wrote ${out} \\(${format}, \\d+\\.\\d kB\\)\\n$`));
      expect(readFileSync(out, 'utf8')).toBe(exportModel(text, format, { source: 'model.json' }));
    },
  );

  it('--format onnx without -o writes model.onnx beside the model: the writer’s bytes', () => {
    const r = runCli(['export', modelFile, '--format', 'onnx']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = join(dir, 'model.onnx');
    expect(r.stdout).toBe(`wrote ${out} (onnx, ${(readFileSync(out).length / 1024).toFixed(1)} kB)\n`);
    expect(readFileSync(out)).toEqual(Buffer.from(exportModel(text, 'onnx', { source: 'model.json' })));
  });

  it.skipIf(ort === undefined)(`--format onnx writes a file that onnxruntime runs${NEEDS_ORT}`, async () => {
    const out = join(dir, 'run.onnx');
    expect(runCli(['export', modelFile, '--format', 'onnx', '-o', out]).status).toBe(0);
    const { rows } = await runOnnx(readFileSync(out), c.points);
    expect(mismatches(c, rows)).toEqual([]);
  });

  it('refuses a hostile model file with one line naming the field, and writes nothing', () => {
    const bad = join(dir, 'bad.json');
    const json = structuredClone(c.json) as unknown as { layers: { weights: unknown[][] }[] };
    json.layers[1]!.weights[3]![7] = null;
    writeFileSync(bad, JSON.stringify(json));
    const r = runCli(['export', bad, '--format', 'pytorch']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`micrograd: ${bad}: layers[1].weights[3][7]: expected a finite number, got null\n`);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'bad.py'))).toBe(false);
  });

  it('says what is missing: an unreadable file, no --format, an unknown format, an unwritable path', () => {
    const missing = runCli(['export', join(dir, 'nope.json'), '--format', 'ts']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`micrograd: cannot read ${join(dir, 'nope.json')}: ENOENT\n`);
    const noFormat = runCli(['export', modelFile]);
    expect(noFormat.status).toBe(1);
    expect(noFormat.stderr).toMatch(/required option '--format <name>' not specified/);
    const unknown = runCli(['export', modelFile, '--format', 'keras']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/argument 'keras' is invalid\. Allowed choices are pytorch, onnx, ts/);
    const unwritable = runCli([
      'export',
      modelFile,
      '--format',
      'ts',
      '-o',
      join(dir, 'no', 'such', 'dir.ts'),
    ]);
    expect(unwritable.status).toBe(1);
    expect(unwritable.stderr).toBe(
      `micrograd: cannot write ${join(dir, 'no', 'such', 'dir.ts')}: its folder does not exist\n`,
    );
  });

  it('the built package exposes the writers as micrograd-ts/export', async () => {
    const pkg = (await import('micrograd-ts/export')) as typeof import('../../src/export/index.js');
    expect(pkg.EXPORT_FORMATS).toEqual(['pytorch', 'onnx', 'ts']);
    expect(pkg.exportModel(text, 'ts', { source: 'model.json' })).toBe(
      exportModel(text, 'ts', { source: 'model.json' }),
    );
  });
});
