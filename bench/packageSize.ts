// `npm run bench:package`: what a user installs and loads — the packed tarball in scratch projects.
//
// Prints: packages and MB for the core install and for the install with pictures, the root import time
// (median of fresh Node processes), and the minified browser bundle of a page that uses only Value.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { table } from '../src/cli/table.js';
import { makeScratch } from '../test/smoke/scratch.js';
import { spread } from './stats.js';

/** Bytes of every file under `dir`. */
function bytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (st === undefined) continue;
    total += st.isDirectory() ? bytes(path) : st.size;
  }
  return total;
}

/** Installed packages: npm's own list, the project itself left out. */
function packages(project: string): number {
  const out = execFileSync('npm', ['ls', '--all', '--parseable'], { cwd: project, encoding: 'utf8' });
  return new Set(out.trim().split('\n').slice(1)).size;
}

function importMs(project: string, specifier: string): number[] {
  const code = `const t=performance.now();await import('${specifier}');console.log(performance.now()-t)`;
  return Array.from({ length: 7 }, () =>
    Number(
      execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: project, encoding: 'utf8' }),
    ),
  );
}

const s = makeScratch();
try {
  const mb = (dir: string): string => (bytes(join(dir, 'node_modules')) / 1e6).toFixed(1);
  const page = join(s.core, 'browser');
  cpSync(new URL('../test/smoke/fixtures/browser', import.meta.url), page, { recursive: true });
  await build({
    root: page,
    logLevel: 'silent',
    configFile: false,
    build: {
      outDir: join(page, 'dist'),
      lib: { entry: join(page, 'main.js'), formats: ['es'], fileName: () => 'page.js' },
    },
  });
  const bundle = statSync(join(page, 'dist/page.js')).size;
  const gzip = execFileSync('gzip', ['-9c', join(page, 'dist/page.js')]).length;
  const root = spread(importMs(s.core, 'micrograd-ts'));
  const viz = spread(importMs(s.pictures, 'micrograd-ts/viz'));
  const rows = [
    ['what', 'value'],
    ['tarball', `${(statSync(s.tarball).size / 1e3).toFixed(0)} kB`],
    ['core install (npm install micrograd-ts)', `${packages(s.core)} packages, ${mb(s.core)} MB`],
    ['with pictures (+ the 5 optional peers)', `${packages(s.pictures)} packages, ${mb(s.pictures)} MB`],
    [
      "import 'micrograd-ts' (Node, median of 7)",
      `${root.median.toFixed(1)} ms (${root.min.toFixed(1)}–${root.max.toFixed(1)})`,
    ],
    [
      "import 'micrograd-ts/viz' (median of 7)",
      `${viz.median.toFixed(1)} ms (${viz.min.toFixed(1)}–${viz.max.toFixed(1)})`,
    ],
    [
      'browser bundle using only Value (Vite, minified)',
      `${(bundle / 1e3).toFixed(1)} kB, ${(gzip / 1e3).toFixed(1)} kB gzipped`,
    ],
  ];
  process.stdout.write(`${table(rows).join('\n')}\n`);
} finally {
  s.remove();
}
