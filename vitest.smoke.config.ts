// The packed-tarball smoke test (`npm run test:smoke`): npm pack, install into scratch projects, run everywhere.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/smoke/**/*.smoke.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
