// program: a few lines of the expression language, each `name = expression` naming a node of one graph.
//
//   n = x1*w1 + x2*w2 + b
//   e = exp(2*n)
//   o = (e - 1) / (e + 1)
//
// A name defined on one line is the same node wherever later lines use it (so `e` above is shared, as in
// the walkthrough); every other name is an input variable. The last line is the graph's output.

import { parse, type Expression } from '../../../src/expr/index.js';
import { Value } from '../../../src/engine/value.js';

export interface Definition {
  /** The node's name, or '' for a last line without `name =`. */
  readonly name: string;
  readonly expression: Expression;
  /** 1-based line in the text. */
  readonly line: number;
}

export interface BuiltGraph {
  readonly root: Value;
  /** Each variable's leaf and each named line's node. */
  readonly named: ReadonlyMap<string, Value>;
}

/** A plain map from names to numbers that has no prototype, so any variable name is just a key. */
export function numberRecord(entries: Iterable<readonly [string, number]> = []): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

const DEFINITION = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)(.*)$/s;

export class Program {
  readonly definitions: readonly Definition[];
  /** Input variables, in order of first use. */
  readonly variables: readonly string[];

  private constructor(definitions: Definition[], variables: string[]) {
    this.definitions = definitions;
    this.variables = variables;
  }

  /** Parse the text; throws a SyntaxError or TypeError whose message starts with the line number. */
  static parse(text: string): Program {
    const definitions: Definition[] = [];
    const defined = new Map<string, number>();
    const variables: string[] = [];
    const lines = text.split('\n');
    lines.forEach((raw, i) => {
      const line = i + 1;
      const src = raw.trim();
      if (src === '' || src.startsWith('#')) return;
      const last = definitions.at(-1);
      if (last !== undefined && last.name === '') {
        throw new SyntaxError(`line ${last.line}: only the last line may leave out 'name ='`);
      }
      const m = DEFINITION.exec(src);
      const name = m?.[1] ?? '';
      let expression: Expression;
      try {
        // The parser counts columns from the start of what it reads: blanking `name =` (and keeping the
        // line's indent) makes its column the column in the line as typed.
        const head = raw.indexOf(src) + (m === null ? 0 : src.length - m[2]!.length);
        expression = parse(' '.repeat(head) + raw.slice(head));
      } catch (err) {
        throw new SyntaxError(`line ${line}: ${(err as Error).message}`);
      }
      if (name !== '') {
        if (defined.has(name)) {
          throw new SyntaxError(`line ${line}: '${name}' is already defined on line ${defined.get(name)}`);
        }
        if (variables.includes(name)) {
          throw new SyntaxError(`line ${line}: '${name}' is used as an input before this line defines it`);
        }
        if (expression.variables.includes(name)) {
          throw new SyntaxError(`line ${line}: '${name}' cannot be defined in terms of itself`);
        }
      }
      for (const v of expression.variables) if (!defined.has(v) && !variables.includes(v)) variables.push(v);
      if (name !== '') defined.set(name, line);
      definitions.push({ name, expression, line });
    });
    if (definitions.length === 0) throw new SyntaxError('line 1: type an expression, e.g. tanh(x*w + b)');
    return new Program(definitions, variables);
  }

  /** Build the graph for these input values: each variable a leaf labelled with its name. */
  build(values: Readonly<Record<string, number>>): BuiltGraph {
    const named = new Map<string, Value>();
    for (const v of this.variables)
      named.set(v, new Value(Object.hasOwn(values, v) ? values[v]! : 0, { label: v }));
    let root: Value | undefined;
    for (const d of this.definitions) {
      // No prototype: a variable may be called `constructor` or `__proto__`.
      const bindings: Record<string, Value> = Object.create(null) as Record<string, Value>;
      for (const v of d.expression.variables) bindings[v] = named.get(v)!;
      const out = d.expression.build(bindings);
      if (d.name !== '' && [...named.values()].includes(out)) {
        throw new SyntaxError(
          `line ${d.line}: '${d.name} = ${d.expression.source.trim()}' only renames a node; use it directly`,
        );
      }
      if (d.name !== '') {
        out.label = d.name;
        named.set(d.name, out);
      }
      root = out;
    }
    return { root: root!, named };
  }
}
