// The train page's model in Chromium: the worker trains with the chosen features, split and regularization
// (its test loss is the library's on the downloaded weights), and the JSON, PyTorch, ONNX and TypeScript
// downloads reproduce the page's predictions.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accuracy, lossGraph, MLP } from '../../src/nn/index.js';
import { configFromParams } from '../../web/src/train/config.js';
import { TrainingRun } from '../../web/src/train/TrainingRun.js';
import { runOnnx } from '../export/runOnnx.js';
import { NEEDS_ORT, ort } from '../onnx/onnxRuntime.js';
import { torchPython } from '../export/torchPython.js';
import { usePlayground } from './playground.js';
import { downloadTo, stepBy, trainPage } from './trainPage.js';

const open = trainPage(usePlayground());

/** Train a page 8 steps and download its four files; the test points and the library's predictions for them. */
async function downloadAll(): Promise<{
  files: Record<string, string>;
  X: number[][];
  y: number[];
  expected: number[][];
  testAcc: string | null;
  problems: string[];
}> {
  const query = '?features=x1,x2,x1x2&hidden=6,3&activation=tanh&size=60&loss=cross-entropy';
  const { page, problems } = await open(query);
  await stepBy(page, 8);
  const dir = mkdtempSync(join(tmpdir(), 'train-export-'));
  const files: Record<string, string> = {};
  for (const f of ['json', 'pytorch', 'onnx', 'ts']) files[f] = await downloadTo(page, `#dl-${f}`, dir);
  const testAcc = await page.textContent('#stat-test-acc');
  await page.close();
  const model = MLP.fromJSON(readFileSync(files['json']!, 'utf8'));
  const run = new TrainingRun(configFromParams(new URLSearchParams(query)).config);
  const { X, y } = run.subset(run.testIdx);
  return { files, X, y, expected: X.map((x) => model.predict(x)), testAcc, problems };
}

describe('train page model', () => {
  it("sends features, split and L2 to the worker: its test loss is the library's on the downloaded weights", async () => {
    const query = '?features=x1,x2,x1sq,sinx2&train=70&reg=l2&regRate=0.3&hidden=5,4&size=80&lr=0.05';
    const { page, problems } = await open(query);
    await stepBy(page, 6);
    const shown = Number(await page.getAttribute('#stat-test-loss', 'data-value'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
    const json = readFileSync((await download.path())!, 'utf8');
    const model = MLP.fromJSON(json);
    expect(model.nin).toBe(4); // the four features
    // The test set: the page's split of the same setup (70% of 80 points train, so 24 test).
    const { config } = configFromParams(new URLSearchParams(query));
    const run = new TrainingRun(config);
    expect(run.testIdx.length).toBe(24);
    const { X, y } = run.subset(run.testIdx);
    const reference = lossGraph(model, X, y, config.loss, 0).dataLoss.data;
    expect(shown).toBe(reference);
    // And the weights are those of six steps with L2, not without it. Chromium's V8 and Node's may round
    // Math.pow (Adam's bias correction) differently in the last bit: 1e-12 relative covers that.
    for (let s = 0; s < 6; s++) run.step();
    const got = model.parameters().map((p) => p.data);
    const withL2 = run.model.parameters().map((p) => p.data);
    got.forEach((w, i) =>
      expect(Math.abs(w - withL2[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(w))),
    );
    const plain = new TrainingRun({ ...config, regularization: 'none' });
    for (let s = 0; s < 6; s++) plain.step();
    const without = plain.model.parameters().map((p) => p.data);
    expect(Math.max(...got.map((w, i) => Math.abs(w - without[i]!)))).toBeGreaterThan(1e-4);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("downloads JSON, PyTorch and TypeScript files that reproduce the page's predictions", async () => {
    const { files, X, y, expected, testAcc, problems } = await downloadAll();
    expect(files['pytorch']).toMatch(/\.py$/);
    // The page's own number for these predictions: its test accuracy, from the same weights.
    expect(`${(accuracy(expected, y) * 100).toFixed(1)}%`).toBe(testAcc);
    const tsModule = (await import(pathToFileURL(files['ts']!).href)) as { predict(x: number[]): number[] };
    expect(X.map((x) => tsModule.predict(x))).toEqual(expected); // same sums in the same order: exact
    const python = torchPython();
    if (python !== undefined) {
      // float64 nn.Linear layers: agreement to 1e-12 (PyTorch may sum in another order).
      const script = [
        'import importlib.util, json, sys, torch',
        'spec = importlib.util.spec_from_file_location("exported", sys.argv[1])',
        'mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)',
        'with torch.no_grad(): out = mod.model(torch.tensor(json.loads(sys.argv[2]), dtype=torch.float64))',
        'print(json.dumps(out.tolist()))',
      ].join('\n');
      const r = spawnSync(python, ['-c', script, files['pytorch']!, JSON.stringify(X)], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const rows = JSON.parse(r.stdout) as number[][];
      rows.flat().forEach((v, i) => expect(Math.abs(v - expected.flat()[i]!)).toBeLessThanOrEqual(1e-12));
    } else expect(process.env['CI'], 'CI installs python3-torch').not.toBe('true');
    expect(problems).toEqual([]);
  });

  it.skipIf(ort === undefined)(
    `downloads an ONNX file that onnxruntime runs to the page's predictions${NEEDS_ORT}`,
    async () => {
      const { files, X, expected, problems } = await downloadAll();
      const fromOnnx = await runOnnx(readFileSync(files['onnx']!), X);
      expect(fromOnnx.type).toBe('float64');
      fromOnnx.rows
        .flat()
        .forEach((v, i) => expect(Math.abs(v - expected.flat()[i]!)).toBeLessThanOrEqual(1e-12));
      expect(problems).toEqual([]);
    },
  );
});
