// `micrograd verify` and `micrograd walkthrough` without PyTorch, run as real processes.
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

/** Only this (missing) Python: no PyTorch can be found, whatever the machine has. */
const NO_TORCH = { MICROGRAD_PYTHON: '/nonexistent/python3', MICROGRAD_PYTHON_ONLY: '1' };

describe('micrograd verify without PyTorch', () => {
  const r = runCli(['verify'], NO_TORCH);

  it('exits 1 with one line that says PyTorch is missing and how to install it', () => {
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^micrograd: PyTorch was not found \(tried \/nonexistent\/python3\)\./);
    expect(lines[0]).toContain('apt-get install -y --no-install-recommends python3-torch');
    expect(lines[0]).toContain('MICROGRAD_PYTHON');
  });

  it('prints no stack trace', () => {
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toContain('TorchNotFoundError');
  });
});

describe('micrograd walkthrough without PyTorch', () => {
  it('still succeeds and ends with one line saying the PyTorch check was skipped and how to get it', () => {
    const r = runCli(['walkthrough'], NO_TORCH);
    expect(r.status).toBe(0);
    const last = r.stdout.trimEnd().split('\n').at(-1)!;
    expect(last).toMatch(/^# PyTorch check skipped: PyTorch was not found\./);
    expect(last).toContain('python3-torch');
    expect(r.stdout).toContain('x1.grad = ');
  });
});
