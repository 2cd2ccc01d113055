// runCli: run the built `micrograd` command as a real process and capture what it prints.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Spawn `node dist/cli/main.js ...args`; the build must exist (`npm test` builds first). */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): CliResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
    ...(cwd === undefined ? {} : { cwd }),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
