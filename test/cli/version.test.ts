// `micrograd --version` prints the version package.json declares, and nothing else.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { runCli } from './runCli.js';

it('micrograd --version and -V print package.json’s version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
  for (const flag of ['--version', '-V']) {
    const r = runCli([flag]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  }
});
