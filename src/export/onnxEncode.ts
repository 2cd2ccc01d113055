// onnxEncode: protobuf bytes for the ONNX subset in onnxSchema, written field by field with protobufjs's
// Writer. Reflection's encoders are compiled with `Function`, which a page under a strict Content Security
// Policy (no 'unsafe-eval', as `micrograd serve` sends) may not run; this walks the same descriptor instead.

import protobuf from 'protobufjs/minimal.js';
import { ONNX_DESCRIPTOR, type FieldSpec } from './onnxSchema.js';

type Message = Record<string, unknown>;
type Types = Record<string, { fields: Record<string, FieldSpec>; nested?: Types }>;

const TYPES = ONNX_DESCRIPTOR.nested.onnx.nested as Types;

/** The message type `name` as seen from inside `scope` (protobuf looks in nested types first). */
function resolve(
  name: string,
  scope: Types | undefined,
): { fields: Record<string, FieldSpec>; nested?: Types } {
  const t = scope?.[name] ?? TYPES[name];
  if (t === undefined) throw new TypeError(`onnxEncode: no message type ${name} in the schema`);
  return t;
}

const WIRE: Record<string, number> = { string: 2, int32: 0, int64: 0, float: 5, double: 1 };

/** How each scalar type is written (its wire type comes from WIRE). */
const WRITE: Record<string, (w: protobuf.Writer, v: unknown) => void> = {
  string: (w, v) => w.string(v as string),
  int32: (w, v) => w.int32(v as number),
  int64: (w, v) => w.int64(v as number),
  float: (w, v) => w.float(v as number),
  double: (w, v) => w.double(v as number),
};

function writeMessage(
  w: protobuf.Writer,
  type: { fields: Record<string, FieldSpec>; nested?: Types },
  m: Message,
): void {
  for (const [key, spec] of Object.entries(type.fields)) {
    const value = m[key];
    if (value === undefined || value === null) continue;
    const values: unknown[] = spec.rule === 'repeated' ? (value as unknown[]) : [value];
    const wire = WIRE[spec.type];
    for (const v of values) {
      if (wire === undefined) {
        // A nested message: length-delimited, its own fields inside.
        w.uint32((spec.id << 3) | 2).fork();
        const t = resolve(spec.type, type.nested);
        writeMessage(w, t, v as Message);
        w.ldelim();
      } else {
        w.uint32((spec.id << 3) | wire);
        WRITE[spec.type]!(w, v);
      }
    }
  }
}

/** Encode a plain object shaped like onnx.ModelProto (field names as in onnx.proto). */
export function encodeOnnxModel(model: Message): Uint8Array {
  const w = protobuf.Writer.create();
  writeMessage(w, resolve('ModelProto', undefined), model);
  return w.finish();
}
