import { defineConfig } from 'vitest/config';

/**
 * The exported-project checks (export.md, "Checks it must pass"): real venvs, real PyPI,
 * real PostgreSQL, MariaDB, Redis and RabbitMQ on loopback. Slow by nature, so kept apart
 * from the unit suites: `npx vitest run --config vitest.verify.config.ts`.
 */
export default defineConfig({
  test: {
    include: ['verify/**/*.test.ts'],
    // verify/support/ holds helpers named *.test.ts only so that tsconfig.tools.json type-checks them.
    exclude: ['verify/support/**'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 15 * 60_000,
    hookTimeout: 15 * 60_000,
    teardownTimeout: 120_000,
    reporters: ['verbose'],
  },
});
