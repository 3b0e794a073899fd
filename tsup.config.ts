import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Options } from 'tsup';
import { defineConfig } from 'tsup';

/** The bundled rule sets, each at its own entry `oppfolgingsteam/rule-sets/<id>` (see src/ruleSets/single.ts). */
export const RULE_SET_ENTRIES = ['identification', 'rights', 'consent', 'assessment', 'team', 'plan', 'evaluation', 'transition'] as const;

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
  ...(Object.fromEntries(RULE_SET_ENTRIES.map((id) => [`rule-sets/${id}`, `src/ruleSets/entries/${id}.ts`])) as Record<
    `rule-sets/${(typeof RULE_SET_ENTRIES)[number]}`,
    string
  >),
} as const;

/**
 * The `oppfolgingsteam` command (package.json#bin) and the worker script it starts by file name
 * (next to cli.js). Built with the library's ESM entries in one build, so that the command loads
 * the library's own chunks instead of carrying a copy of the core.
 */
export const CLI_ENTRIES = { cli: 'src/cli/main.ts', stratifyWorker: 'src/node/stratifyWorker.ts' } as const;

const fpTsRoot = dirname(createRequire(import.meta.url).resolve('fp-ts/package.json'));

/**
 * fp-ts's `lib/` files are CommonJS, which a host's bundler cannot tree-shake (all of `Either` and
 * what it imports lands in every browser bundle). The build takes the same modules from fp-ts's
 * ES build instead and keeps only the few functions the library calls. Either values are plain
 * objects, so a host's own fp-ts reads them as before; the types still come from fp-ts.
 */
const fpTsFromEsBuild = {
  name: 'fp-ts-es6',
  setup(build: { onResolve: (o: { filter: RegExp }, cb: (a: { path: string }) => { path: string }) => void }) {
    build.onResolve({ filter: /^fp-ts\/lib\// }, (args) => ({ path: join(fpTsRoot, 'es6', args.path.slice('fp-ts/lib/'.length)) }));
  },
};

const rulesDir = resolve(dirname(new URL(import.meta.url).pathname), 'rules');

/**
 * The CommonJS build reads the rule sets and code lists from the package's own `rules/` folder
 * (`require('oppfolgingsteam/rules/…')`, which Node resolves from anywhere inside the package)
 * instead of carrying a second copy of them: the package ships those files anyway, and CommonJS,
 * unlike ESM on every Node 20, loads JSON directly. The ESM build keeps them inline, for bundlers.
 */
const rulesFromPackage = {
  name: 'rules-from-package',
  setup(build: { onResolve: (o: { filter: RegExp }, cb: (a: { path: string; resolveDir: string }) => unknown) => void }) {
    build.onResolve({ filter: /\/rules\/.*\.json$/ }, (args) => {
      const inRules = relative(rulesDir, resolve(args.resolveDir, args.path));
      if (inRules.startsWith('..')) return undefined;
      return { path: `oppfolgingsteam/rules/${inRules.split(sep).join('/')}`, external: true };
    });
  },
};

const common: Options = {
  // No source maps of the library's own code in the package: they doubled its size. Not minified:
  // minifying drops the pure annotations a host's bundler needs to keep one rule set alone (the
  // browser bundle of `evaluate` + one rule set grew from 285 KB to 352 KB), and it would leave a
  // host's stack traces unreadable for about 60 KB less in the tarball.
  sourcemap: false,
  // Code shared by several entries goes into chunks that each format loads once, so that a
  // CommonJS host that requires two entries gets one copy of the engine and its caches.
  splitting: true,
  // `npm run build` empties dist/ first; the two builds run in parallel and must not clean each other.
  clean: false,
  target: 'node20',
  platform: 'neutral',
  treeshake: true,
  // docx (for `docs --docx`) is an optional peer dependency, loaded only when asked for: never bundled.
  external: ['zod', 'xstate', 'yaml', 'docx', /^node:/],
  noExternal: [/^fp-ts\//],
  esbuildPlugins: [fpTsFromEsBuild],
};

export default defineConfig([
  {
    ...common,
    // ESM: the library's entries, the command and its worker (the command's shebang is in its source).
    entry: { ...ENTRIES, ...CLI_ENTRIES },
    format: ['esm'],
    dts: { entry: ENTRIES },
  },
  {
    ...common,
    entry: ENTRIES,
    format: ['cjs'],
    dts: { entry: ENTRIES },
    esbuildPlugins: [fpTsFromEsBuild, rulesFromPackage],
  },
]);
