// loadOptional: import picture libraries on first use, or name every missing one and the one command that adds them.

/** The optional packages pictures use (the package's optional peer dependencies). */
export const PICTURE_PACKAGES: readonly string[] = [
  'vega',
  'vega-lite',
  '@viz-js/viz',
  '@resvg/resvg-js',
  'dejavu-fonts-ttf',
];

const list = (names: readonly string[]): string =>
  names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;

/**
 * Picture libraries are not installed. The message names the ones `what` needs and one `npm install`
 * command for every picture package found missing, so a second attempt does not fail on the next one.
 */
export class MissingPackageError extends Error {
  /** The first package `what` needs (kept for callers that read one name). */
  readonly packageName: string;
  /** Every package `what` needs that is missing. */
  readonly packageNames: readonly string[];
  /** Every picture package found missing (what the install command adds): `packageNames` first. */
  readonly installNames: readonly string[];

  constructor(packageNames: string | readonly string[], what: string, alsoMissing: readonly string[] = []) {
    const needs = typeof packageNames === 'string' ? [packageNames] : [...packageNames];
    const all = [...needs, ...alsoMissing.filter((n) => !needs.includes(n))];
    const which = needs.length === 1 ? 'which is' : 'which are';
    const others =
      all.length > needs.length ? `; other picture packages missing: ${list(all.slice(needs.length))}` : '';
    super(
      `${what} needs the package${needs.length === 1 ? '' : 's'} ${list(needs)}, ${which} not installed${others}. ` +
        `Install ${all.length === 1 ? 'it' : 'them all'} with: npm install ${all.join(' ')}`,
    );
    this.name = 'MissingPackageError';
    this.packageName = needs[0]!;
    this.packageNames = needs;
    this.installNames = all;
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
 * Which of `names` cannot be resolved from here, without loading any of them (`import.meta.resolve`,
 * Node 20.6+, Deno, Bun). Where the runtime cannot tell (a bundle), none are reported.
 */
export function missingPackages(names: readonly string[]): string[] {
  const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  if (typeof resolve !== 'function') return [];
  return names.filter((name) => {
    try {
      // A package without an entry point (the fonts) still has its package.json.
      resolve(name === 'dejavu-fonts-ttf' ? `${name}/package.json` : name);
      return false;
    } catch {
      return true;
    }
  });
}

/** The error for `needs` missing, naming every other picture package that is missing too. */
export function missingPackageError(needs: readonly string[], what: string): MissingPackageError {
  return new MissingPackageError(needs, what, missingPackages(PICTURE_PACKAGES));
}

/**
 * Run each `load` (an `import()` of its package, written out so bundlers still see it) and return what
 * they give, in order. If any package is missing, one MissingPackageError names all of them (and every
 * other picture package missing); any other failure passes through.
 */
export async function loadOptionals<T extends unknown[]>(
  what: string,
  loads: { [K in keyof T]: readonly [packageName: string, load: () => Promise<T[K]>] },
): Promise<T> {
  const settled = await Promise.allSettled(loads.map(([, load]) => load()));
  const missing: string[] = [];
  settled.forEach((s, i) => {
    const name = loads[i]![0];
    if (s.status === 'rejected' && isMissing(s.reason, name)) missing.push(name);
  });
  if (missing.length > 0) throw missingPackageError(missing, what);
  return settled.map((s) => {
    if (s.status === 'rejected') throw s.reason;
    return s.value;
  }) as T;
}

/** One optional package: loadOptionals with a single load. */
export async function loadOptional<T>(packageName: string, what: string, load: () => Promise<T>): Promise<T> {
  const [value] = await loadOptionals<[T]>(what, [[packageName, load]]);
  return value;
}
