// outFolder: check and create a run's folder before any work, then write its files all-or-nothing.

import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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
  try {
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (e) {
    throw new CliError(`${flag} ${dir}: cannot write files there: ${why(e)}`);
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

/**
 * Files written as hidden temporaries beside their targets, renamed into place only by `commit()`: a run
 * that fails or is killed before that leaves the previous files as they were.
 */
export class AtomicFiles {
  private readonly staged: { tmp: string; path: string }[] = [];
  private readonly discarded: string[] = [];

  constructor(private readonly dir: string) {}

  stage(name: string, content: string | Uint8Array): void {
    const path = join(this.dir, name);
    const tmp = join(this.dir, `.${basename(name)}.${process.pid}.tmp`);
    this.staged.push({ tmp, path });
    try {
      writeFileSync(tmp, content);
    } catch (e) {
      this.abort();
      throw new CliError(`cannot write ${path}: ${why(e)}; the previous files are unchanged`);
    }
  }

  /**
   * Leave these files out of the run: drop what was staged for them, and at `commit()` remove an earlier
   * run's copies, so no file of another run is left beside this run's.
   */
  discard(names: readonly string[]): void {
    for (const name of names) {
      const path = join(this.dir, name);
      for (let i = this.staged.length - 1; i >= 0; i--) {
        if (this.staged[i]!.path !== path) continue;
        rmSync(this.staged[i]!.tmp, { force: true });
        this.staged.splice(i, 1);
      }
      this.discarded.push(path);
    }
  }

  /** Rename every staged file into place (and remove the discarded ones); returns the written paths. */
  commit(): string[] {
    for (const { tmp, path } of this.staged) renameSync(tmp, path);
    for (const path of this.discarded) rmSync(path, { force: true });
    return this.staged.map((s) => s.path);
  }

  /** Remove the temporaries (the targets were never touched). */
  abort(): void {
    for (const { tmp } of this.staged) rmSync(tmp, { force: true });
  }
}
