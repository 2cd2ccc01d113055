// The users' table: micrograd's notebook loop (bench/users/notebookLoop.mjs) run as a user runs it — a fresh
// process per run, no flags, 100 steps — under every runtime, in a Chromium page, and PyTorch's twin beside it.
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findTorchPython } from '../src/oracle/TorchOracle.js';
import { CHROMIUM, CHROMIUM_FLAGS } from '../test/e2e/playground.js';
import { RUNTIMES } from '../test/runtimes/runtimePath.js';
import { demoData } from './demoSetup.js';
import { spread, type Spread } from './stats.js';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const SCRATCH = join(REPO, 'out/bench/users');
const LOOP = 'notebookLoop.mjs';

/** One run's timings, as the loop's last line prints them. */
interface LoopRun {
  msPerStep: number[];
  totalMs: number;
}

export interface UsersRow {
  name: string;
  version: string;
  /** Median over runs of each run's median ms per step; `null` when the runtime is not installed. */
  msPerStep: Spread | null;
  /** Median over runs of the whole 100-step loop, in ms. */
  totalMs: number | null;
  ratioToTorch: number | null;
  note?: string;
}

interface Runner {
  name: string;
  version: () => string;
  /** Why this runtime cannot run here, or null. */
  missing: () => string | null;
  run: () => Promise<LoopRun>;
}

const lastJsonLine = (out: string, who: string): LoopRun => {
  const line = out.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{'))
    throw new Error(`${who} printed no timings; its output ended: ${out.slice(-500)}`);
  return JSON.parse(line) as LoopRun;
};

function runProcess(command: string, args: string[], who: string): Promise<LoopRun> {
  return new Promise((resolve, reject) => {
    // No flags and no NODE_OPTIONS: the environment a user's shell gives the script.
    const env = { ...process.env };
    delete env['NODE_OPTIONS'];
    const child = spawn(command, args, { cwd: SCRATCH, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${who} exited with ${String(code)}: ${err.slice(-1000)}`));
      else {
        try {
          resolve(lastJsonLine(out, who));
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      }
    });
  });
}

const versionOf = (exe: string, args: string[]): string =>
  execFileSync(exe, args, { encoding: 'utf8' }).trim().split('\n')[0]!;

const nodeRunner = (name: string, exe: string): Runner => ({
  name,
  version: () => versionOf(exe, ['--version']),
  missing: () => (existsSync(exe) ? null : `not installed: npm run runtimes`),
  run: () => runProcess(exe, [LOOP], name),
});

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
};

/** A static server over the scratch folder (the page and the loop) and the built package (/pkg/…). */
function startServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.startsWith('/pkg/')
      ? join(REPO, normalize(path.slice('/pkg/'.length)))
      : join(SCRATCH, normalize(path));
    if (!file.startsWith(REPO) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

function chromiumRunner(pageUrl: () => string): Runner {
  let version = '';
  return {
    name: 'Chromium (the loop in a page)',
    version: () => version,
    missing: () => (existsSync(CHROMIUM) ? null : `not installed: apt-get install chromium`),
    run: async () => {
      // A fresh browser per run, as a fresh tab of a fresh visit would be.
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
      try {
        version = `Chromium ${browser.version()}`;
        const page = await browser.newPage();
        const done = new Promise<LoopRun>((resolve, reject) => {
          page.on('console', (msg) => {
            const text = msg.text();
            if (text.startsWith('{')) resolve(JSON.parse(text) as LoopRun);
          });
          page.on('pageerror', reject);
        });
        await page.goto(`${pageUrl()}index.html`);
        return await done;
      } finally {
        await browser.close();
      }
    },
  };
}

/** The scratch project: the loop, `micrograd-ts` resolving to this repository's build, the page, the data. */
function prepareScratch(): void {
  if (!existsSync(join(REPO, 'dist/index.js')))
    throw new Error('bench: dist/ is missing: run npm run build first');
  rmSync(SCRATCH, { recursive: true, force: true });
  mkdirSync(join(SCRATCH, 'node_modules'), { recursive: true });
  symlinkSync(REPO, join(SCRATCH, 'node_modules/micrograd-ts'), 'dir');
  writeFileSync(join(SCRATCH, 'package.json'), '{ "private": true, "type": "module" }\n');
  copyFileSync(fileURLToPath(new URL(`./users/${LOOP}`, import.meta.url)), join(SCRATCH, LOOP));
  // The browser resolves the bare name through an import map, as a bundler-free page would.
  writeFileSync(
    join(SCRATCH, 'index.html'),
    `<!doctype html><script type="importmap">{"imports":{"micrograd-ts":"/pkg/dist/index.js"}}</script>` +
      `<script type="module" src="${LOOP}"></script>\n`,
  );
  const { X, y, weights } = demoData();
  writeFileSync(join(SCRATCH, 'demo.json'), JSON.stringify({ X, y, layers: weights }));
}

/**
 * Run every runtime `rounds` times, interleaved (so a noisy minute hurts every row alike), and PyTorch's twin
 * in the same rounds.
 */
export async function usersRows(rounds: number, log: (msg: string) => void): Promise<UsersRow[]> {
  prepareScratch();
  const { server, url } = await startServer();
  const python = findTorchPython();
  const torchScript = fileURLToPath(new URL('./users/torch_loop.py', import.meta.url));
  let torchVersion = '';
  const runners: Runner[] = [
    {
      name: 'PyTorch float64, 1 thread',
      version: () => `PyTorch ${torchVersion}`,
      missing: () => null,
      run: async () => {
        const r = await runProcess(python, [torchScript, join(SCRATCH, 'demo.json')], 'PyTorch');
        torchVersion = (r as LoopRun & { torch?: string }).torch ?? '';
        return r;
      },
    },
    nodeRunner('Node 20', process.execPath),
    nodeRunner('Node 22', RUNTIMES['node22']!),
    nodeRunner('Node 24 LTS', RUNTIMES['node24']!),
    {
      name: 'Deno',
      version: () => versionOf(RUNTIMES['deno']!, ['--version']),
      missing: () => (existsSync(RUNTIMES['deno']!) ? null : 'not installed: npm run runtimes'),
      run: () => runProcess(RUNTIMES['deno']!, ['run', LOOP], 'Deno'),
    },
    {
      name: 'Bun',
      version: () => `Bun ${versionOf(RUNTIMES['bun']!, ['--version'])}`,
      missing: () => (existsSync(RUNTIMES['bun']!) ? null : 'not installed: npm run runtimes'),
      run: () => runProcess(RUNTIMES['bun']!, [LOOP], 'Bun'),
    },
    chromiumRunner(() => url),
  ];
  const present = runners.map((r) => r.missing() === null);
  const medians = runners.map(() => [] as number[]);
  const totals = runners.map(() => [] as number[]);
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [i, runner] of runners.entries()) {
        if (!present[i]) continue;
        const r = await runner.run();
        medians[i]!.push(spread(r.msPerStep).median);
        totals[i]!.push(r.totalMs);
      }
      log(`users' table: round ${round + 1}/${rounds}`);
    }
  } finally {
    server.close();
  }
  const torchMs = spread(medians[0]!).median;
  return runners.map((runner, i) => {
    if (!present[i])
      return {
        name: runner.name,
        version: '',
        msPerStep: null,
        totalMs: null,
        ratioToTorch: null,
        note: runner.missing()!,
      };
    const s = spread(medians[i]!);
    return {
      name: runner.name,
      version: runner.version(),
      msPerStep: s,
      totalMs: spread(totals[i]!).median,
      ratioToTorch: s.median / torchMs,
    };
  });
}
