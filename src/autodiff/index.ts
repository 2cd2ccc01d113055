// Functional transforms over the engine: gradients as Values, grad/valueAndGrad/hessian/jvp, gradcheck.
export { gradients, type GradientsOptions } from './gradients.js';
export { grad, valueAndGrad } from './grad.js';
export { hessian } from './hessian.js';
export { jvp } from './jvp.js';
export { gradcheck, gradgradcheck, GradcheckError, type GradcheckOptions } from './gradcheck.js';
export { VALUE_RULES, type ValueLocalGrad, type ValueRule } from './valueRules.js';
