// outFolder: check and create a run's folder before any work (its files are then written by AtomicFiles).

import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { track, untrack } from './AtomicFiles.js';
import { CliError } from './CliError.js';

const WHY: Record<string, string> = {
  ENOENT: 'the folder takes no new entries',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOTDIR: 'a parent is not a folder',
  ENOSPC: 'no space left on the device',
  EEXIST: 'it exists and is not a folder',
};

const why = (e: unknown): string => {
  const code = (e as { code?: string }).code ?? '';
  return Object.hasOwn(WHY, code) ? WHY[code]! : code || String(e);
};

/**
 * Create `dir` and any missing parents one level at a time (Node's recursive mkdir never returns under
 * /proc), then prove it takes files by writing and removing a probe. Every failure is a CliError naming `flag`.
 */
export function prepareOutDir(dir: string, flag: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  while (!existsSync(at)) {
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (e) {
      throw new CliError(`${flag} ${dir}: cannot create ${d}: ${why(e)}`);
    }
  }
  if (!statSync(dir).isDirectory()) throw new CliError(`${flag} ${dir}: it exists and is not a folder`);
  const probe = join(dir, `.micrograd-probe-${process.pid}.tmp`);
  // Tracked like a staged file: a Ctrl+C between writing and removing it leaves nothing behind.
  track(probe);
  try {
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (e) {
    throw new CliError(`${flag} ${dir}: cannot write files there: ${why(e)}`);
  } finally {
    rmSync(probe, { force: true });
    untrack(probe);
  }
}

/** The dataset a folder's previous run was trained on (from its metrics.json), or undefined. */
export function previousDataset(dir: string): string | undefined {
  try {
    const m = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')) as {
      config?: { dataset?: unknown };
    };
    return typeof m.config?.dataset === 'string' ? m.config.dataset : undefined;
  } catch {
    return undefined;
  }
}

/** Refuse targets that are folders (a rename onto them would fail half-way through a commit). */
export function checkTargets(dir: string, names: readonly string[], flag: string): void {
  for (const name of names) {
    const path = join(dir, name);
    if (existsSync(path) && lstatSync(path).isDirectory()) {
      throw new CliError(
        `${flag} ${dir}: ${name} there is a folder, not a file; remove it or choose another ${flag}`,
      );
    }
  }
}
