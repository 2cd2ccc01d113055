// CliError: an error the `micrograd` command reports as one line and ends with its own exit code.

export class CliError extends Error {
  override readonly name = 'CliError';
  /** 1 for bad input, 2 when training diverged. */
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}
