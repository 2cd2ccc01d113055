// The PyTorch export imported by a real Python with torch: float64 nn.Linear layers holding the weights,
// the library's predictions to 1e-12, the same numbers as onnxruntime on the ONNX export, a script that
// prints predictions, and labels that stay data.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toOnnx, toPytorch } from '../../src/export/index.js';
import { torchPython } from './torchPython.js';
import { HOSTILE_SOURCES } from './hostileSources.js';
import { MLP } from '../../src/index.js';
import { CASES, closeTo, mismatches } from './models.js';
import { runOnnx } from './runOnnx.js';
import { NEEDS_ORT, ort } from '../onnx/onnxRuntime.js';

const python = torchPython();
const inCI = process.env['CI'] === 'true';

// One Python process for every job (importing torch takes seconds): each job imports an exported file
// by path and reports what it holds and its outputs for the points, or runs it as __main__ (runpy, as
// `python3 file.py args` does) and reports what it printed. JSON floats are Python's repr: exact.
const DRIVER = `
import contextlib, importlib.util, io, json, runpy, sys
import torch

def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod

def imported(job, k):
    mod = load(job["file"], "exported%d" % k)
    model = mod.model
    layers = [m for m in model.modules() if isinstance(m, torch.nn.Linear)]
    with torch.no_grad():
        out = model(torch.tensor(job["points"], dtype=torch.float64))
    return {
        "isModule": isinstance(model, torch.nn.Module),
        "dtypes": sorted({str(p.dtype) for p in model.parameters()}),
        "outDtype": str(out.dtype),
        "shapes": [[list(l.weight.shape), list(l.bias.shape)] for l in layers],
        "weights": [l.weight.tolist() for l in layers],
        "biases": [l.bias.tolist() for l in layers],
        "out": out.tolist(),
        "source": mod.SOURCE,
    }

def script(job):
    out, err, status = io.StringIO(), io.StringIO(), 0
    sys.argv = [job["file"], *job["args"]]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            runpy.run_path(job["file"], run_name="__main__")
        except SystemExit as e:
            status = e.code or 0
    return {"status": status, "stdout": out.getvalue(), "stderr": err.getvalue()}

jobs = json.loads(sys.stdin.read())
print(json.dumps([script(j) if "args" in j else imported(j, k) for k, j in enumerate(jobs)]))
`;

const dir = mkdtempSync(join(tmpdir(), 'micrograd-export-py-'));
let n = 0;

function writePy(text: string): string {
  const file = join(dir, `model${n++}.py`);
  writeFileSync(file, text);
  return file;
}

interface Imported {
  isModule: boolean;
  dtypes: string[];
  outDtype: string;
  shapes: number[][][];
  weights: number[][][];
  biases: number[][];
  out: number[][];
  source: string | null;
}

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

type Job = { file: string; points: number[][] } | { file: string; args: string[] };

function runJobs(jobs: Job[]): unknown[] {
  const r = spawnSync(python!, ['-c', DRIVER], {
    input: JSON.stringify(jobs),
    encoding: 'utf8',
    timeout: 300_000,
    cwd: dir,
  });
  if (r.status !== 0) throw new Error(`the Python driver failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as unknown[];
}

// Every job of the tests below, run in one process before them.
const scriptCase = CASES[1]!;
const scriptFile = (): string =>
  writePy(toPytorch(scriptCase.json, { examples: scriptCase.points.slice(0, 2) }));
const SCRIPT_RUNS: [string[], number[][]][] = [
  [
    ['0.5,-1,2', '-3,0,1e-3'],
    [
      [0.5, -1, 2],
      [-3, 0, 1e-3],
    ],
  ],
  [[], scriptCase.points.slice(0, 2)],
];
const BAD_POINTS = ['1,2,3', '1,x', '1,nan'];
let imports: Imported[] = [];
let hostile: Imported[] = [];
let scripts: Ran[] = [];
let rejections: Ran[] = [];
let realRun: Ran | undefined;
/** A regression model: its script prints the value alone, with no class decided from it. */
const regression = new MLP(2, [4, 1], { seed: 8, activation: 'tanh', task: 'regression' });
let regressionRun: Ran | undefined;

beforeAll(() => {
  if (python === undefined) return;
  const caseJobs: Job[] = CASES.map((c) => ({ file: writePy(toPytorch(c.json)), points: c.points }));
  const hostileJobs: Job[] = HOSTILE_SOURCES.map((source) => ({
    file: writePy(toPytorch(CASES[3]!.json, { source })),
    points: [[1]],
  }));
  const file = scriptFile();
  const scriptJobs: Job[] = SCRIPT_RUNS.map(([args]) => ({ file, args }));
  const badFile = writePy(toPytorch(CASES[0]!.json));
  const badJobs: Job[] = BAD_POINTS.map((p) => ({ file: badFile, args: [p] }));
  const regressionJob: Job = { file: writePy(toPytorch(regression.toJSON())), args: ['0.5,-1'] };
  const out = runJobs([...caseJobs, ...hostileJobs, ...scriptJobs, ...badJobs, regressionJob]);
  let k = 0;
  const take = <T>(count: number): T[] => out.slice(k, (k += count)) as T[];
  imports = take<Imported>(caseJobs.length);
  hostile = take<Imported>(hostileJobs.length);
  scripts = take<Ran>(scriptJobs.length);
  rejections = take<Ran>(badJobs.length);
  regressionRun = take<Ran>(1)[0];
  // Once as a real process too: the file is a script that `python3 model.py 0.5,-1,2` runs.
  const r = spawnSync(python, [file, ...SCRIPT_RUNS[0]![0]], {
    encoding: 'utf8',
    timeout: 120_000,
    cwd: dir,
  });
  realRun = { status: r.status, stdout: r.stdout, stderr: r.stderr };
}, 600_000);

describe('PyTorch in CI', () => {
  // CI installs python3-torch: there a missing torch is a broken install, not a reason to skip.
  it.runIf(inCI)('is present (CI=true)', () => {
    expect(python, 'no Python with torch: the PyTorch export tests below would be skipped').toBeDefined();
  });
});

describe.skipIf(python === undefined)('toPytorch (skipped: no Python with torch on this machine)', () => {
  it.each(CASES.map((c, k) => [c.name, k] as const))(
    '%s: `model` is float64 nn.Linear layers with the weights, giving MLP.predict to 1e-12',
    (_, k) => {
      const c = CASES[k]!;
      const got = imports[k]!;
      expect(got.isModule).toBe(true);
      expect(got.dtypes).toEqual(['torch.float64']);
      expect(got.outDtype).toBe('torch.float64');
      expect(got.shapes).toEqual(
        c.json.layers.map((l) => [[l.weights.length, l.weights[0]!.length], [l.biases.length]]),
      );
      // The weights load bit for bit: repr() of a double parses back to the same double.
      expect(got.weights).toEqual(c.json.layers.map((l) => l.weights));
      expect(got.biases).toEqual(c.json.layers.map((l) => l.biases));
      expect(mismatches(c, got.out)).toEqual([]);
    },
  );

  it.skipIf(ort === undefined).each(CASES.map((c, k) => [c.name, k] as const))(
    `%s: PyTorch and onnxruntime agree to 1e-12 on the two exports${NEEDS_ORT}`,
    async (_, k) => {
      const c = CASES[k]!;
      const torchOut = imports[k]!.out;
      const { rows } = await runOnnx(toOnnx(c.json), c.points);
      expect(rows).toHaveLength(torchOut.length);
      const bad = rows.flatMap((row, p) =>
        row.filter((v, j) => !closeTo(v, torchOut[p]![j]!)).map((v) => `point ${p}: ${v}`),
      );
      expect(bad).toEqual([]);
    },
  );

  it('run as a script, prints predictions in `micrograd predict` format, for arguments or EXAMPLES', () => {
    const check = (r: Ran, points: readonly (readonly number[])[]): void => {
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const lines = r.stdout.trim().split('\n');
      expect(lines).toHaveLength(points.length);
      lines.forEach((line, p) => {
        const m = /^(\S+) -> (.+) \(class (\d+)\)$/.exec(line);
        expect(m, line).not.toBeNull();
        expect(m![1]!.split(',').map(Number)).toEqual(points[p]);
        const out = m![2]!.split(', ').map(Number);
        const want = scriptCase.model.predict([...points[p]!]);
        expect(
          out.every((v, j) => closeTo(v, want[j]!)),
          line,
        ).toBe(true);
        expect(Number(m![3])).toBe(want.indexOf(Math.max(...want)));
      });
    };
    SCRIPT_RUNS.forEach(([, points], k) => check(scripts[k]!, points));
    check(realRun!, SCRIPT_RUNS[0]![1]);
  });

  it('a regression model, run as a script, prints the predicted value with no class', () => {
    expect(regressionRun!.stderr).toBe('');
    const m = /^0\.5,-1 -> (\S+)\n$/.exec(regressionRun!.stdout);
    expect(m, regressionRun!.stdout).not.toBeNull();
    expect(closeTo(Number(m![1]), regression.predict([0.5, -1])[0]!)).toBe(true);
  });

  it('run as a script, rejects a point of the wrong size or not a number, exiting 2', () => {
    BAD_POINTS.forEach((bad, k) => {
      expect(rejections[k]).toEqual({
        status: 2,
        stdout: '',
        stderr: `point '${bad}': expected 2 comma-separated numbers\n`,
      });
    });
  });

  it('keeps every hostile label as data: SOURCE holds it exactly and no statement runs', () => {
    // JSON carries a lone surrogate as \\ud800 both ways, so even that compares exactly.
    expect(hostile.map((h) => h.source)).toEqual(HOSTILE_SOURCES);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
  });
});
