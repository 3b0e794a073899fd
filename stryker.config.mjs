// @ts-check
/*
 * Mutation testing: `npm run mutation -- <target>` (scripts/mutation.sh; docs/mutation.md has the
 * scores). Not part of `npm test` or CI: the engine alone takes the better part of an hour on two
 * cores. A target is one folder, so that each has its own score, report and incremental file.
 */

/** What each target mutates. `all` is their union. */
const TARGETS = {
  engine: ['src/engine/**/*.ts'],
  facts: ['src/facts/**/*.ts'],
  pathway: ['src/pathway/guards.ts'],
  // The adapters' decision code: what becomes a rule set on json-rules-engine, which prompts become
  // cards, and which FHIR resources count as active diagnoses, consents, admissions and medications.
  adapters: [
    'src/adapters/jsonRulesEngine.ts',
    'src/adapters/cdsHooks/cards.ts',
    'src/adapters/fhir/in/condition.ts',
    'src/adapters/fhir/in/consent.ts',
    'src/adapters/fhir/in/encounter.ts',
    'src/adapters/fhir/in/medicationStatement.ts',
  ],
};
TARGETS.all = Object.values(TARGETS).flat();

const target = process.env.MUTATION_TARGET ?? 'all';
if (!Object.hasOwn(TARGETS, target)) throw new Error(`MUTATION_TARGET must be one of ${Object.keys(TARGETS).join(', ')}`);

// One file of a target (`npm run mutation -- engine src/engine/operators.ts`): the target's tests, that
// file's mutants, and a report and incremental file of its own, so a folder's results stay whole.
const only = process.env.MUTATION_FILE;
const name = only ? `${target}-${only.replace(/^src\//, '').replace(/[^A-Za-z0-9]+/g, '-')}` : target;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: only ? [only] : TARGETS[target],
  // Results for unchanged code and tests are reused from the last run of the same target. The files
  // live under .tmp/ (gitignored): a fresh checkout runs everything once.
  incremental: true,
  incrementalFile: `.tmp/mutation/${name}.incremental.json`,
  // Two cores shared with the rest of the machine: one test process unless told otherwise.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 1),
  timeoutMS: 60_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `.tmp/mutation/${name}.html` },
  jsonReporter: { fileName: `.tmp/mutation/${name}.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 85, break: null },
};
