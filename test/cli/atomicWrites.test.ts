// A run's files are staged and renamed at the end: a killed or failing run leaves the previous run whole.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from './runCli.js';

const FILES = [
  'model.json',
  'metrics.json',
  'decision-boundary.svg',
  'decision-boundary.png',
  'curves.svg',
  'curves.png',
];
const snapshot = (dir: string, files = FILES) =>
  files.map((f) => readFileSync(join(dir, f)).toString('base64'));

/** A finished run in a fresh folder, and its files' bytes. */
function previousRun(): { dir: string; before: string[] } {
  const dir = join(mkdtempSync(join(tmpdir(), 'micrograd-atomic-')), 'run');
  expect(runCli(['train', '--steps', '3', '--seed', '1', '--out', dir]).status).toBe(0);
  return { dir, before: snapshot(dir) };
}

/** Start a run on `dir`, send `signal` once it has staged its first temporary; whether it saw one. */
async function stopWhileStaging(dir: string, signal: NodeJS.Signals): Promise<boolean> {
  // A different seed: every file of this run would differ from the previous one.
  const child = spawn(process.execPath, [CLI, 'train', '--steps', '3', '--seed', '2', '--out', dir], {
    stdio: 'ignore',
    // One process: `train` otherwise reruns itself with V8 flags, and the kill would hit only the parent.
    env: { ...process.env, MICROGRAD_V8_FLAGS: '1' },
  });
  const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_, sig) => done(sig)));
  // Poll for the first staged temporary: the moment the run is mid-write.
  let sawTemp = false;
  const deadline = Date.now() + 60_000;
  while (!sawTemp && Date.now() < deadline && child.exitCode === null) {
    // A staged run file, not the folder's write probe from before training.
    sawTemp = readdirSync(dir).some((f) => f.endsWith('.tmp') && !f.startsWith('.micrograd-probe'));
    if (!sawTemp) await new Promise((r) => setTimeout(r, 2));
  }
  child.kill(signal);
  // Ended by the signal, or (when the signal lands as the run is already finishing) by its own normal exit:
  // either way the folder must hold one run whole, which the callers check.
  expect([signal, null]).toContain(await exited);
  return sawTemp;
}

describe('atomic run folders', () => {
  it('kill -9 while the run is writing leaves every previous file as it was', async () => {
    const { dir, before } = previousRun();
    expect(await stopWhileStaging(dir, 'SIGKILL')).toBe(true);
    const after = snapshot(dir);
    const kept = after.every((f, i) => f === before[i]);
    const replaced = after.every((f, i) => f !== before[i]);
    expect(kept || replaced, 'the folder holds one run whole, not a mix of two').toBe(true);
    JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  }, 120_000);

  it('SIGTERM or Ctrl+C while the run is writing leaves the previous files and no temporary', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const { dir, before } = previousRun();
      expect(await stopWhileStaging(dir, signal)).toBe(true);
      // A signal handled while staging leaves the previous run; one that lands after the last file was staged
      // is handled once the (synchronous) renames are done, leaving the new run whole. Never a mix.
      const after = snapshot(dir);
      const kept = after.every((f, i) => f === before[i]);
      const replaced = after.every((f, i) => f !== before[i]);
      expect(kept || replaced, 'the folder holds one run whole, not a mix of two').toBe(true);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  }, 120_000);

  it('a target that cannot be replaced (a folder named curves.png) fails before training and changes nothing', () => {
    const { dir, before } = previousRun();
    rmSync(join(dir, 'curves.png'));
    mkdirSync(join(dir, 'curves.png', 'inside'), { recursive: true });
    const r = runCli(['train', '--steps', '3', '--seed', '2', '--out', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(''); // refused before the first step
    expect(r.stderr).toMatch(/^micrograd: --out .*: curves\.png there is a folder, not a file/);
    expect(snapshot(dir, FILES.slice(0, 5))).toEqual(before.slice(0, 5));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('a finished run leaves no temporaries behind', () => {
    const { dir } = previousRun();
    expect(readdirSync(dir).sort()).toEqual([...FILES].sort());
  }, 60_000);
});
