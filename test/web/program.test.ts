// Program: lines of the expression language naming nodes of one graph, built with the library's Values.
import { describe, expect, it } from 'vitest';
import { trace } from '../../src/viz/trace.js';
import { numberRecord, Program } from '../../web/src/graph/program.js';

describe('Program', () => {
  it('shares a named node wherever later lines use it, and labels it', () => {
    const p = Program.parse('n = x*w + b\ne = exp(2*n)\no = (e - 1) / (e + 1)');
    expect(p.variables).toEqual(['x', 'w', 'b']);
    const { root, named } = p.build({ x: 2, w: -3, b: 6.88137358 });
    const e = named.get('e')!;
    expect(e.label).toBe('e');
    expect(root.label).toBe('o');
    // e feeds both e - 1 and e + 1: one node with two parents.
    const parents = trace(root).edges.filter(([child]) => child === e);
    expect(parents).toHaveLength(2);
    // Math: (e^{2n} - 1)/(e^{2n} + 1) = tanh(n); tolerance: a few ulps of the rational form.
    expect(root.data).toBeCloseTo(Math.tanh(2 * -3 + 6.88137358), 14);
  });

  it('treats a last line without a name as the output, and skips blanks and comments', () => {
    const p = Program.parse('# a comment\n\nd = a * b\n  d + a  ');
    const { root } = p.build({ a: -2, b: 3 });
    expect(root.data).toBe(-8); // Math: (-2·3) + -2
    expect(root.label).toBe('');
  });

  it('names the line of each mistake', () => {
    expect(() => Program.parse('a = x +\nb = a')).toThrow(/^line 1: /);
    expect(() => Program.parse('a = x\na = y')).toThrow("line 2: 'a' is already defined on line 1");
    expect(() => Program.parse('b = a * 2\na = 3')).toThrow(
      "line 2: 'a' is used as an input before this line defines it",
    );
    expect(() => Program.parse('a = a + 1')).toThrow("line 1: 'a' cannot be defined in terms of itself");
    expect(() => Program.parse('x + 1\ny = 2')).toThrow("line 1: only the last line may leave out 'name ='");
    expect(() => Program.parse('  \n# nothing')).toThrow(/type an expression/);
    expect(() => Program.parse('c = a').build({ a: 1 })).toThrow(/only renames a node/);
  });

  it("gives each mistake's column in the line as typed, `name =` and indent included", () => {
    const column = (text: string): string => {
      try {
        Program.parse(text);
      } catch (err) {
        return /at column (\d+)/.exec((err as Error).message)?.[1] ?? (err as Error).message;
      }
      return 'no error';
    };
    expect(column('o = a + * b')).toBe('9'); // the `*`
    expect(column('x = 1\ny = x $ 2')).toBe('7'); // the `$`
    expect(column('  o=a + * b')).toBe('9');
    expect(column('a + * b')).toBe('5');
    expect(column('  a + * b')).toBe('7');
  });

  it('reads hostile text as text: markup is a syntax error, never evaluated', () => {
    expect(() => Program.parse('<img src=x onerror=alert(1)>')).toThrow(/^line 1: /);
  });

  it('lets a variable be called __proto__, constructor or toString', () => {
    const p = Program.parse('constructor = __proto__ * toString + 1');
    expect(p.variables).toEqual(['__proto__', 'toString']);
    const { root } = p.build(
      numberRecord([
        ['__proto__', 2],
        ['toString', 5],
      ]),
    );
    expect(root.data).toBe(11); // Math: 2·5 + 1
    expect(root.label).toBe('constructor');
  });
});
