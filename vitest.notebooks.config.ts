// The notebooks executed by Deno's Jupyter kernel and checked (`npm run test:notebooks`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/notebooks/**/*.nb.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
