// Sparse arrays ([1, , 3]) and bad entries at every entry point taking points or rows; errors name the function called.
import { describe, expect, it } from 'vitest';
import { gradcheck, gradgradcheck, gradients, hessian, jvp, valueAndGrad } from '../../src/autodiff/index.js';
import { Value } from '../../src/engine/value.js';
import { compile } from '../../src/tape/index.js';
import { MLP, Trainer } from '../../src/nn/index.js';

const sum = (xs: Value[]): Value => xs.reduce((a, b) => a.add(b), new Value(0));
// eslint-disable-next-line no-sparse-arrays
const sparse = (): number[] => [1, , 3] as number[];
const HOLE = /\[1\] .*empty slot/;

describe('a sparse point is refused, naming the empty index', () => {
  it('valueAndGrad', () => {
    expect(() => valueAndGrad(sum)(sparse())).toThrow(TypeError);
    expect(() => valueAndGrad(sum)(sparse())).toThrow(
      /^valueAndGrad\(f\)\(point\): expected point\[1\] .*empty slot/,
    );
  });

  it('hessian', () => {
    expect(() => hessian(sum, sparse())).toThrow(/^hessian\(f, point\): expected point\[1\] .*empty slot/);
  });

  it('gradcheck and gradgradcheck', () => {
    expect(() => gradcheck(sum, sparse())).toThrow(/^gradcheck\(f, point, opts\): .*point\[1\] .*empty slot/);
    expect(() => gradgradcheck(sum, sparse())).toThrow(/^gradgradcheck\(f, point, opts\): .*empty slot/);
  });

  it('jvp, in the point and in the tangent', () => {
    expect(() => jvp(sum, sparse(), [1, 1, 1])).toThrow(HOLE);
    expect(() => jvp(sum, [1, 2, 3], sparse())).toThrow(/tangent\[1\] .*empty slot/);
  });

  it('gradients, in its inputs', () => {
    const x = new Value(1);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => gradients(x.mul(2), [x, , x.add(0)] as Value[])).toThrow(/inputs\[1\] .*empty slot/);
  });

  it('Tape.batch, a missing row and a hole inside a row', () => {
    const x = new Value(0);
    const tape = compile(x.mul(2), { inputs: [x] });
    // eslint-disable-next-line no-sparse-arrays
    expect(() => tape.batch([[1], , [2]] as number[][])).toThrow(/rows\[1\]: .*empty slot/);
    const y = new Value(0);
    const two = compile(x.mul(y), { inputs: [x, y] });
    // eslint-disable-next-line no-sparse-arrays
    expect(() => two.batch([[1, 2], [, 2] as number[]])).toThrow(/rows\[1\]: expected input 0 .*empty slot/);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => two.forward([, 2] as number[])).toThrow(/input 0 .*empty slot/);
  });

  it('MLP.forward', () => {
    expect(() => new MLP(3, [1]).forward(sparse())).toThrow(HOLE);
  });
});

describe('errors name the function the caller called', () => {
  it('gradcheck(() => 1, [1]) names gradcheck, not valueAndGrad', () => {
    const f = (() => 1) as unknown as (xs: Value[]) => Value;
    expect(() => gradcheck(f, [1])).toThrow(
      /^gradcheck\(f, point, opts\): expected f to return a Value, got number 1/,
    );
    expect(() => gradgradcheck(f, [1])).toThrow(
      /^gradgradcheck\(f, point, opts\): expected f to return a Value/,
    );
  });
});

describe('Trainer data: the bad entry is named, not the row’s length', () => {
  it('a NaN feature names the point, the input and NaN', () => {
    const data = {
      X: [
        [0, 1],
        [2, NaN],
      ],
      y: [0, 1],
    };
    expect(() => new Trainer(new MLP(2, [2]), data)).toThrow(RangeError);
    expect(() => new Trainer(new MLP(2, [2]), data)).toThrow(
      /expected data\.X\[1\]\[1\] \(input 1 of point 1\) to be a finite number, got number NaN/,
    );
  });

  it('a row of the wrong width says how many numbers it has', () => {
    expect(() => new Trainer(new MLP(2, [2]), { X: [[0, 1, 2]], y: [0] })).toThrow(
      /expected data\.X\[0\] to be 2 finite numbers \(the model's inputs\), got 3 numbers/,
    );
  });

  it('a sparse X or y names the empty slot', () => {
    // eslint-disable-next-line no-sparse-arrays
    const X = [[0, 1], , [1, 1]] as number[][];
    expect(() => new Trainer(new MLP(2, [2]), { X, y: [0, 1, 0] })).toThrow(/data\.X\[1\] .*empty slot/);
    // eslint-disable-next-line no-sparse-arrays
    const y = [0, , 1] as number[];
    expect(
      () =>
        new Trainer(new MLP(2, [2]), {
          X: [
            [0, 1],
            [1, 0],
            [1, 1],
          ],
          y,
        }),
    ).toThrow(/data\.y\[1\] .*empty slot/);
  });
});
