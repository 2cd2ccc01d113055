// AtomicFiles: the one way a command writes files — staged as hidden temporaries, renamed into place at the end.

import { realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './CliError.js';

/** What a failed write means, in words (a Map: codes are looked up, never inherited). */
const WRITE_ERRORS = new Map([
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['EROFS', 'read-only file system'],
  ['ENOTDIR', 'a parent is not a folder'],
  ['ENOSPC', 'no space left on the device'],
  ['EDQUOT', 'over the disk quota'],
  ['EISDIR', 'it is a folder'],
  ['EFBIG', 'the file would pass the size limit'],
]);

const isFolder = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;

/**
 * A target that exists and is neither a file nor a folder (`-o /dev/stdout`, a named pipe): written in place,
 * since renaming a temporary onto it would replace the device or pipe itself.
 */
const isSpecial = (path: string): boolean => {
  const st = statSync(path, { throwIfNoEntry: false });
  return st !== undefined && !st.isFile() && !st.isDirectory();
};

/** Why `path` could not be written, in words. */
export function writeFailure(path: string, e: unknown): string {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'ENOENT') {
    // ENOENT in an existing folder (/proc, /sys) means the folder takes no new files.
    const folder = dirname(path);
    return isFolder(folder) ? `the folder ${folder} takes no new files` : 'its folder does not exist';
  }
  return WRITE_ERRORS.get(code) ?? (code || String(e));
}

/** The file `path` names, through links, or its absolute path when it does not exist yet. */
function identity(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Refuse an output that is one of the command's inputs (a rename onto it would replace what is being read),
 * however it is spelled: `m.json`, `./m.json`, a link to it. Called before any work.
 */
export function refuseInputAsOutput(out: string, inputs: readonly string[], flag: string): void {
  const target = identity(out);
  for (const input of inputs) {
    if (identity(input) === target) {
      throw new CliError(`${flag} ${out}: that is the input ${input}; write to another file`);
    }
  }
}

/** Temporaries not yet renamed or removed, by every AtomicFiles of this process. */
const live = new Set<string>();
let tmpCount = 0;
let listening = false;

function removeLive(): void {
  for (const tmp of live) rmSync(tmp, { force: true });
  live.clear();
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Remove the temporaries, then end as the signal would have without a listener. */
function onSignal(signal: NodeJS.Signals): void {
  removeLive();
  for (const s of SIGNALS) process.off(s, onSignal);
  process.kill(process.pid, signal);
}

/**
 * Count `tmp` as a temporary to remove if the process ends first: Ctrl+C or a kill (other than -9) removes
 * it. The listeners stay once installed — one removed while a signal waits would swallow that signal.
 */
export function track(tmp: string): void {
  if (!listening) {
    listening = true;
    process.on('exit', removeLive);
    for (const s of SIGNALS) process.on(s, onSignal);
  }
  live.add(tmp);
}

export function untrack(tmp: string): void {
  live.delete(tmp);
}

/**
 * Files written as hidden temporaries beside their targets, renamed into place only by `commit()`: a command
 * that fails or is stopped before then leaves the previous files as they were, and no temporary behind.
 */
export class AtomicFiles {
  private readonly staged: { tmp: string; path: string }[] = [];
  private readonly direct: { path: string; content: string | Uint8Array }[] = [];
  private readonly discarded: string[] = [];

  /** `inputs`: files the command reads; staging one of them as an output is refused. */
  constructor(
    private readonly dir: string,
    private readonly inputs: readonly string[] = [],
  ) {}

  stage(name: string, content: string | Uint8Array): void {
    const path = join(this.dir, name);
    try {
      refuseInputAsOutput(path, this.inputs, 'cannot write');
    } catch (e) {
      this.abort();
      throw e;
    }
    if (isSpecial(path)) {
      this.direct.push({ path, content });
      return;
    }
    const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${tmpCount++}.tmp`);
    this.staged.push({ tmp, path });
    track(tmp);
    try {
      writeFileSync(tmp, content);
    } catch (e) {
      this.abort();
      throw new CliError(`cannot write ${path}: ${writeFailure(path, e)}`);
    }
  }

  /**
   * Leave these files out: drop what was staged for them, and at `commit()` remove an earlier run's copies,
   * so no file of another run is left beside this one's.
   */
  discard(names: readonly string[]): void {
    for (const name of names) {
      const path = join(this.dir, name);
      for (let i = this.staged.length - 1; i >= 0; i--) {
        if (this.staged[i]!.path !== path) continue;
        this.remove(this.staged[i]!.tmp);
        this.staged.splice(i, 1);
      }
      this.discarded.push(path);
    }
  }

  /** Rename every staged file into place (and remove the discarded ones); returns the written paths. */
  commit(): string[] {
    try {
      for (const { tmp, path } of this.staged) {
        renameSync(tmp, path);
        untrack(tmp);
      }
    } catch (e) {
      this.abort();
      throw e;
    }
    for (const path of this.discarded) rmSync(path, { force: true });
    for (const { path, content } of this.direct) {
      try {
        writeFileSync(path, content);
      } catch (e) {
        throw new CliError(`cannot write ${path}: ${writeFailure(path, e)}`);
      }
    }
    return [...this.staged.map((s) => s.path), ...this.direct.map((d) => d.path)];
  }

  /** Remove the temporaries (the targets were never touched). */
  abort(): void {
    for (const { tmp } of this.staged) this.remove(tmp);
  }

  private remove(tmp: string): void {
    rmSync(tmp, { force: true });
    untrack(tmp);
  }
}

/** Write one file through AtomicFiles; refused when it is one of `inputs`. */
export function writeFileAtomically(
  path: string,
  content: string | Uint8Array,
  inputs: readonly string[] = [],
): void {
  const files = new AtomicFiles(dirname(path), inputs);
  files.stage(basename(path), content);
  files.commit();
}
