import { configDefaults, defineConfig } from 'vitest/config';
import { lintasAlias } from './vitest.shared.js';

/**
 * `npm test`: the fast suite. Browser tests, notebook runs, kill-and-resume and multi-worker
 * runs live in `*.slow.test.ts` files beside their fast siblings and run with `npm run test:slow`
 * (vitest.slow.config.ts).
 */
export default defineConfig({
  resolve: { alias: lintasAlias },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'tests/**/*.slow.test.ts'],
    setupFiles: ['tests/yield-between-tests.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores here: model runs are CPU-bound, so more workers only contend.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
