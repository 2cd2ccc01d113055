// Functional transforms over the engine: gradients as Values, grad/valueAndGrad/hessian/jvp/vjp/jacobian/hvp, gradcheck.
export { gradients, type GradientsOptions } from './gradients.js';
export { grad, valueAndGrad } from './grad.js';
export { hessian } from './hessian.js';
export { jvp } from './jvp.js';
export { vjp } from './vjp.js';
export { jacobian } from './jacobian.js';
export { hvp } from './hvp.js';
export { gradcheck, gradgradcheck, GradcheckError, type GradcheckOptions } from './gradcheck.js';
export {
  VALUE_RULES,
  NoValueDerivativeError,
  type ValueLocalGrad,
  type ValueRule,
  type UnaryValueRule,
  type BinaryValueRule,
} from './valueRules.js';
