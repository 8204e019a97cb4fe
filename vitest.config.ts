import { defineConfig } from 'vitest/config';

/** Unit suites: domain/, main/ and renderer/. Exported-project checks live in vitest.verify.config.ts. */
export default defineConfig({
  test: {
    include: ['domain/**/*.test.ts', 'main/**/*.test.ts', 'preload/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
