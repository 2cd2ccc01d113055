// The expression language's stated limits: deep or long input is an ExprSyntaxError with a column, and
// subexpression labels stay short however long the expression.
import { describe, expect, it } from 'vitest';
import { ExprSyntaxError, parse } from '../../src/expr/index.js';
import { MAX_NESTING, MAX_TREE_DEPTH } from '../../src/expr/parseTokens.js';

/** The error `f` throws (fails the test if it throws none). */
function thrown(f: () => unknown): ExprSyntaxError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(ExprSyntaxError);
    return err as ExprSyntaxError;
  }
  throw new Error('expected an ExprSyntaxError');
}

describe('parse: depth limits', () => {
  it('refuses a 10,000-term sum at the operator that passes the tree-depth limit', () => {
    const err = thrown(() => parse(Array(10000).fill('x').join('+')));
    // Term k starts at column 2k - 1; the '+' before term 1001 (the 1000th '+') is at column 2000.
    expect(err.column).toBe(2 * MAX_TREE_DEPTH);
    expect(err.message).toMatch(/^expression nested deeper than 1000 levels at column 2000 \(each operator/);
  });

  it('reads a chain right at the limit, and builds it', () => {
    // 1000 terms: 999 sums over a leaf, a tree 1000 deep.
    const e = parse(Array(MAX_TREE_DEPTH).fill('x').join('+'));
    expect(e.evaluate({ x: 1 })).toBe(MAX_TREE_DEPTH);
    thrown(() =>
      parse(
        Array(MAX_TREE_DEPTH + 1)
          .fill('x')
          .join('*'),
      ),
    );
  });

  it("guards the exponent's recursion: x**1**1…**1 with 6,000 powers", () => {
    const err = thrown(() => parse('x' + '**1'.repeat(6000)));
    // The k-th '**' is at column 3k - 1; the 500th is the first past the nesting limit.
    expect(err.column).toBe(3 * MAX_NESTING - 1);
    expect(err.message).toMatch(/nested deeper than 500 levels .*exponents each nest one level/);
    expect(parse('x' + '**1'.repeat(MAX_NESTING - 1)).evaluate({ x: 3 })).toBe(3);
  });

  it('counts nesting inside a chain: parentheses around long sums add up', () => {
    // 20 groups of 60 terms, each group one deeper: 20·60 levels of tree in 20 levels of parentheses.
    let text = 'x';
    for (let i = 0; i < 20; i++) text = `(${text}${'+x'.repeat(59)})`;
    thrown(() => parse(text));
    expect(() => parse(`tanh(${'tanh('.repeat(MAX_NESTING)}x${')'.repeat(MAX_NESTING + 1)}`)).toThrow(
      /nested deeper than 500 levels/,
    );
  });
});

describe('parse: subexpression labels', () => {
  it('stay at most 41 characters, showing both ends of a long subexpression', () => {
    const source = Array(1000).fill('x').join(' + ');
    const root = parse(source).build({ x: 1 }, { labelSubexpressions: true });
    // The first 24 and last 14 characters of the text, joined by an ellipsis.
    expect(root.label).toBe('x + x + x + x + x + x + … x + x + x + x');
    expect(root.label.length).toBeLessThanOrEqual(41);
    let total = 0;
    for (let v = root; v.children.length > 0; v = v.children[0]!) total += v.label.length;
    expect(total).toBeLessThan(41 * 1000); // linear; the full texts would sum to about 2.5 million
    const short = parse('x1*w1 + x2*w2').build({ x1: 1, w1: 1, x2: 1, w2: 1 }, { labelSubexpressions: true });
    expect(short.label).toBe('x1*w1 + x2*w2');
  });
});
