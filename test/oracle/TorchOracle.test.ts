// TorchOracle without PyTorch: a missing or broken Python gives one clear error, never a crash.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findTorchPython, TorchNotFoundError, TorchOracle } from '../../src/oracle/TorchOracle.js';

const saved = { py: process.env['MICROGRAD_PYTHON'], only: process.env['MICROGRAD_PYTHON_ONLY'] };
afterEach(() => {
  for (const [k, v] of [
    ['MICROGRAD_PYTHON', saved.py],
    ['MICROGRAD_PYTHON_ONLY', saved.only],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('findTorchPython', () => {
  it('with MICROGRAD_PYTHON_ONLY=1 tries only $MICROGRAD_PYTHON and says how to install PyTorch', () => {
    process.env['MICROGRAD_PYTHON'] = '/nonexistent/python3';
    process.env['MICROGRAD_PYTHON_ONLY'] = '1';
    expect(() => findTorchPython()).toThrow(TorchNotFoundError);
    expect(() => findTorchPython()).toThrow(
      /tried \/nonexistent\/python3\)\. .*apt-get install .*python3-torch/,
    );
  });
});

describe('TorchOracle', () => {
  it('rejects requests with a clear message when the Python cannot be started', async () => {
    const oracle = new TorchOracle('/nonexistent/python3');
    await expect(oracle.request('version')).rejects.toThrow(/cannot run \/nonexistent\/python3: .*ENOENT/);
  });

  it("reports the last line of Python's traceback when the process dies", async () => {
    // A stand-in for a Python whose torch import fails: prints a traceback and exits 1.
    const dir = mkdtempSync(join(tmpdir(), 'oracle-'));
    const fake = join(dir, 'python3');
    writeFileSync(
      fake,
      '#!/bin/sh\necho "Traceback (most recent call last):" >&2\necho "ImportError: no torch here" >&2\nexit 1\n',
    );
    chmodSync(fake, 0o755);
    const oracle = new TorchOracle(fake);
    await expect(oracle.request('version')).rejects.toThrow(
      /exited with code 1: ImportError: no torch here$/,
    );
    await expect(oracle.request('version')).rejects.toThrow(/ImportError: no torch here/);
  });
});
