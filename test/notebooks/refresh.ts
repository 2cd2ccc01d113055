// `npm run notebooks`: execute the notebooks in place, so the committed files carry fresh outputs. Deno comes
// from npm (test/runtimes) and is installed first when it is missing; a failure is one line, not a trace.
import { spawnSync } from 'node:child_process';
import { denoInstalled, executeNotebooks } from './executeNotebooks.js';

function fail(message: string): never {
  process.stderr.write(`npm run notebooks: ${message}\n`);
  process.exit(1);
}

if (!denoInstalled()) {
  process.stdout.write('Deno is not installed here yet: installing it from npm (npm run runtimes)…\n');
  const r = spawnSync('npm', ['run', 'runtimes'], { stdio: 'inherit' });
  if (r.status !== 0) fail('could not install Deno (npm run runtimes failed; see above)');
}
try {
  executeNotebooks();
  process.stdout.write('notebooks/*.ipynb executed: every code cell showed its output\n');
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
