import { defineConfig } from 'vitest/config';

/*
 * The tests a mutation run uses (stryker.config.mjs, scripts/mutation.sh): the in-process tests
 * relevant to the target. Every mutant re-imports each test file that covers it, so a target runs
 * the files that test it and not the whole suite: a mutant in the engine is not waited on by the FHIR
 * output validator. Never in any target: the browser test and the tests that run the built CLI or the
 * examples as separate processes (a mutant in the sandbox cannot reach them), the random-input fuzz
 * properties (seconds each, for what the known-answer tests decide in milliseconds), and the purity
 * and regex tests, which read the source text that Stryker instruments. `npm test` runs them all.
 */

const ENGINE = [
  'test/operators.test.ts',
  'test/logic.test.ts',
  'test/differential.test.ts',
  'test/evaluateAll.test.ts',
  'test/sharedTraces.test.ts',
  'test/vectors.test.ts',
  'test/ruleFile.test.ts',
  'test/explain.test.ts',
  'test/languages.test.ts',
  'test/framework-*.test.ts',
  'test/jsonRulesEngineBridge.test.ts',
  'test/fuzz/regressions*.test.ts',
];
// Not test/sharedTraces.test.ts: it evaluates injected facts and derives none, yet took a third of
// the time of every run of a mutant in module-level code (a fact's definition, a service-kind set).
const FACTS = [
  'test/facts*.test.ts',
  'test/languages.test.ts',
  'test/boundaries*.test.ts',
  'test/framework-*.test.ts',
  'test/vectors.test.ts',
  'test/evaluateAll.test.ts',
  'test/fuzz/regressions.test.ts',
];
const PATHWAY = ['test/pathway.*.test.ts', 'test/boundaries*.test.ts'];
const ADAPTERS = [
  'test/jsonRulesEngineBridge.test.ts',
  'test/framework-json-rules-engine.test.ts',
  'test/differential.test.ts',
  'test/cdsHooks.test.ts',
  'test/fhirIn.test.ts',
  'test/fhirOut.test.ts',
  'test/fuzz/regressions.adapters.test.ts',
];
const TESTS: Record<string, string[]> = {
  engine: ENGINE,
  facts: FACTS,
  pathway: PATHWAY,
  adapters: ADAPTERS,
  all: [...new Set([...ENGINE, ...FACTS, ...PATHWAY, ...ADAPTERS])],
};

const target = process.env['MUTATION_TARGET'] ?? 'all';
const include = TESTS[target];
if (include === undefined) throw new Error(`MUTATION_TARGET must be one of ${Object.keys(TESTS).join(', ')}`);

export default defineConfig({
  test: {
    include,
    exclude: ['test/fuzz/!(regressions*).test.ts', 'test/browser.test.ts', 'test/cli/**', 'test/purity.test.ts', 'test/regex.test.ts'],
    environment: 'node',
    // One module graph per run rather than per test file: measured on src/engine/path.ts (57 mutants,
    // 12 of them static) and src/facts/consentGiver.ts (74), the same status for every mutant as with
    // isolation, in less time. MUTATION_ISOLATE=true brings isolation back.
    isolate: process.env['MUTATION_ISOLATE'] === 'true',
    testTimeout: 60_000,
    setupFiles: ['test/setup/noConsole.ts', 'test/setup/mutationRuns.ts'],
  },
});
