// The Python with torch that the PyTorch export tests run, or undefined when this machine has none.
import { findTorchPython, TorchNotFoundError } from '../../src/oracle/TorchOracle.js';

export function torchPython(): string | undefined {
  try {
    return findTorchPython();
  } catch (e) {
    if (e instanceof TorchNotFoundError) return undefined;
    throw e;
  }
}
