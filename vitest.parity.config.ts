// Live parity runner (`npm run test:parity`): needs PyTorch, so `npm test` never includes these files.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.parity.ts'],
    testTimeout: 120_000,
  },
});
