/**
 * `npx tsx scripts/decision-hash.ts [root]`: the SHA-256 of the JSON of `evaluate` for 3,000
 * synthetic persons × every bundled rule set × three trace modes × two languages. Speed work must not
 * change a decision: run it at two commits (for the older one, in a `git worktree` with this file
 * copied in and the root given) and compare. The first figure recorded was 4d9965bb… at 6bd4a09.
 * The synthetic cohort comes from `oppfolgingsteam/population`, or from the root entry at commits
 * from before the entries were split, so that one copy of this file runs at either.
 *
 * A second line hashes the same decisions with their `ruleSet` stamp (id, version, content hash,
 * sign-off) left out: a rule-set version bump that changes only texts or metadata moves the first
 * hash and leaves the second, which changes only when an outcome, finding, prompt or trace does.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const root = resolve(process.argv[2] ?? '.');
const m = (await import(pathToFileURL(`${root}/src/index.ts`).href)) as typeof import('../src/index.js');
const populationEntry = `${root}/src/population/index.ts`;
const { generateCohort } = (
  existsSync(populationEntry) ? await import(pathToFileURL(populationEntry).href) : m
) as typeof import('../src/population/index.js');
const sets = m.bundledRuleSetIds().map((id) => {
  const r = m.loadBundledRuleSet(id);
  if (r._tag === 'Left') throw new Error(`rule set ${id} invalid`);
  return r.right;
});
const h = createHash('sha256');
const unstamped = createHash('sha256');
for (const input of generateCohort({ seed: 5, size: 3000, asOf: '2026-11-23' }))
  for (const trace of ['full', 'redacted', 'none'] as const)
    for (const lang of ['nb', 'en'] as const)
      for (const rs of sets) {
        const decision = m.evaluate(rs, input, { asOf: '2026-11-23', trace, lang });
        h.update(JSON.stringify(decision));
        // evaluate answers an Either; the stamp is on the decision inside it.
        const inner = (decision as { _tag: string; right?: Record<string, unknown> }).right;
        const { ruleSet: _stamp, ...rest } = inner ?? {};
        unstamped.update(JSON.stringify(inner === undefined ? decision : rest));
      }
process.stdout.write(`${h.digest('hex')}\n${unstamped.digest('hex')} (stamps left out)\n`);
