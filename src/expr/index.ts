// The expression language: parse text into Value graphs, or write formulas as tagged templates.
export { parse, Expression, type Bindings, type BuildOptions } from './parse.js';
export { expr } from './expr.js';
export { ExprSyntaxError } from './ExprSyntaxError.js';
export { FUNCTION_NAMES } from './parseTokens.js';
export type { ExprNode, FunctionName, Span, BinaryOperator } from './ast.js';
