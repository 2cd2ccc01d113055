// The packed tarball as users get it: Node (import and require), Deno, Bun, Chromium through a bundler,
// TypeScript under three resolutions, and the CLI's pictures after the documented install.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from '../e2e/playground.js';
import { makeScratch, REPO, RUNTIME_BIN, type Scratch } from './scratch.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
let s: Scratch;
beforeAll(() => {
  s = makeScratch();
  for (const f of ['neuron.mjs', 'neuron.cjs', 'consumer.ts']) cpSync(join(FIXTURES, f), join(s.core, f));
  for (const dir of [s.pictures, s.vizOnly]) cpSync(join(FIXTURES, 'consumer.ts'), join(dir, 'consumer.ts'));
}, 240_000);
afterAll(() => s?.remove());

/** Run a command in a scratch project; its last stdout line is the fixture's JSON report. */
function run(cmd: string, args: string[], cwd: string): { ok: boolean; got: Record<string, number> } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr, `${cmd} stderr`).not.toMatch(/error/i);
  expect(r.status, `${cmd} exit status`).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { ok: boolean; got: Record<string, number> };
}

describe('the packed tarball', () => {
  it('holds LICENSE, the README, the CHANGELOG and the built entries', () => {
    const files = execFileSync('tar', ['tzf', s.tarball], { encoding: 'utf8' }).split('\n');
    for (const f of ['LICENSE', 'README.md', 'CHANGELOG.md', 'dist/index.js', 'dist/viz/index.d.ts']) {
      expect(files).toContain(`package/${f}`);
    }
  });

  it('installs for core use without any picture library', () => {
    const installed = readdirSync(join(s.core, 'node_modules'));
    for (const lib of ['vega', 'vega-lite', '@viz-js', '@resvg', 'dejavu-fonts-ttf'])
      expect(installed).not.toContain(lib);
  });

  it('runs the post’s neuron under Node, by import and by require', () => {
    expect(run(process.execPath, ['neuron.mjs'], s.core).ok).toBe(true);
    expect(run(process.execPath, ['neuron.cjs'], s.core).ok).toBe(true);
  });

  it('runs the post’s neuron under Deno (deno from npm)', () => {
    expect(
      run(join(RUNTIME_BIN, 'deno'), ['run', '--allow-read', '--allow-env', 'neuron.mjs'], s.core).ok,
    ).toBe(true);
  });

  it('runs the post’s neuron under Bun (bun from npm)', () => {
    expect(run(join(RUNTIME_BIN, 'bun'), ['neuron.mjs'], s.core).ok).toBe(true);
  });

  it('runs the post’s neuron in Chromium from a Vite bundle of the installed package', async () => {
    const page = join(s.core, 'browser');
    cpSync(join(FIXTURES, 'browser'), page, { recursive: true });
    await build({
      root: page,
      logLevel: 'silent',
      configFile: false,
      build: {
        outDir: join(page, 'dist'),
        lib: { entry: join(page, 'main.js'), formats: ['iife'], name: 'page', fileName: () => 'page.js' },
      },
    });
    writeFileSync(
      join(page, 'dist/index.html'),
      '<!doctype html><title>loading</title><script src="page.js"></script>',
    );
    const dom = await new Promise<string>((resolve, reject) =>
      execFile(
        CHROMIUM,
        [
          ...CHROMIUM_FLAGS,
          '--virtual-time-budget=10000',
          '--dump-dom',
          `file://${join(page, 'dist/index.html')}`,
        ],
        { timeout: 60_000 },
        (err, out) => (err === null ? resolve(out) : reject(err)),
      ),
    );
    const title = /<title>([^<]*)<\/title>/.exec(dom)?.[1] ?? '';
    const got = JSON.parse(title.replace(/&quot;/g, '"')) as Record<string, number>;
    // Python and PyTorch (float64) on the post's neuron, as `micrograd verify` prints them.
    expect(got).toEqual({
      o: 0.707106777676776,
      x1: -1.5000000148906993,
      w1: 1.000000009927133,
      x2: 0.5000000049635664,
      w2: 0,
    });
  });

  it('names the package to install when a picture is asked for without it', () => {
    const r = spawnSync(
      'npx',
      ['--no-install', 'micrograd', 'graph', 'tanh(x)', '--set', 'x=1', '-o', 'g.svg'],
      { cwd: s.core, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npm install @viz-js/viz');
  });

  it('micrograd train without the picture packages still writes the model and metrics, and says why no pictures', () => {
    const r = spawnSync('npx', ['--no-install', 'micrograd', 'train', '--steps', '3', '--out', 'runs/core'], {
      cwd: s.core,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/pictures skipped: .*npm install /);
    const written = readdirSync(join(s.core, 'runs/core')).sort();
    expect(written).toEqual(['metrics.json', 'model.json']);
  });

  /** Type-check consumer.ts in `cwd` with skipLibCheck false: the package's own .d.ts files are checked too. */
  const typecheck = (cwd: string, module: string, resolution: string): Promise<string> => {
    const tsc = join(REPO, 'node_modules/typescript/bin/tsc');
    const config = {
      compilerOptions: {
        module,
        moduleResolution: resolution,
        target: 'es2022',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ['consumer.ts'],
    };
    const file = `tsconfig.${resolution}.json`;
    writeFileSync(join(cwd, file), JSON.stringify(config));
    return new Promise<string>((resolve) =>
      execFile(process.execPath, [tsc, '-p', file], { cwd }, (err, out) =>
        resolve(`${resolution}: ${err === null ? 'ok' : out}`),
      ),
    );
  };

  it('compiles a TypeScript consumer under node16, nodenext and bundler resolution', async () => {
    const modes = [
      ['node16', 'node16'],
      ['nodenext', 'nodenext'],
      ['esnext', 'bundler'],
    ] as const;
    // In parallel: each takes ~20 s.
    const results = await Promise.all(modes.map(([m, r]) => typecheck(s.pictures, m, r)));
    expect(results).toEqual(['node16: ok', 'nodenext: ok', 'bundler: ok']);
  });

  it('compiles the same consumer (micrograd-ts/viz included) with no picture package, and with @viz-js/viz only', async () => {
    const results = await Promise.all([
      typecheck(s.core, 'nodenext', 'nodenext'),
      typecheck(s.vizOnly, 'nodenext', 'nodenext'),
    ]);
    expect(results).toEqual(['nodenext: ok', 'nodenext: ok']);
  });

  it('walkthrough --out without the picture packages refuses before starting, naming all in one command', () => {
    const r = spawnSync('npx', ['--no-install', 'micrograd', 'walkthrough', '--out', 'pics'], {
      cwd: s.core,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('npm install vega vega-lite @viz-js/viz @resvg/resvg-js dejavu-fonts-ttf');
    expect(existsSync(join(s.core, 'pics'))).toBe(false);
  });

  it('a chart without Vega names every missing picture package in one install command', () => {
    writeFileSync(
      join(s.vizOnly, 'chart.mjs'),
      "import { lineChart } from 'micrograd-ts/viz';\n" +
        "await lineChart([{ name: 'a', x: [0, 1], y: [0, 1] }]).svg().catch((e) => console.log(e.message));\n",
    );
    const r = spawnSync(process.execPath, ['chart.mjs'], { cwd: s.vizOnly, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(
      'Drawing a chart needs the packages vega and vega-lite, which are not installed; other picture ' +
        'packages missing: @resvg/resvg-js and dejavu-fonts-ttf. Install them all with: ' +
        'npm install vega vega-lite @resvg/resvg-js dejavu-fonts-ttf',
    );
  });

  it('npx micrograd walkthrough --out writes the post’s pictures after the documented install', () => {
    const r = spawnSync('npx', ['--no-install', 'micrograd', 'walkthrough', '--out', 'pics'], {
      cwd: s.pictures,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('x1.grad = -1.5000000148906993');
    const pics = readdirSync(join(s.pictures, 'pics'));
    expect(pics.filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(2);
    const png = readFileSync(
      join(
        s.pictures,
        'pics',
        pics.find((f) => f.endsWith('.png'))!,
      ),
    );
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(existsSync(join(s.pictures, 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))).toBe(true);
  });
});
