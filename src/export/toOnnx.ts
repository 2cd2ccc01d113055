// toOnnx: a saved model as an ONNX file: one Gemm per layer, then Relu/Tanh/Sigmoid, all in float64.

import { checkExportOptions, type ExportOptions } from './exportOptions.js';
import { modelSummary, readModel } from './readModel.js';
import {
  ATTRIBUTE_INT,
  DOUBLE,
  encodeModel,
  IR_VERSION,
  OPSET,
  type NodeProto,
  type TensorProto,
  type ValueInfoProto,
} from './onnxSchema.js';

const ONNX_ACTIVATION = { relu: 'Relu', tanh: 'Tanh', sigmoid: 'Sigmoid' } as const;

/** The name of the ONNX graph's input, [N, nin] float64: N points of the model's nin inputs each. */
export const ONNX_INPUT = 'input';
/** The name of the ONNX graph's output, [N, nout] float64: the model's outputs for each of the N points. */
export const ONNX_OUTPUT = 'output';

/**
 * `s` with each lone surrogate replaced by U+FFFD (String.prototype.toWellFormed, which Node 20 lacks):
 * a protobuf string must be valid UTF-8, and a lone surrogate has no UTF-8 form.
 */
function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function batchOf(name: string, width: number): ValueInfoProto {
  return { name, elem_type: DOUBLE, shape: [{ dim_param: 'N' }, { dim_value: width }] };
}

/**
 * The model as ONNX bytes (IR 7, opset 14). Layer l is `Gemm(h, fc{l}.weight, fc{l}.bias, transB=1)`, the
 * weight stored [nout, nin] as in the JSON, followed by its activation; tensors are float64 (DOUBLE), so
 * onnxruntime computes in the library's precision.
 */
export function toOnnx(json: unknown, opts?: ExportOptions): Uint8Array {
  const where = 'toOnnx';
  const m = readModel(json, where);
  const o = checkExportOptions(opts, m.nin, where);
  const nodes: NodeProto[] = [];
  const initializer: TensorProto[] = [];
  let h = ONNX_INPUT;
  m.layers.forEach((layer, l) => {
    const fc = `fc${l + 1}`;
    const last = l === m.layers.length - 1;
    const [nin, nout] = [m.sizes[l]!, m.sizes[l + 1]!];
    const linearOut = last && layer.activation === 'linear' ? ONNX_OUTPUT : fc;
    initializer.push(
      { name: `${fc}.weight`, data_type: DOUBLE, dims: [nout, nin], double_data: layer.weights.flat() },
      { name: `${fc}.bias`, data_type: DOUBLE, dims: [nout], double_data: layer.biases },
    );
    nodes.push({
      name: fc,
      op_type: 'Gemm',
      input: [h, `${fc}.weight`, `${fc}.bias`],
      output: [linearOut],
      attribute: [{ name: 'transB', type: ATTRIBUTE_INT, i: 1 }],
    });
    h = linearOut;
    if (layer.activation !== 'linear') {
      const out = last ? ONNX_OUTPUT : `${fc}.${layer.activation}`;
      const op = ONNX_ACTIVATION[layer.activation];
      nodes.push({
        name: `${fc}.${layer.activation}`,
        op_type: op,
        input: [h],
        output: [out],
        attribute: [],
      });
      h = out;
    }
  });
  return encodeModel({
    ir_version: IR_VERSION,
    opset_import: [{ domain: '', version: OPSET }],
    producer_name: 'micrograd-ts',
    doc_string: `A micrograd-ts ${modelSummary(m)}.`,
    graph: {
      name: 'mlp',
      node: nodes,
      initializer,
      input: [batchOf(ONNX_INPUT, m.nin)],
      output: [batchOf(ONNX_OUTPUT, m.nout)],
    },
    // Text, not code: ONNX keeps it as data, so any label is safe here.
    metadata_props: o.source === undefined ? [] : [{ key: 'source', value: wellFormed(o.source) }],
  });
}
