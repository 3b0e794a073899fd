/**
 * The sources of the one-rule-set entries, `src/ruleSets/entries/<id>.ts`, made from what compiling
 * each bundled rule set reads: the facts in its rules (found among the fact modules' exports) and the
 * code lists those facts use. A test fails when a committed entry is stale: run
 * `npx tsx scripts/generate-rule-set-entries.ts` after changing a rule set's facts or code lists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as assessment from '../src/facts/assessment.js';
import * as consent from '../src/facts/consent.js';
import * as demographics from '../src/facts/demographics.js';
import * as diagnoses from '../src/facts/diagnoses.js';
import * as encounters from '../src/facts/encounters.js';
import * as evaluation from '../src/facts/evaluation.js';
import * as frailty from '../src/facts/frailty.js';
import * as fn from '../src/facts/function.js';
import * as medications from '../src/facts/medications.js';
import * as needs from '../src/facts/needs.js';
import * as plan from '../src/facts/plan.js';
import * as preferences from '../src/facts/preferences.js';
import * as rights from '../src/facts/rights.js';
import * as social from '../src/facts/social.js';
import * as stage from '../src/facts/stage.js';
import * as team from '../src/facts/team.js';
import * as transition from '../src/facts/transition.js';
import { bundledRuleSetIds, loadBundledRuleSet } from '../src/ruleSets/load.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The fact modules by file name (under src/facts/). */
const FACT_MODULES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  assessment,
  consent,
  demographics,
  diagnoses,
  encounters,
  evaluation,
  frailty,
  function: fn,
  medications,
  needs,
  plan,
  preferences,
  rights,
  social,
  stage,
  team,
  transition,
};

const listName = (s: string) => `${s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}List`;

/** The source of `src/ruleSets/entries/<id>.ts`. */
export function ruleSetEntrySource(id: string): string {
  const r = loadBundledRuleSet(id);
  if (r._tag === 'Left') throw new Error(`${id}: the bundled rule set does not compile`);
  const byModule = new Map<string, Set<string>>();
  for (const slot of r.right.slots) {
    const found = Object.entries(FACT_MODULES).find(([, ns]) => ns[slot.name] === slot.def);
    if (!found) throw new Error(`${id}: fact ${slot.name} is not exported under that name by a fact module`);
    const names = byModule.get(found[0]) ?? new Set<string>();
    names.add(slot.name);
    byModule.set(found[0], names);
  }
  const lists = [...r.right.codeLists.keys()].sort();
  for (const l of lists) {
    const file = `${ROOT}rules/code-lists/${l}.json`;
    if (!existsSync(file) || (JSON.parse(readFileSync(file, 'utf8')) as { id: string }).id !== l)
      throw new Error(`${id}: code list ${l} is not in rules/code-lists/${l}.json`);
  }
  const modules = [...byModule.keys()].sort();
  const facts = modules.flatMap((m) => [...byModule.get(m)!].sort());
  return [
    '/**',
    ` * \`oppfolgingsteam/rule-sets/${id}\`: the bundled \`${id}\` rule set alone, with only the facts and`,
    ' * code lists it reads, for a bundle that needs this one rule set (`loadBundledRuleSet` brings them all).',
    ' * Made by scripts/generate-rule-set-entries.ts; a test checks that it is up to date.',
    ' *',
    ' * @packageDocumentation',
    ' */',
    `import file from '../../../rules/${id}.json';`,
    ...lists.map((l) => `import ${listName(l)} from '../../../rules/code-lists/${l}.json';`),
    ...modules.map((m) => `import { ${[...byModule.get(m)!].sort().join(', ')} } from '../../facts/${m}.js';`),
    "import { singleRuleSetLoader } from '../single.js';",
    "import type { RuleSetLoader } from '../single.js';",
    '',
    '/**',
    ` * Compiles the bundled \`${id}\` rule set: the rule set \`loadBundledRuleSet('${id}', options)\` gives,`,
    ' * with the same options. Compile once, at start-up, and reuse the result for every evaluation.',
    ' */',
    // The type is written out so that the declaration file names it (an inferred one would name fp-ts's file without its extension).
    'export const loadRuleSet: RuleSetLoader = /* @__PURE__ */ singleRuleSetLoader({',
    '  file,',
    `  facts: [${facts.join(', ')}],`,
    `  codeLists: [${lists.map(listName).join(', ')}],`,
    '});',
    '',
  ].join('\n');
}

/** Every entry: path under the repository root → source. */
export function ruleSetEntries(): Record<string, string> {
  return Object.fromEntries(bundledRuleSetIds().map((id) => [`src/ruleSets/entries/${id}.ts`, ruleSetEntrySource(id)]));
}
