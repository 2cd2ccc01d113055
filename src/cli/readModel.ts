// readModel: a model.json written by `micrograd train` (or MLP.toJSON), loaded or refused in one line.

import { MLP } from '../nn/index.js';
import { CliError } from './CliError.js';
import { readText } from './readText.js';

export function readModel(path: string, flag = '--model'): MLP {
  const text = readText(path, flag);
  try {
    return MLP.fromJSON(text);
  } catch (e) {
    throw new CliError(`${flag} ${path}: ${(e as Error).message.replace(/^MLP\.fromJSON: /, '')}`);
  }
}
