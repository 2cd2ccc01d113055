// The suite under another runtime (`npm run test:node24`) really runs there: process.version is that runtime's.
import { describe, expect, it } from 'vitest';

const MAJOR: Record<string, number> = { node24: 24, node22: 22 };

describe('the runtime the suite runs under', () => {
  const asked = process.env['MICROGRAD_RUNTIME'];
  it(`is ${asked ?? 'the one that started vitest'}`, () => {
    const major = Number(process.versions.node.split('.')[0]);
    if (asked === undefined) {
      // Plain `npm test`: whatever node started it, as long as package.json's engines allow it.
      expect(major).toBeGreaterThanOrEqual(20);
    } else {
      expect(MAJOR[asked], `MICROGRAD_RUNTIME=${asked} is not a Node runtime this check knows`).toBeDefined();
      expect(major).toBe(MAJOR[asked]);
    }
  });
});
