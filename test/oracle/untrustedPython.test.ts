// TorchOracle against Pythons that misbehave: a banner before the answers, or no answer at all.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TorchOracle } from '../../src/oracle/TorchOracle.js';
import { runCli } from '../cli/runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'oracle-untrusted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in "python" (a shell script) that passes the find-torch probe (`-c …`) and then runs `body`. */
function fakePython(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\nif [ "$1" = "-c" ]; then exit 0; fi\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

// Answers every request with its id, after printing a banner as a sitecustomize module might.
const chatty = fakePython(
  'chatty',
  [
    'echo "Welcome to the lab Python 3.11 (type help)"',
    'while read -r line; do',
    '  id=$(echo "$line" | sed \'s/.*"id":\\([0-9]*\\).*/\\1/\')',
    '  echo "{\\"id\\": $id, \\"ok\\": true, \\"result\\": {\\"torch\\": \\"fake\\"}}"',
    'done',
  ].join('\n'),
);
// Says something on both streams, then never answers.
const silent = fakePython('silent', 'echo "loading the model zoo..."\necho "warming up" >&2\nexec sleep 600');

describe('TorchOracle with an untrusted Python', () => {
  it('skips a banner printed before the answers', async () => {
    const oracle = new TorchOracle(chatty, { timeoutMs: 10_000 });
    await expect(oracle.request('version')).resolves.toEqual({ torch: 'fake' });
    await expect(oracle.request('version')).resolves.toEqual({ torch: 'fake' });
    await oracle.close();
  });

  it('times out a Python that never answers, saying what it printed, and stops it', async () => {
    const oracle = new TorchOracle(silent, { timeoutMs: 500 });
    const first = oracle.request('version');
    const second = oracle.request('graph', { nodes: [] });
    await expect(first).rejects.toThrow(
      `PyTorch oracle (${silent}) did not answer 'version' within 0.5 s, so it was stopped; it printed ` +
        `"loading the model zoo..." instead of an answer; its error output: "warming up" ` +
        '(MICROGRAD_ORACLE_TIMEOUT sets the wait in seconds)',
    );
    await expect(second).rejects.toThrow(/did not answer 'version' within 0\.5 s/);
    await expect(oracle.request('version')).rejects.toThrow(/did not answer/);
    await oracle.close(); // returns: the process is gone
  });

  it('rejects a timeout that is not a positive number', () => {
    expect(() => new TorchOracle(chatty, { timeoutMs: 0 })).toThrow(RangeError);
  });
});

describe('micrograd verify with an untrusted Python', () => {
  const verify = (timeout: string): ReturnType<typeof runCli> =>
    runCli(['verify'], {
      MICROGRAD_PYTHON: silent,
      MICROGRAD_PYTHON_ONLY: '1',
      MICROGRAD_ORACLE_TIMEOUT: timeout,
    });

  it('fails in one line after MICROGRAD_ORACLE_TIMEOUT seconds instead of hanging', () => {
    const r = verify('1');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^micrograd: PyTorch oracle \(.*silent\) did not answer '(version|graph)' within 1 s/,
    );
    expect(r.stderr).toContain('it printed "loading the model zoo..." instead of an answer');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses a MICROGRAD_ORACLE_TIMEOUT that is not a number of seconds', () => {
    const r = verify('soon');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'micrograd: MICROGRAD_ORACLE_TIMEOUT: expected a positive number of seconds, got "soon"\n',
    );
  });
});
