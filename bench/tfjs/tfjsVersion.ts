// tfjsVersion: the TensorFlow.js version installed for the benchmark (bench/tfjs), or undefined if absent.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PKG = fileURLToPath(new URL('./node_modules/@tensorflow/tfjs/package.json', import.meta.url));

/** TensorFlow.js is optional (273 MB): `npm run bench:tfjs` installs it into bench/tfjs/node_modules. */
export function tfjsVersion(): string | undefined {
  if (!existsSync(PKG)) return undefined;
  return (JSON.parse(readFileSync(PKG, 'utf8')) as { version: string }).version;
}
