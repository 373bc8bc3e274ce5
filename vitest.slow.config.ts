import { defineConfig } from 'vitest/config';
import { lintasAlias } from './vitest.shared.js';

/** `npm run test:slow`: only the `*.slow.test.ts` files (Chromium, notebooks, spawned processes, several workers). */
export default defineConfig({
  resolve: { alias: lintasAlias },
  test: {
    include: ['tests/**/*.slow.test.ts'],
    setupFiles: ['tests/yield-between-tests.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // Two cores here: model runs are CPU-bound, so more workers only contend.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
