// Missing picture packages: one error names every one that is missing and one install command for them all.
import { describe, expect, it } from 'vitest';
import {
  loadOptional,
  loadOptionals,
  MissingPackageError,
  missingPackages,
  PICTURE_PACKAGES,
} from '../../src/viz/loadOptional.js';

/** What Node's import() rejects with for a package that is not installed. */
const notFound = (name: string) => (): Promise<never> =>
  Promise.reject(
    Object.assign(new Error(`Cannot find package '${name}' imported from /x.js`), {
      code: 'ERR_MODULE_NOT_FOUND',
    }),
  );

describe('loadOptionals', () => {
  it('names every missing package of the step at once, with one npm install for all', async () => {
    const err = await loadOptionals('Drawing a chart', [
      ['no-such-vega', notFound('no-such-vega')],
      ['no-such-vega-lite', notFound('no-such-vega-lite')],
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingPackageError);
    const e = err as MissingPackageError;
    expect(e.packageNames).toEqual(['no-such-vega', 'no-such-vega-lite']);
    expect(e.message).toBe(
      'Drawing a chart needs the packages no-such-vega and no-such-vega-lite, which are not installed. ' +
        'Install them all with: npm install no-such-vega no-such-vega-lite',
    );
  });

  it('returns every module in order when all load', async () => {
    expect(
      await loadOptionals('x', [
        ['a', async () => 1],
        ['b', async () => 'two'],
      ]),
    ).toEqual([1, 'two']);
    expect(await loadOptional('a', 'x', async () => 3)).toBe(3);
  });

  it('passes any other failure through unchanged', async () => {
    const boom = new Error('boom');
    await expect(loadOptional('a', 'x', () => Promise.reject(boom))).rejects.toBe(boom);
  });

  it('a real import of a missing package gives the error with the command', async () => {
    const name = 'micrograd-no-such-package';
    await expect(loadOptional(name, 'PNG output', () => import(/* @vite-ignore */ name))).rejects.toThrow(
      `npm install ${name}`,
    );
  });
});

describe('MissingPackageError', () => {
  it('lists the other missing picture packages after the ones the step needs, in one command', () => {
    const e = new MissingPackageError(['@viz-js/viz'], 'Drawing a graph', [
      'vega',
      '@viz-js/viz',
      'vega-lite',
    ]);
    expect(e.packageName).toBe('@viz-js/viz');
    expect(e.installNames).toEqual(['@viz-js/viz', 'vega', 'vega-lite']);
    expect(e.message).toBe(
      'Drawing a graph needs the package @viz-js/viz, which is not installed; other picture packages ' +
        'missing: vega and vega-lite. Install them all with: npm install @viz-js/viz vega vega-lite',
    );
  });
});

describe('missingPackages', () => {
  it('finds the installed picture packages (the dev install has them all) and not a missing one', () => {
    expect(missingPackages(PICTURE_PACKAGES)).toEqual([]);
    expect(missingPackages(['vega', 'micrograd-no-such-package'])).toEqual(['micrograd-no-such-package']);
  });
});

describe('PICTURE_PACKAGES', () => {
  it('is the package’s optional peer dependencies', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      peerDependencies: Record<string, string>;
    };
    expect([...PICTURE_PACKAGES].sort()).toEqual(Object.keys(pkg.peerDependencies).sort());
  });
});
