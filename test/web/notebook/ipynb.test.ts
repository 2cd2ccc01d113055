// ipynb: the bundled notebooks read and written back as nbformat 4 that Jupyter's own validator accepts, with
// nothing lost; bad files refused with the reason.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, parseNotebook, serializeNotebook } from '../../../web/src/notebook/ipynb.js';
import { hasNbformat, nbformatProblems } from '../../notebooks/validateNotebook.js';

const NOTEBOOKS = ['backprop', 'moons'].map((n) => new URL(`../../../notebooks/${n}.ipynb`, import.meta.url));
// `npm test` needs no Jupyter: without nbformat (and outside CI) the files are still compared, not validated.
const validate = hasNbformat() || process.env['CI'] !== undefined;
const tmp = mkdtempSync(join(tmpdir(), 'micrograd-ipynb-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ipynb', () => {
  it('writes the bundled notebooks back cell for cell, output for output, as valid nbformat 4', () => {
    for (const url of NOTEBOOKS) {
      const text = readFileSync(url, 'utf8');
      const state = parseNotebook(text, 'nb.ipynb');
      const written = serializeNotebook(state);
      const before = JSON.parse(text) as { cells: Record<string, unknown>[]; metadata: unknown };
      const after = JSON.parse(written) as typeof before;
      expect(after.metadata).toEqual(before.metadata);
      // Jupyter writes the same lists of lines: the round trip changes nothing a cell holds.
      expect(after.cells).toEqual(before.cells);
      const file = join(tmp, 'nb.ipynb');
      writeFileSync(file, written);
      if (validate) expect(nbformatProblems(file)).toBe('');
    }
  });

  it('splits text into lines as Jupyter does', () => {
    expect(lines('a\nb\n')).toEqual(['a\n', 'b\n']);
    expect(lines('a\n\nb')).toEqual(['a\n', '\n', 'b']);
    expect(lines('')).toEqual([]);
  });

  it('refuses what is not an nbformat 4 notebook, naming the file and the reason', () => {
    expect(() => parseNotebook('{"cells": [', 'x.ipynb')).toThrow(/^x\.ipynb is not a notebook: not JSON/);
    expect(() => parseNotebook('{"nbformat": 4}', 'x.ipynb')).toThrow(
      'x.ipynb is not a notebook: it has no cells list',
    );
    expect(() => parseNotebook('{"nbformat": 3, "cells": []}', 'x.ipynb')).toThrow(RangeError);
    expect(() => parseNotebook('{"nbformat": 4, "cells": [{"cell_type": "heading"}]}', 'x.ipynb')).toThrow(
      'x.ipynb, cell 1: expected cell_type code, markdown or raw, got "heading"',
    );
  });
});
