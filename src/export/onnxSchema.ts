// The part of onnx.proto (github.com/onnx/onnx, onnx/onnx.proto3) that a model of dense layers uses, with an
// encoder per message over protobufjs's Writer: field numbers and types copied from that file, unused fields
// left out. Written out rather than reflected, because protobufjs's reflection compiles its encoders with
// `new Function`, which a page served under a Content-Security-Policy without 'unsafe-eval' may not run.

import protobuf from 'protobufjs/minimal.js';

type Writer = protobuf.Writer;

/** Enum values from onnx.proto3 (TensorProto.DataType, AttributeProto.AttributeType). */
export const DOUBLE = 11;
export const ATTRIBUTE_INT = 2;

/** ONNX 1.9's pair (docs/Versioning.md): IR version 7 with opset 14, which has every op used here for double. */
export const IR_VERSION = 7;
export const OPSET = 14;

export interface OperatorSetIdProto {
  domain: string; // 1
  version: number; // 2, int64
}
export interface StringStringEntryProto {
  key: string; // 1
  value: string; // 2
}
export interface AttributeProto {
  name: string; // 1
  type: number; // 20, AttributeType
  i: number; // 3, int64
}
export interface NodeProto {
  input: string[]; // 1
  output: string[]; // 2
  name: string; // 3
  op_type: string; // 4
  attribute: AttributeProto[]; // 5
}
export interface TensorProto {
  dims: number[]; // 1, int64
  data_type: number; // 2, int32
  name: string; // 8
  double_data: number[]; // 10, packed double
}
/** TensorShapeProto.Dimension: one of dim_value (1, int64) and dim_param (2). */
export type Dimension = { dim_value: number } | { dim_param: string };
export interface ValueInfoProto {
  name: string; // 1
  /** type (2) is a TypeProto whose tensor_type (1) has elem_type (1, int32) and shape (2): dim (1). */
  elem_type: number;
  shape: Dimension[];
}
export interface GraphProto {
  node: NodeProto[]; // 1
  name: string; // 2
  initializer: TensorProto[]; // 5
  input: ValueInfoProto[]; // 11
  output: ValueInfoProto[]; // 12
}
export interface ModelProto {
  ir_version: number; // 1, int64
  opset_import: OperatorSetIdProto[]; // 8
  producer_name: string; // 2
  doc_string: string; // 6
  graph: GraphProto; // 7
  metadata_props: StringStringEntryProto[]; // 14
}

// Wire types of the protobuf encoding.
const VARINT = 0;
const LEN = 2;

const tag = (w: Writer, field: number, wire: number): Writer => w.uint32((field << 3) | wire);

// proto3 leaves out a scalar at its default (0, ""), as every protobuf encoder does.
function string(w: Writer, field: number, s: string): void {
  if (s !== '') tag(w, field, LEN).string(s);
}
function int(w: Writer, field: number, n: number): void {
  if (n !== 0) tag(w, field, VARINT).int64(n);
}
function message<T>(w: Writer, field: number, m: T, encode: (w: Writer, m: T) => void): void {
  encode(tag(w, field, LEN).fork(), m);
  w.ldelim();
}
function messages<T>(w: Writer, field: number, ms: readonly T[], encode: (w: Writer, m: T) => void): void {
  for (const m of ms) message(w, field, m, encode);
}

const opsetId = (w: Writer, m: OperatorSetIdProto): void => {
  string(w, 1, m.domain);
  int(w, 2, m.version);
};
const entry = (w: Writer, m: StringStringEntryProto): void => {
  string(w, 1, m.key);
  string(w, 2, m.value);
};
const attribute = (w: Writer, m: AttributeProto): void => {
  string(w, 1, m.name);
  int(w, 3, m.i);
  int(w, 20, m.type);
};
const node = (w: Writer, m: NodeProto): void => {
  for (const s of m.input) tag(w, 1, LEN).string(s);
  for (const s of m.output) tag(w, 2, LEN).string(s);
  string(w, 3, m.name);
  string(w, 4, m.op_type);
  messages(w, 5, m.attribute, attribute);
};
const tensor = (w: Writer, m: TensorProto): void => {
  tag(w, 1, LEN).fork(); // repeated scalars are packed in proto3
  for (const d of m.dims) w.int64(d);
  w.ldelim();
  int(w, 2, m.data_type);
  string(w, 8, m.name);
  tag(w, 10, LEN).fork();
  for (const x of m.double_data) w.double(x);
  w.ldelim();
};
const dimension = (w: Writer, m: Dimension): void => {
  if ('dim_value' in m) tag(w, 1, VARINT).int64(m.dim_value);
  else tag(w, 2, LEN).string(m.dim_param);
};
const valueInfo = (w: Writer, m: ValueInfoProto): void => {
  string(w, 1, m.name);
  message(w, 2, m, (w2) =>
    message(w2, 1, m, (w3) => {
      int(w3, 1, m.elem_type);
      message(w3, 2, m.shape, (w4, dims) => messages(w4, 1, dims, dimension));
    }),
  );
};
const graph = (w: Writer, m: GraphProto): void => {
  messages(w, 1, m.node, node);
  string(w, 2, m.name);
  messages(w, 5, m.initializer, tensor);
  messages(w, 11, m.input, valueInfo);
  messages(w, 12, m.output, valueInfo);
};

/** The bytes of an ONNX model file. */
export function encodeModel(m: ModelProto): Uint8Array {
  const w = protobuf.Writer.create();
  int(w, 1, m.ir_version);
  string(w, 2, m.producer_name);
  string(w, 6, m.doc_string);
  message(w, 7, m.graph, graph);
  messages(w, 8, m.opset_import, opsetId);
  messages(w, 14, m.metadata_props, entry);
  return w.finish();
}
