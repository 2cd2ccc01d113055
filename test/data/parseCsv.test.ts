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
