import { defineConfig } from 'tsup';

// One entry list feeds the build; package.json#exports mirrors it and publint/attw check the match.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', pathway: 'src/pathway/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    treeshake: true,
    external: ['zod', 'fp-ts', 'xstate'],
  },
]);
