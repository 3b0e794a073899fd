/**
 * Bundles bench entry points to plain JavaScript with tsup (esbuild), as the published package is
 * built. The cases do not run under tsx: its transform keeps function names (esbuild's keepNames),
 * which wraps every closure the library creates in a helper call and made the cases 7-10 % slower
 * than the code a host runs. Used by `bench/run.ts` and by the A/B runner `bench/ab.ts`.
 */
export async function bundleForBench(outDir: string, entry: Record<string, string>): Promise<void> {
  const { build } = await import('tsup');
  await build({
    entry,
    outDir,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    bundle: true,
    splitting: false,
    silent: true,
    outExtension: () => ({ js: '.mjs' }),
    noExternal: [/.*/],
    // Bundled CommonJS dependencies (yaml) require Node built-ins; give the ESM bundle a real `require`.
    banner: {
      js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);",
    },
    config: false,
  });
}
