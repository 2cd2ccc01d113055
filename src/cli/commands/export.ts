// `micrograd export`: write a trained model.json as a PyTorch module, an ONNX file or a TypeScript module.

import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { Command, Option } from 'commander';
import { EXPORT_FILES, EXPORT_FORMATS, type ExportFormat } from '../../export/formats.js';
import { refuseInputAsOutput, writeFileAtomically } from '../AtomicFiles.js';

export function exportCommand(): Command {
  return new Command('export')
    .description(
      'write a trained model as PyTorch, ONNX or TypeScript, e.g. micrograd export runs/moons/model.json --format onnx',
    )
    .argument('<model>', 'a model.json written by micrograd train (or MLP.toJSON())')
    .addOption(new Option('--format <name>', 'what to write').choices(EXPORT_FORMATS).makeOptionMandatory())
    .option('-o, --out <file>', 'where to write (default: the model file with .py, .onnx or .ts)')
    .action(async (file: string, o: { format: ExportFormat; out?: string }) => {
      const out =
        o.out ?? `${file.slice(0, file.length - extname(file).length)}${EXPORT_FILES[o.format].extension}`;
      refuseInputAsOutput(out, [file], '-o/--out');
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new Error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      // Loaded here, not at the top: protobufjs takes ~0.1 s to load, which every other command would pay.
      const { exportModel } = await import('../../export/index.js');
      let content: string | Uint8Array;
      try {
        content = exportModel(text, o.format, { source: basename(file) });
      } catch (e) {
        throw new Error(`${file}: ${(e as Error).message.replace(/^\w+: /, '')}`);
      }
      writeFileAtomically(out, content, [file]);
      const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
      process.stdout.write(`wrote ${out} (${o.format}, ${(bytes / 1024).toFixed(1)} kB)\n`);
    });
}
