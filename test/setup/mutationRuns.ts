import { vi } from 'vitest';

/*
 * Mutation runs only (vitest.mutation.config.ts): every property test runs at most a few cases.
 * Each mutant reruns every test that reaches its code, and the engine's code is reached by nearly
 * every property test, hundreds of cases each; the known-answer tables decide most mutants in
 * milliseconds. `npm test` runs the properties in full.
 */
const MAX_RUNS = Number(process.env['MUTATION_MAX_RUNS'] ?? 25);

vi.mock('fast-check', async (importOriginal) => {
  const m = await importOriginal<typeof import('fast-check')>();
  const fc = m.default;
  const clamp = <P>(params: P | undefined): P =>
    ({ ...params, numRuns: Math.min((params as { numRuns?: number } | undefined)?.numRuns ?? 100, MAX_RUNS) }) as P;
  return {
    ...m,
    default: {
      ...fc,
      assert: ((p: never, params?: object) => fc.assert(p, clamp(params))) as typeof fc.assert,
      check: ((p: never, params?: object) => fc.check(p, clamp(params))) as typeof fc.check,
    },
  };
});
