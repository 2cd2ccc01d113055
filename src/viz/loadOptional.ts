// loadOptional: import a picture library on first use, or say which package to install when it is missing.

/** A picture library is not installed; the message names the package and the command that adds it. */
export class MissingPackageError extends Error {
  readonly packageName: string;

  constructor(packageName: string, what: string) {
    super(`${what} needs the package ${packageName}, which is not installed: npm install ${packageName}`);
    this.name = 'MissingPackageError';
    this.packageName = packageName;
  }
}

// Node says ERR_MODULE_NOT_FOUND "Cannot find package 'x'"; Deno, Bun and bundlers word it differently,
// but all name the package.
function isMissing(err: unknown, packageName: string): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  const notFound =
    code === 'ERR_MODULE_NOT_FOUND' ||
    code === 'MODULE_NOT_FOUND' ||
    /cannot find|could not (find|resolve)|not found|failed to resolve/i.test(err.message);
  return notFound && err.message.includes(packageName);
}

/**
 * Run `load` (an `import()` of `packageName`, written out so bundlers still see it) and turn "module not
 * found" into a MissingPackageError; any other failure passes through.
 */
export async function loadOptional<T>(packageName: string, what: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (isMissing(err, packageName)) throw new MissingPackageError(packageName, what);
    throw err;
  }
}
