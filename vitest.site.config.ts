// The documentation site (`npm run test:site`): built into a temporary folder, served under /micrograd-ts/,
// its links crawled, its playground pages opened in headless Chromium, the guides' examples run. Slow (TypeDoc,
// training), so not in `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/site/**/*.site.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
