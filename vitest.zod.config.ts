import { defineConfig } from 'vitest/config';

/*
 * The tests that lean on zod's internals (the fast accept path for persons) run against another zod
 * than the lockfile's: `ZOD_DIR` is a folder whose node_modules holds it (scripts/zod-range.sh
 * installs the lowest version the peer range allows there). Every `zod` import of the sources and the
 * tests resolves to that copy.
 */
const dir = process.env['ZOD_DIR'];
if (!dir) throw new Error('set ZOD_DIR (see scripts/zod-range.sh)');

export default defineConfig({
  resolve: { alias: [{ find: /^zod$/, replacement: `${dir}/node_modules/zod/index.js` }] },
  test: {
    include: [
      'test/model/zodVersion.test.ts',
      'test/model/fastParse.test.ts',
      'test/engine/switches.test.ts',
      'test/model/person.test.ts',
      'test/engine/evaluateAll.test.ts',
    ],
    environment: 'node',
    maxWorkers: 2,
    testTimeout: 60_000,
    setupFiles: ['test/setup/noConsole.ts'],
  },
});
