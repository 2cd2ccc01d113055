// transformCell: notebook semantics for a cell's TypeScript, run here as the kernel worker runs it (an async
// function whose top-level names live on the global scope).
import { afterAll, describe, expect, it } from 'vitest';
import { CELL_IMPORT, transformCell } from '../../../web/src/notebook/transformCell.js';

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (
  ...args: string[]
) => (load: (name: string) => Promise<unknown>) => Promise<unknown>;

const MODULES: Record<string, unknown> = {
  'micrograd-ts': { Value: 'the Value class', pyRepr: 'pyRepr' },
  'micrograd-ts/viz': { drawDot: 'drawDot', default: 'viz default' },
};
const load = (name: string): Promise<unknown> => Promise.resolve(MODULES[name]);

/** Run one cell as the worker does; its names become globals (all named nb… here, and removed after). */
const run = (source: string): Promise<unknown> =>
  new AsyncFunction(CELL_IMPORT, transformCell(source).body)(load);
const g = globalThis as Record<string, unknown>;
afterAll(() => {
  for (const k of Object.keys(g)) if (k.startsWith('nb')) delete g[k];
});

describe('transformCell', () => {
  it('lets a later cell, and the same cell run again, declare a const again', async () => {
    expect(await run('const nbX1 = 2;\nnbX1 * 3')).toBe(6);
    expect(await run('const nbX1 = 5;\nlet nbY: number = nbX1 + 1;\nnbY')).toBe(6);
    expect(await run('const nbX1 = 2;\nnbX1 * 3')).toBe(6);
    expect(g['nbX1']).toBe(2);
  });

  it('awaits at the top level and gives back the last expression, or nothing after a statement', async () => {
    expect(await run('const nbV = await Promise.resolve(4);\nnbV * nbV')).toBe(16);
    expect(await run('const nbZ = 1;')).toBeUndefined();
    expect(await run('for (let nbK = 0; nbK < 3; nbK++) {}')).toBeUndefined();
    expect(g['nbK']).toBeUndefined(); // a loop's own let stays in the loop
  });

  it('binds imports from the modules it is given: named, renamed, namespace, default', async () => {
    await run(
      "import { Value as nbValue, pyRepr as nbRepr } from 'micrograd-ts';\n" +
        "import * as nbViz from 'micrograd-ts/viz';\nimport nbDefault from 'micrograd-ts/viz';",
    );
    expect([g['nbValue'], g['nbRepr'], g['nbDefault']]).toEqual(['the Value class', 'pyRepr', 'viz default']);
    expect(g['nbViz']).toBe(MODULES['micrograd-ts/viz']);
  });

  it('hoists functions, keeps classes, destructures, and strips the types', async () => {
    expect(await run('nbTwice(3)\nfunction nbTwice(n: number): number { return 2 * n }')).toBe(6);
    expect(await run('nbTwice(5)')).toBe(10);
    await run(
      'interface P { x: number }\ntype Q = P;\nclass NbPoint implements P { constructor(public x: number) {} }',
    );
    expect(await run('new NbPoint(3).x as number')).toBe(3);
    expect(await run('const { nbA, nbB: [nbC] } = { nbA: 1, nbB: [2] };\nnbA + nbC')).toBe(3);
    expect(await run('let nbU, nbW = 2;\nnbU === undefined && nbW === 2')).toBe(true);
  });

  it('keeps every line where it was, so an error names the cell’s own line', () => {
    const source =
      "import { Value } from 'micrograd-ts';\nconst nbQ: number = 1;\nthrow new Error('boom');\n";
    const body = transformCell(source).body.split('\n');
    expect(body).toHaveLength(source.split('\n').length);
    expect(body[2]).toContain("throw new Error('boom')");
  });

  it('refuses a cell that does not parse with a SyntaxError naming its line and column', () => {
    expect(() => transformCell('const nbOk = 1;\nconst = 2')).toThrow(/\(2:\d+\)/);
    expect(() => transformCell('const nbOk = 1;\nconst = 2')).toThrow(SyntaxError);
  });
});
