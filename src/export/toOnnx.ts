// toOnnx: a saved model as an ONNX file: one Gemm per layer, then Relu/Tanh/Sigmoid, all in float64.

import { checkExportOptions, type ExportOptions } from './exportOptions.js';
import { modelSummary, readModel } from './readModel.js';
import { ATTRIBUTE_INT, DOUBLE, IR_VERSION, OPSET, onnxModelType } from './onnxSchema.js';

const ONNX_ACTIVATION = { relu: 'Relu', tanh: 'Tanh', sigmoid: 'Sigmoid' } as const;

/** The graph's input and output names: `input` is [N, nin] and `output` is [N, nout], float64. */
export const ONNX_INPUT = 'input';
export const ONNX_OUTPUT = 'output';

function tensorInfo(name: string, width: number) {
  return {
    name,
    type: {
      tensor_type: { elem_type: DOUBLE, shape: { dim: [{ dim_param: 'N' }, { dim_value: width }] } },
    },
  };
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
  const nodes: object[] = [];
  const initializer: object[] = [];
  let h = ONNX_INPUT;
  m.layers.forEach((layer, l) => {
    const fc = `fc${l + 1}`;
    const last = l === m.layers.length - 1;
    const linearOut = last && layer.activation === 'linear' ? ONNX_OUTPUT : fc;
    initializer.push(
      {
        name: `${fc}.weight`,
        data_type: DOUBLE,
        dims: [m.sizes[l + 1]!, m.sizes[l]!],
        double_data: layer.weights.flat(),
      },
      { name: `${fc}.bias`, data_type: DOUBLE, dims: [m.sizes[l + 1]!], double_data: layer.biases },
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
      nodes.push({
        name: `${fc}.${layer.activation}`,
        op_type: ONNX_ACTIVATION[layer.activation],
        input: [h],
        output: [out],
      });
      h = out;
    }
  });
  const Model = onnxModelType();
  const model = Model.fromObject({
    ir_version: IR_VERSION,
    opset_import: [{ domain: '', version: OPSET }],
    producer_name: 'micrograd-ts',
    doc_string: `A micrograd-ts ${modelSummary(m)}.`,
    graph: {
      name: 'mlp',
      node: nodes,
      initializer,
      input: [tensorInfo(ONNX_INPUT, m.nin)],
      output: [tensorInfo(ONNX_OUTPUT, m.nout)],
    },
    // Text, not code: ONNX keeps it as data, so any label is safe here.
    metadata_props: o.source === undefined ? [] : [{ key: 'source', value: o.source }],
  });
  return Model.encode(model).finish();
}
