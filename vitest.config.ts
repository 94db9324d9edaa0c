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
    // A poll waits for a page or a server to catch up: a second is too little on a machine
    // running two test files, PostgreSQL and a browser at once (CI failed so once).
    expect: { poll: { timeout: 20_000 } },
    hookTimeout: 60_000,
  },
});
