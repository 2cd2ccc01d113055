// `micrograd graph "<expression>" --set x=1,… -o file`: draw an expression's computational graph (or its gradient's).

import { Command, InvalidArgumentError, Option } from 'commander';
import { gradients } from '../../autodiff/gradients.js';
import { topoSort } from '../../engine/value.js';
import { parse } from '../../expr/parse.js';
import { DEFAULT_MAX_LAYOUT_NODES, DEFAULT_MAX_NODES, drawDot, type Rankdir } from '../../viz/drawDot.js';
import { formatFromPath } from '../../viz/picture.js';
import { explainPass } from '../../walkthrough/explainPass.js';
import { writeFileAtomically } from '../AtomicFiles.js';
import { outPath } from '../outPath.js';
import { parseNumber, parsePositiveInt } from '../parseNumber.js';

interface GraphFlags {
  set: Record<string, number>;
  rankdir: Rankdir;
  out?: string;
  /** The old spelling of --out, still accepted. */
  output?: string;
  backward: boolean;
  maxNodes: number;
  maxLayoutNodes: number;
  explain?: boolean;
  gradOf?: string;
}

/** A name → number table with no prototype: `__proto__` and `constructor` are variables like any other. */
const table = (): Record<string, number> => Object.create(null) as Record<string, number>;

/** `x1=2,w1=-3` (repeatable) → { x1: 2, w1: -3 }. */
export function collectAssignments(text: string, previous: Record<string, number>): Record<string, number> {
  const out = Object.assign(table(), previous);
  for (const item of text.split(',')) {
    if (item.trim() === '') continue;
    const eq = item.indexOf('=');
    const name = item.slice(0, eq).trim();
    if (eq < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new InvalidArgumentError(
        `--set: expected name=value pairs such as x1=2,w1=-3, got ${JSON.stringify(item)}`,
      );
    }
    out[name] = parseNumber(item.slice(eq + 1), `--set ${name}`);
  }
  return out;
}

export function graphCommand(): Command {
  return new Command('graph')
    .description('draw the computational graph of an expression, after backward (DOT, SVG or PNG)')
    .argument('<expression>', 'e.g. "tanh(x1*w1 + x2*w2 + b)"')
    .addOption(
      new Option('--set <values>', 'variable values, e.g. x1=2,x2=0,w1=-3 (repeatable)')
        .argParser(collectAssignments)
        .default(table(), 'none'),
    )
    .addOption(new Option('--rankdir <dir>', 'layout direction').choices(['LR', 'TB']).default('LR'))
    .option('-o, --out <file>', 'write a .svg, .png or .dot file (by extension); without it, print DOT')
    .addOption(new Option('--output <file>').hideHelp())
    .option('--no-backward', 'draw the forward values only (every grad 0)')
    .option('--explain', 'print the forward and backward passes step by step, each derivative written out')
    .option(
      '--grad-of <name>',
      'draw the graph of ∂expression/∂name instead (recorded with createGraph; backward then gives second derivatives)',
    )
    .option(
      '--max-nodes <n>',
      'refuse to lay out graphs with more nodes than this',
      (t: string) => parsePositiveInt(t, '--max-nodes'),
      DEFAULT_MAX_NODES,
    )
    .option(
      '--max-layout-nodes <n>',
      'refuse layouts needing more nodes than this, counting the extra ones long edges add',
      (t: string) => parsePositiveInt(t, '--max-layout-nodes'),
      DEFAULT_MAX_LAYOUT_NODES,
    )
    .action(async (source: string, flags: GraphFlags) => {
      const out = outPath(flags);
      const format = out === undefined ? undefined : formatFromPath(out, ['svg', 'png', 'dot']);
      const expression = parse(source);
      const notVariables = (option: string, names: string[]): void => {
        const unknown = names.filter((name) => !expression.variables.includes(name));
        if (unknown.length === 0) return;
        const has = expression.variables.length > 0 ? expression.variables.join(', ') : 'none';
        throw new Error(
          `${option} ${unknown.join(', ')}: not a variable of the expression (its variables: ${has})`,
        );
      };
      notVariables('--set', Object.keys(flags.set));
      if (flags.gradOf !== undefined) notVariables('--grad-of', [flags.gradOf]);
      let root = expression.build(flags.set, { labelSubexpressions: true });
      if (flags.gradOf !== undefined) {
        const name = flags.gradOf;
        const leaf = topoSort(root).find((v) => v.opName === undefined && v.label === name)!;
        root = gradients(root, [leaf], { createGraph: true })[0]!;
        root.label = `d/d${name}`;
      }
      if (flags.explain === true) {
        process.stdout.write(`${explainPass(root).join('\n')}\n`);
        if (out === undefined) return;
      } else if (flags.backward) root.backward();
      const drawing = drawDot(root, {
        rankdir: flags.rankdir,
        maxNodes: flags.maxNodes,
        maxLayoutNodes: flags.maxLayoutNodes,
      });
      if (out === undefined || format === undefined) {
        process.stdout.write(drawing.source);
        return;
      }
      writeFileAtomically(out, format === 'png' ? await drawing.render('png') : await drawing.render(format));
      process.stdout.write(`wrote ${out} (${drawing.valueCount} values, ${drawing.nodeCount} nodes)\n`);
    });
}
