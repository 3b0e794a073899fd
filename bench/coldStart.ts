/**
 * Cold start, in a fresh process: `import` of the library (bundled as the package is built) and
 * every bundled rule set ready to evaluate (`loadBundledRuleSet` for each id), timed from before the
 * import to after the last rule set. Run by `bench/run.ts`, which bundles `src/index.ts` as a
 * module of its own and passes its path:
 *   node <bundled coldStart.mjs> <library.mjs>
 * Prints one JSON line: import ms, rule sets ms, total ms.
 */
import { pathToFileURL } from 'node:url';

const lib = process.argv[2];
if (!lib) throw new Error('give the bundled library');
const t0 = performance.now();
const m = (await import(pathToFileURL(lib).href)) as typeof import('../src/index.js');
const t1 = performance.now();
for (const id of m.bundledRuleSetIds()) if (m.loadBundledRuleSet(id)._tag === 'Left') throw new Error(`${id} invalid`);
const t2 = performance.now();
process.stdout.write(`${JSON.stringify({ importMs: t1 - t0, ruleSetsMs: t2 - t1, totalMs: t2 - t0 })}\n`);
