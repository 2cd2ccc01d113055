// ExprSyntaxError: a malformed expression, with the 1-based column where reading stopped.

export class ExprSyntaxError extends SyntaxError {
  /** 1-based column in the expression text. */
  readonly column: number;

  /** `message at column N` then `detail`, so the column sits right after what went wrong. */
  constructor(message: string, column: number, detail = '') {
    super(`${message} at column ${column}${detail}`);
    this.name = 'ExprSyntaxError';
    this.column = column;
  }
}
