// needsNode: the cells the page cannot run, and what they need, in the words the page shows.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { needsNode } from '../../../web/src/notebook/needsNode.js';

it('names what a cell needs beyond the page: Node modules, files, packages, Deno, and PyTorch with them', () => {
  expect(
    needsNode("import { Value } from 'micrograd-ts';\nimport { drawDot } from 'micrograd-ts/viz';"),
  ).toBe(undefined);
  expect(needsNode("import { print } from './print.ts';")).toBe('the file ./print.ts beside the notebook');
  expect(needsNode("import _ from 'lodash';")).toBe('the package lodash');
  expect(needsNode("const t = await Deno.readTextFile('x');")).toBe('Deno');
  expect(needsNode('// torch in a comment of a cell that runs here\n1 + 1')).toBe(undefined);
});

it('flags exactly one cell of the bundled walkthrough: the PyTorch comparison', () => {
  const nb = JSON.parse(
    readFileSync(new URL('../../../notebooks/backprop.ipynb', import.meta.url), 'utf8'),
  ) as {
    cells: { cell_type: string; source: string[] }[];
  };
  const flagged = nb.cells.flatMap((c) => {
    const why = c.cell_type === 'code' ? needsNode(c.source.join('')) : undefined;
    return why === undefined ? [] : [why];
  });
  expect(flagged).toEqual(['Node (node:child_process) and PyTorch']);
});
