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
  'test/engine/operators.test.ts',
  'test/engine/logic.test.ts',
  'test/engine/differential.test.ts',
  'test/engine/evaluateAll.test.ts',
  'test/engine/sharedTraces.test.ts',
  'test/engine/switches.test.ts',
  'test/ruleSets/vectors.test.ts',
  'test/model/ruleFile.test.ts',
  'test/explain/explanations.test.ts',
  'test/model/languages.test.ts',
  'test/ruleSets/frameworkExamples.test.ts',
  'test/ruleSets/frameworkProperties.test.ts',
  'test/facts/framework.test.ts',
  'test/adapters/jsonRulesEngine/framework.test.ts',
  'test/explain/followUpSummary.test.ts',
  'test/adapters/jsonRulesEngine/bridge.test.ts',
  'test/fuzz/regressions*.test.ts',
];
// Not test/engine/sharedTraces.test.ts: it evaluates injected facts and derives none, yet took a third of
// the time of every run of a mutant in module-level code (a fact's definition, a service-kind set).
const FACTS = [
  'test/facts/*.test.ts',
  'test/model/languages.test.ts',
  'test/ruleSets/boundaries.test.ts',
  'test/ruleSets/consentBoundaries.test.ts',
  'test/ruleSets/frameworkExamples.test.ts',
  'test/ruleSets/frameworkProperties.test.ts',
  'test/facts/framework.test.ts',
  'test/adapters/jsonRulesEngine/framework.test.ts',
  'test/explain/followUpSummary.test.ts',
  'test/ruleSets/vectors.test.ts',
  'test/engine/evaluateAll.test.ts',
  'test/fuzz/regressions.test.ts',
];
const PATHWAY = ['test/pathway/*.test.ts', 'test/ruleSets/boundaries.test.ts', 'test/ruleSets/consentBoundaries.test.ts'];
const ADAPTERS = [
  'test/adapters/jsonRulesEngine/bridge.test.ts',
  'test/adapters/jsonRulesEngine/framework.test.ts',
  'test/engine/differential.test.ts',
  'test/adapters/cdsHooks/service.test.ts',
  'test/adapters/fhir/in.test.ts',
  'test/adapters/fhir/out.test.ts',
  'test/fuzz/regressionsInAdapters.test.ts',
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
    exclude: [
      'test/fuzz/!(regressions*).test.ts',
      'test/docs/browser.test.ts',
      'test/cli/**',
      'test/project/purity.test.ts',
      'test/project/regex.test.ts',
    ],
    environment: 'node',
    // One module graph per run rather than per test file: measured on src/engine/path.ts (57 mutants,
    // 12 of them static) and src/facts/consentGiver.ts (74), the same status for every mutant as with
    // isolation, in less time. MUTATION_ISOLATE=true brings isolation back.
    isolate: process.env['MUTATION_ISOLATE'] === 'true',
    testTimeout: 60_000,
    setupFiles: ['test/setup/noConsole.ts', 'test/setup/mutationRuns.ts'],
  },
});
