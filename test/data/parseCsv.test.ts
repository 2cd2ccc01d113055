// parseCsv: points and labels from text, with errors that name the line.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/index.js';

describe('parseCsv', () => {
  it('reads features then a label, skipping a header, blank lines and comments', () => {
    const text = 'x0,x1,label\n0.5,-0.2,1\n\n# a comment\n1e-3, 2 ,0\r\n';
    expect(parseCsv(text)).toEqual({
      X: [
        [0.5, -0.2],
        [0.001, 2],
      ],
      y: [1, 0],
    });
    expect(parseCsv('1;2;3', { delimiter: ';', labelColumn: 'first' })).toEqual({ X: [[2, 3]], y: [1] });
  });

  it('names the line and column of a bad cell or a short row', () => {
    expect(() => parseCsv('1,2,0\n3,abc,1')).toThrow(/line 2, column 2: expected a finite number, got "abc"/);
    expect(() => parseCsv('a,b,c\n1,2,0\n3,4')).toThrow(/line 3: expected 3 columns, got 2/);
    expect(() => parseCsv('1,2,0\n1,,0')).toThrow(/line 2, column 2/);
    expect(() => parseCsv('1,NaN,0')).toThrow(/line 1, column 2/);
    expect(() => parseCsv('1\n2')).toThrow(/at least 2 columns/);
    expect(() => parseCsv('x,y\n')).toThrow(/no data rows/);
    expect(() => parseCsv(42 as never)).toThrow(TypeError);
  });
});

describe('parseCsv: files as spreadsheets write them', () => {
  it('a header ending in the delimiter adds no column; CR alone ends a line', () => {
    const want = {
      X: [
        [1, 2],
        [3, 4],
      ],
      y: [0, 1],
    };
    expect(parseCsv('x,y,label,\n1,2,0\n3,4,1\n')).toEqual(want);
    expect(parseCsv('x,y,label\r1,2,0\r3,4,1\r')).toEqual(want);
    expect(parseCsv('1,2,0\r\r3,4,1')).toEqual(want);
  });

  it('NULs (UTF-16 read as UTF-8) and a word as a label are named', () => {
    expect(() => parseCsv('\u00001\u0000,\u00002\u0000')).toThrow(/NUL characters.*save the file as UTF-8/);
    expect(() => parseCsv('x,y,label\n1,2,cat')).toThrow(/line 2, column 3 \(the label\): expected a number/);
    expect(() => parseCsv('1,dog,0')).toThrow(/line 1, column 2: expected a finite number, got "dog"/);
  });

  it("labelColumn 'none' reads points only", () => {
    expect(parseCsv('a,b\n1,2\n3,4', { labelColumn: 'none' })).toEqual({
      X: [
        [1, 2],
        [3, 4],
      ],
      y: [],
    });
    expect(parseCsv('5', { labelColumn: 'none' })).toEqual({ X: [[5]], y: [] });
  });
});
