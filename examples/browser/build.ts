/**
 * Builds the browser example from the package source with esbuild (the bundler tsup uses):
 * `examples/browser/main.ts` → `examples/browser/dist/app.js`. The bare import 'oppfolgingsteam'
 * resolves to `src/index.ts`, as it would resolve to the published package in a vendor's build.
 *
 * Run: npx tsx examples/browser/build.ts   (then serve examples/browser/ with any static server)
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('./', import.meta.url));

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
    alias: { oppfolgingsteam: fileURLToPath(new URL('../../src/index.ts', import.meta.url)) },
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
