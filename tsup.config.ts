import { defineConfig } from 'tsup';

/**
 * The library's entries: subpath (as in package.json#exports, `index` being the root) → source.
 * package.json#exports and #typesVersions mirror this list; test/project/entries.test.ts checks that they do.
 */
export const ENTRIES = {
  index: 'src/index.ts',
  pathway: 'src/pathway/index.ts',
  fhir: 'src/adapters/fhir/index.ts',
  'cds-hooks': 'src/services/cdsHooks.ts',
  'json-rules-engine': 'src/adapters/jsonRulesEngine.ts',
  policy: 'src/policy/index.ts',
  population: 'src/population/index.ts',
} as const;

export default defineConfig([
  {
    entry: ENTRIES,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // Code shared by several entries goes into chunks that both formats load once, so that a
    // CommonJS host that requires two entries gets one copy of the engine and its caches.
    splitting: true,
    // The two builds run in parallel: cleaning must spare the CLI's output.
    clean: ['!cli.js', '!cli.js.map', '!stratifyWorker.js'],
    target: 'node20',
    platform: 'neutral',
    treeshake: true,
    external: ['zod', 'fp-ts', 'xstate'],
  },
  {
    // The `oppfolgingsteam` command (package.json#bin). ESM only; Node loads it directly.
    // The stratify worker is a separate entry next to cli.js: worker threads load it by file name.
    entry: { cli: 'src/cli/main.ts', stratifyWorker: 'src/node/stratifyWorker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    // docx (for `docs --docx`) is an optional peer dependency, loaded only when asked for: never bundled.
    external: ['zod', 'fp-ts', 'xstate', 'yaml', 'docx'],
  },
]);
