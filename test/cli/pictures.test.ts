// The graph, plot and walkthrough --out commands, run as real processes against the built CLI.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWalkthrough } from '../../src/cli/commands/walkthrough.js';
import { parseSvg, pngSize, PNG_SIGNATURE } from '../viz/svgXml.js';

const MAIN = join(import.meta.dirname, '../../dist/cli/main.js');
const NEURON = ['tanh(x1*w1 + x2*w2 + b)', '--set', 'x1=2,x2=0,w1=-3,w2=1,b=6.8813735870195432'];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function micrograd(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('node', [MAIN, ...args], { timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A failed run: non-zero exit, one line on stderr, no stack trace. */
function expectOneLineError(run: Run, message: RegExp): void {
  expect(run.code).not.toBe(0);
  const lines = run.stderr.trim().split('\n');
  expect(lines[0]).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

let dir: string;
beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first (npm test does)`);
  dir = mkdtempSync(join(tmpdir(), 'micrograd-pictures-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('micrograd graph', () => {
  it('writes the neuron as SVG, after backward, with labels from the expression', async () => {
    const out = join(dir, 'neuron.svg');
    const run = await micrograd('graph', ...NEURON, '-o', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`wrote ${out} (10 values, 15 nodes)`);
    const texts = Array.from(parseSvg(readFileSync(out, 'utf8')).getElementsByTagName('text')).map(
      (t) => t.textContent,
    );
    // The walkthrough's numbers after o.backward(): o = 0.7071, x1.grad = -1.5, w1.grad = 1.0.
    for (const want of ['x1*w1', 'tanh(x1*w1 + x2*w2 + b)', 'data 0.7071', 'grad -1.5000', 'grad 1.0000']) {
      expect(texts).toContain(want);
    }
  });

  it('writes PNG by extension and prints DOT without -o (top to bottom, no backward on request)', async () => {
    const png = join(dir, 'neuron.png');
    const [toPng, dot] = await Promise.all([
      micrograd('graph', ...NEURON, '--rankdir', 'TB', '-o', png),
      micrograd('graph', ...NEURON, '--rankdir', 'TB', '--no-backward'),
    ]);
    expect(toPng.code).toBe(0);
    const bytes = new Uint8Array(readFileSync(png));
    expect(Array.from(bytes.slice(0, 8))).toEqual(PNG_SIGNATURE);
    const { width, height } = pngSize(bytes);
    expect(height).toBeGreaterThan(width); // top to bottom: a tall picture
    expect(dot.code).toBe(0);
    expect(dot.stdout).toContain('rankdir=TB');
    expect(dot.stdout).toContain('{ x1 | data 2.0000 | grad 0.0000 }');
  });

  it('fails with one clear line on bad input', async () => {
    const runs = await Promise.all([
      micrograd('graph', 'tanh(x1*w1 + x2*w2 + b', '--set', 'x1=2'),
      micrograd('graph', 'x + y', '--set', 'x=1'),
      micrograd('graph', 'x', '--set', 'x=1,q=2'),
      micrograd('graph', 'x', '--set', 'x=abc'),
      micrograd('graph', 'x', '--set', 'x=1', '--rankdir', 'RL'),
      micrograd('graph', 'x', '--set', 'x=1', '-o', join(dir, 'missing', 'a.svg')),
      micrograd('graph', 'x', '--set', 'x=1', '-o', join(dir, 'a.gif')),
      micrograd('graph', 'x*w + b', '--set', 'x=1,w=2,b=3', '--max-nodes', '5', '-o', join(dir, 'big.svg')),
    ]);
    expectOneLineError(
      runs[0]!,
      /^micrograd: expected '\)' to close 'tanh\(' at column 23, found end of input$/,
    );
    expectOneLineError(runs[1]!, /^micrograd: no value for variable 'y'/);
    expectOneLineError(
      runs[2]!,
      /^micrograd: --set q: not a variable of the expression \(its variables: x\)$/,
    );
    expectOneLineError(runs[3]!, /--set x: expected a number, got "abc"/);
    expectOneLineError(runs[4]!, /argument 'RL' is invalid. Allowed choices are LR, TB/);
    expectOneLineError(runs[5]!, /^micrograd: cannot write .*a\.svg: its folder does not exist$/);
    expectOneLineError(
      runs[6]!,
      /^micrograd: cannot tell the format of ".*a\.gif": expected .* \.svg, \.png, \.dot$/,
    );
    // x, w, x*w, b, x*w + b: 5 values and 2 op nodes.
    expectOneLineError(
      runs[7]!,
      /^micrograd: the graph has 7 nodes .* raise the limit to 7 .*--max-nodes\)$/,
    );
  });
});

describe('micrograd plot', () => {
  it('plots a named function to PNG and an expression to SVG on stdout', async () => {
    const png = join(dir, 'tanh.png');
    const [named, cubic] = await Promise.all([
      micrograd('plot', 'tanh', '--from', '-5', '--to', '5', '-o', png),
      micrograd('plot', 'x**3 - 2*x', '--from', '-2', '--to', '2', '--step', '0.5'),
    ]);
    expect(named.code).toBe(0);
    expect(Array.from(new Uint8Array(readFileSync(png)).slice(0, 8))).toEqual(PNG_SIGNATURE);
    expect(cubic.code).toBe(0);
    const doc = parseSvg(cubic.stdout);
    expect(Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent)).toContain('x**3 - 2*x');
    const line = Array.from(doc.getElementsByTagName('path')).find(
      (p) => p.getAttribute('aria-roledescription') === 'line mark',
    );
    expect(line?.getAttribute('d')?.match(/L/g)).toHaveLength(7); // arange(-2, 2, 0.5): 8 points
  });

  it('fails with one clear line on bad input', async () => {
    const runs = await Promise.all([
      micrograd('plot', 'x*y'),
      micrograd('plot', 'tanh', '--from', '5', '--to', '-5'),
      micrograd('plot', 'tanh', '--from', 'abc'),
      micrograd('plot', 'cosh'),
    ]);
    expectOneLineError(runs[0]!, /^micrograd: plot needs a function of one variable, but "x\*y" uses x, y$/);
    expectOneLineError(runs[1]!, /^micrograd: expected from < to, got from 5 and to -5$/);
    expectOneLineError(runs[2]!, /--from: expected a number, got "abc"/);
    expectOneLineError(
      runs[3]!,
      /^micrograd: unknown function 'cosh' \(known: tanh, exp, relu, log, sigmoid, sqrt, abs, sin, cos; or write/,
    );
  });
});

describe('micrograd walkthrough', () => {
  it('prints the text walkthrough unchanged and no pictures without --out', async () => {
    const run = await micrograd('walkthrough');
    const lines: string[] = [];
    runWalkthrough((line = '') => lines.push(line));
    expect(run.code).toBe(0);
    // Other sections may follow the text walkthrough; the pictures section only comes with --out.
    expect(run.stdout.startsWith(lines.map((l) => `${l}\n`).join(''))).toBe(true);
    expect(run.stdout).not.toContain('# Pictures');
  });

  it("writes the post's pictures with --out and says where each went", async () => {
    const out = join(dir, 'pictures');
    const run = await micrograd('walkthrough', '--out', out);
    expect(run.code).toBe(0);
    for (const name of ['tanh', 'neuron', 'neuron-exp', 'rough-a-plus-a', 'rough-product-of-sum']) {
      const png = join(out, `${name}.png`);
      expect(run.stdout).toContain(png);
      expect(Array.from(new Uint8Array(readFileSync(png)).slice(0, 8))).toEqual(PNG_SIGNATURE);
      parseSvg(readFileSync(join(out, `${name}.svg`), 'utf8'));
    }
  });

  it('refuses an --out folder it cannot create before printing anything', async () => {
    const run = await micrograd('walkthrough', '--out', join(dir, 'no', 'such'));
    expectOneLineError(
      run,
      /^micrograd: cannot create the pictures folder .*: its parent folder does not exist/,
    );
    expect(run.stdout).toBe('');
  });
});
