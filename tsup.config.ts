import { defineConfig } from 'tsup';

// One entry list feeds the build; package.json#exports mirrors it and publint/attw check the match.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', pathway: 'src/pathway/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
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
    external: ['zod', 'fp-ts', 'xstate', 'yaml'],
  },
]);
