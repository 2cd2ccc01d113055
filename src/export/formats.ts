// The export formats and their files, apart from the writers so a caller can list them without loading protobufjs.

/**
 * The formats a saved model exports to: `pytorch` (a `.py` file holding an `nn.Module`), `onnx` (an `.onnx`
 * file for onnxruntime and other ONNX tools) and `ts` (a dependency-free TypeScript module with `predict`).
 */
export const EXPORT_FORMATS = ['pytorch', 'onnx', 'ts'] as const;
/** One of {@link EXPORT_FORMATS}. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File extension and media type of each format, for a save dialog or a download link. */
export const EXPORT_FILES: { readonly [F in ExportFormat]: { extension: string; mediaType: string } } = {
  pytorch: { extension: '.py', mediaType: 'text/x-python' },
  onnx: { extension: '.onnx', mediaType: 'application/octet-stream' },
  ts: { extension: '.ts', mediaType: 'text/plain' },
};
