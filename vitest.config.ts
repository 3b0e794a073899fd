import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Two cores: keep workers to two so CPU-heavy property tests do not starve each other.
    maxWorkers: 2,
    testTimeout: 60_000,
    setupFiles: ['test/setup/noConsole.ts'],
    // The CLI tests run the built command as a separate process; it is built once here.
    globalSetup: ['test/setup/buildCli.ts'],
  },
});
