/**
 * Builds the browser example from the package source with esbuild (the bundler tsup uses):
 * `examples/browser/main.ts` → `examples/browser/dist/app.js`. The bare import 'oppfolgingsteam' and
 * its subpaths ('oppfolgingsteam/cds-hooks', …) resolve to their entries' sources, as they would
 * resolve to the published package in a vendor's build.
 *
 * Run: npx tsx examples/browser/build.ts   (then serve examples/browser/ with any static server)
 */
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { ENTRIES } from '../../tsup.config.js';

const here = fileURLToPath(new URL('./', import.meta.url));

/** Resolves `oppfolgingsteam` and `oppfolgingsteam/<subpath>` to the entry's source file. */
const packageSource: Plugin = {
  name: 'oppfolgingsteam-source',
  setup(b) {
    b.onResolve({ filter: /^oppfolgingsteam(\/[a-z-]+)?$/ }, (args) => {
      const sub = (args.path.split('/')[1] ?? 'index') as keyof typeof ENTRIES;
      if (!Object.hasOwn(ENTRIES, sub)) return { errors: [{ text: `no such entry: ${args.path}` }] };
      return { path: fileURLToPath(new URL(`../../${ENTRIES[sub]}`, import.meta.url)) };
    });
  },
};

/** Bundles the example; returns the output file's path. */
export async function buildBrowserExample(): Promise<string> {
  const outfile = `${here}dist/app.js`;
  await build({
    entryPoints: [`${here}main.ts`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile,
    sourcemap: true,
    logLevel: 'silent',
    plugins: [packageSource],
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildBrowserExample().then(
    (out) => console.log(`built ${out}`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
