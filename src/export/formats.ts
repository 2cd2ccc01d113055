// The export formats and their files, apart from the writers so a caller can list them without loading protobufjs.

export const EXPORT_FORMATS = ['pytorch', 'onnx', 'ts'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File extension and media type of each format, for a save dialog or a download link. */
export const EXPORT_FILES: { readonly [F in ExportFormat]: { extension: string; mediaType: string } } = {
  pytorch: { extension: '.py', mediaType: 'text/x-python' },
  onnx: { extension: '.onnx', mediaType: 'application/octet-stream' },
  ts: { extension: '.ts', mediaType: 'text/plain' },
};
