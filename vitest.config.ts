import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'contract/**/*.test.ts',
      'test/**/*.test.ts',
      'e2e/**/*.test.ts',
      'web/src/**/*.test.ts',
    ],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    // Two cores: two workers keep the machine responsive and PostgreSQL schemas few.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
