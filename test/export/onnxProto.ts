// Decode an ONNX file with protobufjs's reflection from onnx.proto3's own text (the messages a dense
// model uses, copied from github.com/onnx/onnx): a reader independent of the writer's hand-written encoders.
import protobuf from 'protobufjs';

const ONNX_PROTO3 = `
syntax = "proto3";
package onnx;
message AttributeProto {
  string name = 1; string ref_attr_name = 21; string doc_string = 13; int32 type = 20;
  float f = 2; int64 i = 3; bytes s = 4; repeated float floats = 7; repeated int64 ints = 8;
}
message ValueInfoProto { string name = 1; TypeProto type = 2; string doc_string = 3; }
message NodeProto {
  repeated string input = 1; repeated string output = 2; string name = 3; string op_type = 4;
  string domain = 7; repeated AttributeProto attribute = 5; string doc_string = 6;
}
message ModelProto {
  int64 ir_version = 1; repeated OperatorSetIdProto opset_import = 8; string producer_name = 2;
  string producer_version = 3; string domain = 4; int64 model_version = 5; string doc_string = 6;
  GraphProto graph = 7; repeated StringStringEntryProto metadata_props = 14;
}
message StringStringEntryProto { string key = 1; string value = 2; }
message GraphProto {
  repeated NodeProto node = 1; string name = 2; repeated TensorProto initializer = 5; string doc_string = 10;
  repeated ValueInfoProto input = 11; repeated ValueInfoProto output = 12; repeated ValueInfoProto value_info = 13;
}
message TensorProto {
  repeated int64 dims = 1; int32 data_type = 2; repeated float float_data = 4 [packed = true];
  repeated int32 int32_data = 5 [packed = true]; repeated int64 int64_data = 7 [packed = true]; string name = 8;
  string doc_string = 12; bytes raw_data = 9; repeated double double_data = 10 [packed = true];
}
message TensorShapeProto {
  message Dimension { oneof value { int64 dim_value = 1; string dim_param = 2; }; string denotation = 3; };
  repeated Dimension dim = 1;
}
message TypeProto {
  message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; }
  oneof value { Tensor tensor_type = 1; }
  string denotation = 6;
}
message OperatorSetIdProto { string domain = 1; int64 version = 2; }
`;

const Model = protobuf.parse(ONNX_PROTO3, { keepCase: true }).root.lookupType('onnx.ModelProto');

interface ValueInfo {
  name: string;
  type: { tensor_type: { elem_type: number; shape: { dim: { dim_value: number; dim_param: string }[] } } };
}
export interface DecodedModel {
  ir_version: number;
  opset_import: { domain: string; version: number }[];
  producer_name: string;
  doc_string: string;
  metadata_props: { key: string; value: string }[];
  graph: {
    node: {
      op_type: string;
      input: string[];
      output: string[];
      attribute: { name: string; type: number; i: number }[];
    }[];
    initializer: { name: string; data_type: number; dims: number[]; double_data: number[] }[];
    input: ValueInfo[];
    output: ValueInfo[];
  };
}

/** The file as a plain object (int64 as numbers, defaults included). */
export function decodeOnnx(bytes: Uint8Array): DecodedModel {
  const options = { longs: Number, defaults: true, arrays: true, oneofs: false };
  return Model.toObject(Model.decode(bytes), options) as DecodedModel;
}

/** A value's shape, symbolic dimensions by name: ['N', 3]. */
export const shapeOf = (v: ValueInfo): (string | number)[] =>
  v.type.tensor_type.shape.dim.map((d) => d.dim_param || d.dim_value);
