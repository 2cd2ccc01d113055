// scratch: pack this repository with `npm pack` and install the tarball into throw-away projects, as a user would.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** Deno and Bun from npm, installed by `npm run runtimes` into test/runtimes (kept out of the dev install). */
export const RUNTIME_BIN = join(REPO, 'test/runtimes/node_modules/.bin');
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  peerDependencies: Record<string, string>;
};
/** The documented install for pictures: the package plus its optional picture libraries, in their ranges. */
export const PICTURE_PACKAGES = Object.entries(pkg.peerDependencies).map(
  ([name, range]) => `${name}@${range}`,
);

const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });

export interface Scratch {
  dir: string;
  tarball: string;
  /** A project with the tarball installed alone (`npm install micrograd-ts`). */
  core: string;
  /** A project with the tarball and the picture libraries (the install for pictures in docs/guides/getting-started.md). */
  pictures: string;
  /** A project with the tarball and only @viz-js/viz of the picture libraries (graphs, no charts). */
  vizOnly: string;
  remove(): void;
}

/** `npm pack` the built repository (run `npm run build` first) and install it into three fresh projects. */
export function makeScratch(): Scratch {
  const dir = mkdtempSync(join(tmpdir(), 'micrograd-pack-'));
  npm(['pack', '--ignore-scripts', '--pack-destination', dir], REPO);
  const tarball = join(
    dir,
    readdirSync(dir).find((f) => f.endsWith('.tgz'))!,
  );
  const project = (name: string, extra: string[]): string => {
    const root = join(dir, name);
    mkdirSync(root);
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
    npm(['install', tarball, ...extra], root);
    return root;
  };
  const core = project('core', []);
  const pictures = project('pictures', PICTURE_PACKAGES);
  const vizOnly = project(
    'viz-only',
    PICTURE_PACKAGES.filter((p) => p.startsWith('@viz-js/viz@')),
  );
  return {
    dir,
    tarball,
    core,
    pictures,
    vizOnly,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
