// The part of onnx.proto (github.com/onnx/onnx, onnx/onnx.proto3) that a model of dense layers uses, as a
// protobufjs descriptor: names and field numbers copied from that file, unused fields left out.

import protobuf from 'protobufjs/light.js';

const f = (type: string, id: number, repeated = false) =>
  repeated ? { type, id, rule: 'repeated' } : { type, id };

const descriptor = {
  nested: {
    onnx: {
      nested: {
        AttributeProto: {
          fields: { name: f('string', 1), type: f('int32', 20), f: f('float', 2), i: f('int64', 3) },
        },
        ValueInfoProto: {
          fields: { name: f('string', 1), type: f('TypeProto', 2), doc_string: f('string', 3) },
        },
        NodeProto: {
          fields: {
            input: f('string', 1, true),
            output: f('string', 2, true),
            name: f('string', 3),
            op_type: f('string', 4),
            attribute: f('AttributeProto', 5, true),
            domain: f('string', 7),
          },
        },
        ModelProto: {
          fields: {
            ir_version: f('int64', 1),
            opset_import: f('OperatorSetIdProto', 8, true),
            producer_name: f('string', 2),
            producer_version: f('string', 3),
            model_version: f('int64', 5),
            doc_string: f('string', 6),
            graph: f('GraphProto', 7),
            metadata_props: f('StringStringEntryProto', 14, true),
          },
        },
        StringStringEntryProto: { fields: { key: f('string', 1), value: f('string', 2) } },
        GraphProto: {
          fields: {
            node: f('NodeProto', 1, true),
            name: f('string', 2),
            initializer: f('TensorProto', 5, true),
            doc_string: f('string', 10),
            input: f('ValueInfoProto', 11, true),
            output: f('ValueInfoProto', 12, true),
          },
        },
        TensorProto: {
          fields: {
            dims: f('int64', 1, true),
            data_type: f('int32', 2),
            name: f('string', 8),
            double_data: f('double', 10, true),
          },
        },
        TensorShapeProto: {
          fields: { dim: f('Dimension', 1, true) },
          nested: { Dimension: { fields: { dim_value: f('int64', 1), dim_param: f('string', 2) } } },
        },
        TypeProto: {
          fields: { tensor_type: f('Tensor', 1) },
          nested: { Tensor: { fields: { elem_type: f('int32', 1), shape: f('TensorShapeProto', 2) } } },
        },
        OperatorSetIdProto: { fields: { domain: f('string', 1), version: f('int64', 2) } },
      },
    },
  },
};

/** Enum values from onnx.proto3 (TensorProto.DataType, AttributeProto.AttributeType). */
export const DOUBLE = 11;
export const ATTRIBUTE_INT = 2;

/** ONNX 1.9's pair (docs/Versioning.md): IR version 7 with opset 14, which has every op used here for double. */
export const IR_VERSION = 7;
export const OPSET = 14;

let modelType: protobuf.Type | undefined;

/** The ModelProto message type, built once on first use. */
export function onnxModelType(): protobuf.Type {
  modelType ??= protobuf.Root.fromJSON(descriptor).lookupType('onnx.ModelProto');
  return modelType;
}
