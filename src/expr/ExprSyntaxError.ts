// ExprSyntaxError: a malformed expression, with the 1-based column where reading stopped.

/**
 * A malformed expression, thrown by `parse` and `expr`: the message names what went wrong and the
 * 1-based column where reading stopped, also given as `column`.
 *
 * @example
 * ```ts
 * import { ExprSyntaxError, parse } from 'micrograd-ts';
 *
 * try {
 *   parse('x1 * (w1 +');
 * } catch (err) {
 *   if (err instanceof ExprSyntaxError) console.log(err.column);
 *   // → 11
 * }
 * ```
 */
export class ExprSyntaxError extends SyntaxError {
  /** 1-based column in the expression text. */
  readonly column: number;

  /**
   * The message reads `message at column N` then `detail`, so the column sits right after what went wrong.
   *
   * @param message - What went wrong, e.g. `unexpected end of input`.
   * @param column - The 1-based column where reading stopped.
   * @param detail - More text after the column (a hint, the expression), default none.
   */
  constructor(message: string, column: number, detail = '') {
    super(`${message} at column ${column}${detail}`);
    this.name = 'ExprSyntaxError';
    this.column = column;
  }
}
