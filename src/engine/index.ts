// The engine's public surface: Value, the op table, and the Python-style float formatter.
export { Value, topoSort, isGradEnabled, type Operand, type ValueOptions, type ValueJson } from './value.js';
export { noGrad } from './noGrad.js';
export { defineOp, type UnaryOpSpec, type BinaryOpSpec, type UnaryOp, type BinaryOp } from './defineOp.js';
export { JUPYTER_DISPLAY, type MimeBundle } from './display.js';
export { show } from './show.js';
export {
  OPS,
  OP_NAMES,
  OPS_BY_CODE,
  powC,
  powScalar,
  type OpName,
  type OpDef,
  type UnaryOpDef,
  type BinaryOpDef,
  type OpCommon,
  type BinaryOpName,
  type UnaryOpName,
  type LocalGrad,
} from './ops.js';
export { pyRepr } from './pyRepr.js';
export {
  OP_FORMULAS,
  writeFormula,
  type OpFormula,
  type UnaryOpFormula,
  type BinaryOpFormula,
  type FormulaText,
  type FormulaBindings,
} from './opFormulas.js';
